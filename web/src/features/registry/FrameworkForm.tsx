import { useRef } from 'react'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import type { FrameworkDetail } from '../../../../src/contract/framework.ts'
import { FrameworkInput, FrameworkPatch } from '../../../../src/contract/framework-input.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { FuzzyDateFields, fuzzyCandidate } from './FuzzyDateFields.tsx'
import { useFocusFirstError } from './focus-first-error.ts'
import { codeList, MarkingFields } from './MarkingFields.tsx'
import { useSaveFramework } from './queries.ts'

type FrameworkData = z.infer<typeof FrameworkDetail>

interface Draft {
  id: string
  name: string
  shortName: string
  formal: string
  startedPrecision: string
  started: string
  description: string
  source: string
  classification: string
  releasableTo: string
}

function draftOf(framework: FrameworkData | null): Draft {
  return {
    id: framework?.id ?? '',
    name: framework?.name ?? '',
    shortName: framework?.shortName ?? '',
    formal: framework?.formal === true ? 'formal' : 'informal',
    startedPrecision: framework?.started?.precision ?? '',
    started: framework?.started?.date ?? '',
    description: framework?.description ?? '',
    source: framework?.source ?? '',
    classification: framework?.recordMarking.classification ?? 'PUBLIC',
    releasableTo: framework?.recordMarking.releasableTo.join(', ') ?? '',
  }
}

/** A new framework (`framework` null) or the one on the page, changed under its version. */
export function FrameworkForm({
  framework,
  onDone,
}: {
  framework: FrameworkData | null
  onDone: () => void
}) {
  const t = useT()
  const save = useSaveFramework(framework === null ? 'POST' : 'PATCH')
  const navigate = useNavigate()
  const form = useRef<HTMLFormElement>(null)
  const idPrefix = framework === null ? 'framework-new' : 'framework-edit'
  const { bind, invalid, submit, messages } = useDraft({
    idPrefix,
    initial: () => draftOf(framework),
    schema: framework === null ? FrameworkInput : FrameworkPatch,
    candidate: (d: Draft) => ({
      ...(framework === null ? { id: d.id.trim() } : {}),
      name: d.name,
      shortName: d.shortName,
      formal: d.formal === 'formal',
      started: fuzzyCandidate(d.startedPrecision, d.started),
      description: d.description,
      source: d.source.trim() === '' ? null : d.source,
      marking: { classification: d.classification, releasableTo: codeList(d.releasableTo) },
    }),
    serverError: save.error,
    errorAt: { releasableTo: 'marking' },
  })
  useFocusFirstError(form, messages)
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby={`${idPrefix}-heading`}
      onSubmit={submit((input) =>
        save.mutate(
          framework === null
            ? { path: '/api/v1/frameworks', body: input }
            : { path: `/api/v1/frameworks/${framework.id}`, body: input, version: framework.version },
          {
            onSuccess: (saved) => {
              onDone()
              if (framework === null) navigate(`/frameworks/${saved.id}`)
            },
          },
        ),
      )}
    >
      <h2 id={`${idPrefix}-heading`}>
        {framework === null
          ? t('registry.frameworkForm.newFramework')
          : t('registry.frameworkForm.editFramework')}
      </h2>
      <DraftAlerts serverError={save.error} invalid={invalid} />
      {framework === null ? (
        <TextField label={t('registry.frameworkForm.idLowerCaseEG')} {...bind('id')} />
      ) : null}
      <TextField label={t('registry.frameworkForm.name')} {...bind('name')} />
      <TextField label={t('registry.frameworkForm.shortName')} {...bind('shortName')} />
      <SelectField
        label={t('registry.frameworkForm.kind')}
        options={[
          ['formal', t('registry.frameworkForm.formal')],
          ['informal', t('registry.frameworkForm.informal')],
        ]}
        {...bind('formal')}
      />
      <FuzzyDateFields
        legend={t('registry.frameworkForm.started')}
        optional
        precision={bind('startedPrecision')}
        date={bind('started')}
      />
      <TextField label={t('registry.frameworkForm.description')} rows={3} {...bind('description')} />
      <TextField label={t('registry.frameworkForm.sourceAWebAddress')} {...bind('source')} />
      <MarkingFields classification={bind('classification')} releasableTo={bind('releasableTo')} />
      <FormActions
        submit={
          save.isPending ? t('registry.frameworkForm.saving') : t('registry.frameworkForm.saveFramework')
        }
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  )
}
