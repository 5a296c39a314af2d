import { EngagementInput } from '../../../../src/contract/engagement.ts'
import { engagementFormats, engagementKinds, engagementLevels } from '../../../../src/domain/engagement.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { MultiPickerField, PickerField } from '../../components/Pickers.tsx'
import { formatLabels, engagementKindLabels as kindLabels, levelLabels } from '../../i18n/labels.ts'
import { t as translate } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import type { ApiProblem } from '../../lib/problem.ts'
import { useDraft } from '../../lib/useDraft.ts'
import {
  priorityAreaOptions,
  useChoosableClassifications,
  useCountryOptions,
  useParentOptions,
  usePartnerOptions,
  useZoneOptions,
} from './form-options.ts'
import { ParticipantRows } from './ParticipantRows.tsx'
import type { EngagementDetailData, EngagementInputData } from './queries.ts'

/** One participant row as typed: a country code, and the person and role when known. */
export interface ParticipantDraft {
  country: string
  person: string
  role: string
}

/** The form's own state: plain strings and lists, as people choose them. */
interface Draft {
  title: string
  kind: string
  level: string
  format: string
  place: string
  host: string
  timeZone: string
  allDay: boolean
  start: string
  end: string
  parentId: string
  summary: string
  participants: ParticipantDraft[]
  priorityAreas: string[]
  outcomes: string
  classification: string
  releasableTo: string[]
}

export function draftFrom(detail: EngagementDetailData | undefined): Draft {
  if (detail === undefined) {
    return {
      title: '',
      kind: 'staff-talks',
      level: 'working-level',
      format: 'bilateral',
      place: translate('engagements.engagementForm.defaultPlace'),
      host: '',
      timeZone: 'Europe/Brussels',
      allDay: false,
      start: '',
      end: '',
      parentId: '',
      summary: '',
      participants: [],
      priorityAreas: [],
      outcomes: '',
      classification: 'UNCLASSIFIED',
      releasableTo: [],
    }
  }
  return {
    title: detail.title,
    kind: detail.kind,
    level: detail.level,
    format: detail.format,
    place: detail.place,
    host: detail.host ?? '',
    timeZone: detail.timeZone,
    allDay: detail.allDay,
    start: detail.start.place.local,
    end: detail.end.place.local,
    parentId: detail.parentId ?? '',
    summary: detail.summary,
    participants: detail.participants.map((p) => ({
      country: p.country,
      person: p.person ?? '',
      role: p.role ?? '',
    })),
    priorityAreas: [...detail.priorityAreas],
    outcomes: detail.outcomes.join('\n'),
    classification: detail.marking.classification,
    releasableTo: [...detail.marking.releasableTo],
  }
}

const lines = (text: string) =>
  text
    .split(/\n/)
    .map((item) => item.trim())
    .filter((item) => item !== '')

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

/** The draft in the API's shape, still unchecked: the shared schema decides whether it is valid. */
function toCandidate(draft: Draft): Record<string, unknown> {
  return {
    title: draft.title,
    kind: draft.kind,
    level: draft.level,
    format: draft.format,
    place: draft.place,
    host: orNull(draft.host),
    timeZone: draft.timeZone.trim(),
    allDay: draft.allDay,
    start: draft.start,
    end: draft.end,
    parentId: orNull(draft.parentId),
    summary: draft.summary,
    participants: draft.participants
      .filter((row) => `${row.country}${row.person}${row.role}`.trim() !== '')
      .map((row) => ({ country: row.country.trim(), person: orNull(row.person), role: orNull(row.role) })),
    priorityAreas: draft.priorityAreas,
    outcomes: lines(draft.outcomes),
    marking: { classification: draft.classification, releasableTo: draft.releasableTo },
  }
}

/**
 * Create or edit an engagement. The shared Zod schema checks the form before sending, so its
 * messages match the server's; problems only the server can find (a stale version, an unknown
 * country) come back as problem+json and are shown on the same fields.
 */
/** What another page may fill in a new engagement with, e.g. a slot chosen on the Scheduling page. */
export type EngagementPrefill = Partial<Pick<Draft, 'title' | 'start' | 'end' | 'timeZone'>>

export function EngagementForm({
  initial,
  prefill,
  onSubmit,
  pending,
  serverError,
}: {
  initial: EngagementDetailData | undefined
  prefill?: EngagementPrefill | undefined
  onSubmit: (input: EngagementInputData) => void
  pending: boolean
  serverError: ApiProblem | null
}) {
  const t = useT()
  const { draft, change, bind, invalid, problemCount, messages, submit } = useDraft({
    idPrefix: 'engagement',
    initial: () => ({ ...draftFrom(initial), ...prefill }),
    schema: EngagementInput,
    candidate: toCandidate,
    serverError,
  })
  const zones = useZoneOptions()
  const countries = useCountryOptions()
  const partners = usePartnerOptions()
  const parents = useParentOptions(initial?.id)
  const choosable = useChoosableClassifications(draft.classification)
  return (
    <form className="form" onSubmit={submit(onSubmit)} noValidate>
      <DraftAlerts serverError={serverError} invalid={invalid} count={problemCount} />
      <TextField label={t('engagements.engagementForm.title')} {...bind('title')} />
      <TextField label={t('engagements.engagementForm.place')} {...bind('place')} />
      <PickerField
        label={t('engagements.engagementForm.timeZone')}
        hint={t('engagements.engagementForm.searchByCityOrCountry')}
        options={zones}
        placeholder={t('engagements.engagementForm.eGTokyoOrJapan')}
        {...bind('timeZone')}
      />
      <PickerField
        label={t('engagements.engagementForm.hostCountry')}
        hint={t('engagements.engagementForm.leaveEmptyWhenTheAlliance')}
        options={countries}
        placeholder={t('engagements.engagementForm.searchByNameOrCode')}
        {...bind('host')}
      />
      <SelectField
        label={t('engagements.engagementForm.kind')}
        options={engagementKinds.map((kind) => [kind, kindLabels[kind]] as const)}
        {...bind('kind')}
      />
      <SelectField
        label={t('engagements.engagementForm.level')}
        options={engagementLevels.map((level) => [level, levelLabels[level]] as const)}
        {...bind('level')}
      />
      <SelectField
        label={t('engagements.engagementForm.format')}
        options={engagementFormats.map((format) => [format, formatLabels[format]] as const)}
        {...bind('format')}
      />
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={draft.allDay}
            onChange={(event) => change('allDay', event.target.checked)}
          />{' '}
          {t('engagements.engagementForm.allDayDatesOnly')}
        </label>
      </div>
      {(['start', 'end'] as const).map((key) => (
        <TextField
          key={key}
          label={
            key === 'start'
              ? t('engagements.engagementForm.startsLocalTime')
              : t('engagements.engagementForm.endsLocalTime')
          }
          type={draft.allDay ? 'date' : 'datetime-local'}
          {...bind(key)}
        />
      ))}
      <PickerField
        label={t('engagements.engagementForm.parentEngagementSidelineMeetingsOnly')}
        hint={t('engagements.engagementForm.searchByTitleOrDate')}
        options={parents}
        placeholder={t('engagements.engagementForm.searchAnEngagement')}
        {...bind('parentId')}
      />
      <ParticipantRows
        idPrefix="engagement-participants"
        rows={draft.participants}
        onChange={(rows) => change('participants', rows)}
        countries={countries}
        error={messages.participants}
      />
      <MultiPickerField
        id="engagement-priorityAreas"
        label={t('engagements.engagementForm.priorityAreas')}
        options={priorityAreaOptions()}
        placeholder={t('engagements.engagementForm.searchAPriorityArea')}
        emptyText={t('engagements.engagementForm.noPriorityAreaChosen')}
        values={draft.priorityAreas}
        onChange={(values) => change('priorityAreas', values)}
        error={messages.priorityAreas}
      />
      <TextField label={t('engagements.engagementForm.outcomesOnePerLine')} rows={3} {...bind('outcomes')} />
      <TextField label={t('engagements.engagementForm.summary')} rows={4} {...bind('summary')} />
      <SelectField
        label={t('engagements.engagementForm.classification')}
        options={choosable.map((c) => [c, c] as const)}
        {...bind('classification')}
        error={messages.marking}
      />
      <MultiPickerField
        id="engagement-releasableTo"
        label={t('engagements.engagementForm.releasableTo')}
        hint={t('engagements.engagementForm.partnersThatMaySeeIt')}
        options={partners}
        placeholder={t('engagements.engagementForm.searchAPartner')}
        emptyText={t('engagements.engagementForm.allianceOnly')}
        values={draft.releasableTo}
        onChange={(values) => change('releasableTo', values)}
        error={undefined}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('engagements.engagementForm.saving') : t('engagements.engagementForm.saveEngagement')}
      </button>
    </form>
  )
}
