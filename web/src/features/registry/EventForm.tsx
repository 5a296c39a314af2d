import { useRef } from 'react'
import { EventInput, EventPatch } from '../../../../src/contract/partner-input.ts'
import { confidences, eventKinds } from '../../../../src/domain/registry.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { confidenceLabels, eventKindLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import type { TimelineEventData } from '../partners/queries.ts'
import { FuzzyDateFields } from './FuzzyDateFields.tsx'
import { useFocusFirstError } from './focus-first-error.ts'
import { codeList, MarkingFields } from './MarkingFields.tsx'
import { useSavePartner } from './queries.ts'

interface Draft {
  kind: string
  title: string
  description: string
  precision: string
  date: string
  source: string
  confidence: string
  linkType: string
  linkId: string
  classification: string
  releasableTo: string
}

function draftOf(event: TimelineEventData | null): Draft {
  return {
    kind: event?.kind ?? 'meeting',
    title: event?.title ?? '',
    description: event?.description ?? '',
    precision: event?.precision ?? 'day',
    date: event?.date ?? '',
    source: event?.source ?? '',
    confidence: event?.confidence ?? 'high',
    linkType: event?.link?.type ?? '',
    linkId: event?.link?.id ?? '',
    classification: event?.marking.classification ?? 'PUBLIC',
    releasableTo: event?.marking.releasableTo.join(', ') ?? '',
  }
}

/** Adds an event to the partner's timeline (`event` null) or changes one under its version. */
export function EventForm({
  code,
  event,
  onDone,
}: {
  code: string
  event: TimelineEventData | null
  onDone: () => void
}) {
  const t = useT()
  const save = useSavePartner(event === null ? 'POST' : 'PATCH')
  const form = useRef<HTMLFormElement>(null)
  const idPrefix = event === null ? 'event-new' : `event-${event.id}`
  const { bind, draft, invalid, submit, messages } = useDraft({
    idPrefix,
    initial: () => draftOf(event),
    schema: event === null ? EventInput : EventPatch,
    candidate: (d: Draft) => ({
      kind: d.kind,
      title: d.title,
      description: d.description,
      date: { date: d.date.trim(), precision: d.precision },
      source: d.source.trim() === '' ? null : d.source,
      confidence: d.confidence,
      link: d.linkType === '' ? null : { type: d.linkType, id: d.linkId.trim() },
      marking: { classification: d.classification, releasableTo: codeList(d.releasableTo) },
    }),
    serverError: save.error,
    errorAt: { releasableTo: 'marking', linkId: 'link' },
  })
  useFocusFirstError(form, messages)
  const heading =
    event === null
      ? t('registry.eventForm.addEvent')
      : t('registry.eventForm.editEvent', { title: event.title })
  const linkOptions = [
    ['', t('registry.eventForm.linkNothing')],
    ['engagement', t('registry.eventForm.linkEngagement')],
    ['programme', t('registry.eventForm.linkProgramme')],
  ] as const
  const base = `/api/v1/partners/${code}/events`
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby={`${idPrefix}-heading`}
      onSubmit={submit((input) =>
        save.mutate(
          event === null
            ? { path: base, body: input }
            : { path: `${base}/${event.id}`, body: input, version: event.version },
          { onSuccess: onDone },
        ),
      )}
    >
      <h3 id={`${idPrefix}-heading`}>{heading}</h3>
      <DraftAlerts serverError={save.error} invalid={invalid} />
      <SelectField
        label={t('registry.eventForm.kind')}
        options={eventKinds.map((k) => [k, eventKindLabels[k]] as const)}
        {...bind('kind')}
      />
      <TextField label={t('registry.eventForm.title')} {...bind('title')} />
      <FuzzyDateFields
        legend={t('registry.eventForm.date')}
        precision={bind('precision')}
        date={bind('date')}
      />
      <TextField label={t('registry.eventForm.description')} rows={3} {...bind('description')} />
      <TextField label={t('registry.eventForm.sourceAWebAddress')} {...bind('source')} />
      <SelectField
        label={t('registry.eventForm.confidence')}
        options={confidences.map((c) => [c, confidenceLabels[c]] as const)}
        {...bind('confidence')}
      />
      <SelectField label={t('registry.eventForm.records')} options={linkOptions} {...bind('linkType')} />
      {draft.linkType === '' ? null : (
        <TextField
          label={t('registry.eventForm.idOfTheAsIn', { linkType: draft.linkType })}
          {...bind('linkId')}
        />
      )}
      <MarkingFields classification={bind('classification')} releasableTo={bind('releasableTo')} />
      <FormActions
        submit={save.isPending ? t('registry.eventForm.saving') : t('registry.eventForm.saveEvent')}
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  )
}
