import { useRef } from 'react'
import type { z } from 'zod'
import type { FrameworkMembership } from '../../../../src/contract/framework.ts'
import { MembershipEnd, MembershipInput, MembershipPatch } from '../../../../src/contract/framework-input.ts'
import { membershipStatuses } from '../../../../src/domain/registry.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { membershipStatusLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { FuzzyDateFields, fuzzyCandidate } from './FuzzyDateFields.tsx'
import { useFocusFirstError } from './focus-first-error.ts'
import { codeList, MarkingFields } from './MarkingFields.tsx'
import { useSaveFramework } from './queries.ts'

type Membership = z.infer<typeof FrameworkMembership>

interface Draft {
  country: string
  fromPrecision: string
  from: string
  toPrecision: string
  to: string
  status: string
  note: string
  classification: string
  releasableTo: string
}

function draftOf(membership: Membership | null): Draft {
  return {
    country: membership?.code ?? '',
    fromPrecision: membership?.from?.precision ?? 'year',
    from: membership?.from?.date ?? '',
    toPrecision: membership?.to?.precision ?? '',
    to: membership?.to?.date ?? '',
    status: membership?.status ?? 'active',
    note: membership?.note ?? '',
    classification: membership?.marking.classification ?? 'PUBLIC',
    releasableTo: membership?.marking.releasableTo.join(', ') ?? '',
  }
}

/** Records a membership span in the framework (`membership` null) or changes one under its version. */
export function MembershipForm({
  frameworkId,
  membership,
  onDone,
}: {
  frameworkId: string
  membership: Membership | null
  onDone: () => void
}) {
  const t = useT()
  const save = useSaveFramework(membership === null ? 'POST' : 'PATCH')
  const form = useRef<HTMLFormElement>(null)
  const idPrefix = membership === null ? 'membership-new' : `membership-${membership.id}`
  const { bind, invalid, submit, messages } = useDraft({
    idPrefix,
    initial: () => draftOf(membership),
    schema: membership === null ? MembershipInput : MembershipPatch,
    candidate: (d: Draft) => ({
      ...(membership === null ? { country: d.country.trim() } : {}),
      from: fuzzyCandidate(d.fromPrecision, d.from),
      to: fuzzyCandidate(d.toPrecision, d.to),
      status: d.status,
      note: d.note.trim() === '' ? null : d.note,
      marking: { classification: d.classification, releasableTo: codeList(d.releasableTo) },
    }),
    serverError: save.error,
    errorAt: { releasableTo: 'marking' },
  })
  useFocusFirstError(form, messages)
  const base = `/api/v1/frameworks/${frameworkId}/memberships`
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby={`${idPrefix}-heading`}
      onSubmit={submit((input) =>
        save.mutate(
          membership === null
            ? { path: base, body: input }
            : { path: `${base}/${membership.id}`, body: input, version: membership.version },
          { onSuccess: onDone },
        ),
      )}
    >
      <h3 id={`${idPrefix}-heading`}>
        {membership === null
          ? t('registry.membershipForm.addMembership')
          : t('registry.membershipForm.editSMembership', { name: membership.name })}
      </h3>
      <DraftAlerts serverError={save.error} invalid={invalid} />
      {membership === null ? (
        <TextField label={t('registry.membershipForm.countryCodeEGJpn')} {...bind('country')} />
      ) : null}
      <FuzzyDateFields
        legend={t('registry.membershipForm.from')}
        optional
        precision={bind('fromPrecision')}
        date={bind('from')}
      />
      <FuzzyDateFields
        legend={t('registry.membershipForm.to')}
        optional
        precision={bind('toPrecision')}
        date={bind('to')}
      />
      <SelectField
        label={t('registry.membershipForm.status')}
        options={membershipStatuses.map((s) => [s, membershipStatusLabels[s]] as const)}
        {...bind('status')}
      />
      <TextField label={t('registry.membershipForm.note')} {...bind('note')} />
      <MarkingFields classification={bind('classification')} releasableTo={bind('releasableTo')} />
      <FormActions
        submit={
          save.isPending ? t('registry.membershipForm.saving') : t('registry.membershipForm.saveMembership')
        }
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  )
}

/** Ends a running membership on a (fuzzy) day. */
export function EndMembershipForm({
  frameworkId,
  membership,
  onDone,
}: {
  frameworkId: string
  membership: Membership
  onDone: () => void
}) {
  const t = useT()
  const save = useSaveFramework('POST')
  const form = useRef<HTMLFormElement>(null)
  const idPrefix = `membership-end-${membership.id}`
  const { bind, invalid, submit, messages } = useDraft({
    idPrefix,
    initial: () => ({ toPrecision: 'year', to: '' }),
    schema: MembershipEnd,
    candidate: (d: { toPrecision: string; to: string }) => ({
      to: { date: d.to.trim(), precision: d.toPrecision },
    }),
    serverError: save.error,
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
          {
            path: `/api/v1/frameworks/${frameworkId}/memberships/${membership.id}/end`,
            body: input,
            version: membership.version,
          },
          { onSuccess: onDone },
        ),
      )}
    >
      <h3 id={`${idPrefix}-heading`}>
        {t('registry.membershipForm.endSMembership', { name: membership.name })}
      </h3>
      <DraftAlerts serverError={save.error} invalid={invalid} />
      <FuzzyDateFields
        legend={t('registry.membershipForm.lastDay')}
        precision={bind('toPrecision')}
        date={bind('to')}
      />
      <FormActions
        submit={
          save.isPending ? t('registry.membershipForm.saving') : t('registry.membershipForm.endMembership')
        }
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  )
}
