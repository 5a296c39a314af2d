import { EngagementInput } from '../../../../src/contract/engagement.ts'
import {
  engagementFormats,
  engagementKinds,
  engagementLevels,
  formatLabels,
  kindLabels,
  levelLabels,
} from '../../../../src/domain/engagement.ts'
import { classifications } from '../../../../src/domain/marking.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import type { ApiProblem } from '../../lib/problem.ts'
import { useDraft } from '../../lib/useDraft.ts'
import type { EngagementDetailData, EngagementInputData } from './queries.ts'

/** The form's own state: plain strings, as people type them. */
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
  participants: string
  priorityAreas: string
  outcomes: string
  classification: string
  releasableTo: string
}

export function draftFrom(detail: EngagementDetailData | undefined): Draft {
  if (detail === undefined) {
    return {
      title: '',
      kind: 'staff-talks',
      level: 'working-level',
      format: 'bilateral',
      place: 'NATO Headquarters, Brussels',
      host: '',
      timeZone: 'Europe/Brussels',
      allDay: false,
      start: '',
      end: '',
      parentId: '',
      summary: '',
      participants: '',
      priorityAreas: '',
      outcomes: '',
      classification: 'UNCLASSIFIED',
      releasableTo: '',
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
    participants: detail.participants
      .map((p) => [p.country, p.person ?? '', p.role ?? ''].join('; ').replace(/(; )+$/, ''))
      .join('\n'),
    priorityAreas: detail.priorityAreas.join(', '),
    outcomes: detail.outcomes.join('\n'),
    classification: detail.marking.classification,
    releasableTo: detail.marking.releasableTo.join(', '),
  }
}

const list = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '')

/** The draft in the API's shape, still unchecked: the shared schema decides whether it is valid. */
function toCandidate(draft: Draft): Record<string, unknown> {
  return {
    title: draft.title,
    kind: draft.kind,
    level: draft.level,
    format: draft.format,
    place: draft.place,
    host: draft.host.trim() === '' ? null : draft.host.trim(),
    timeZone: draft.timeZone.trim(),
    allDay: draft.allDay,
    start: draft.start,
    end: draft.end,
    parentId: draft.parentId.trim() === '' ? null : draft.parentId.trim(),
    summary: draft.summary,
    participants: list(draft.participants, /\n/).map((line) => {
      const [country = '', person = '', role = ''] = line.split(';').map((part) => part.trim())
      return { country, person: person === '' ? null : person, role: role === '' ? null : role }
    }),
    priorityAreas: list(draft.priorityAreas, /,/),
    outcomes: list(draft.outcomes, /\n/),
    marking: { classification: draft.classification, releasableTo: list(draft.releasableTo, /,/) },
  }
}

const textFields = [
  ['title', 'Title'],
  ['place', 'Place'],
  ['timeZone', 'Time zone (IANA name, e.g. Europe/Madrid)'],
  ['host', 'Host country code (empty when the alliance hosts)'],
  ['parentId', 'Parent engagement id (sideline meetings only)'],
] as const

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
  const { draft, change, bind, invalid, submit } = useDraft({
    idPrefix: 'engagement',
    initial: () => ({ ...draftFrom(initial), ...prefill }),
    schema: EngagementInput,
    candidate: toCandidate,
    serverError,
    // Marking problems come back on marking/releasableTo; show them under the releasable-to field.
    errorAt: { releasableTo: 'marking' },
  })
  return (
    <form className="form" onSubmit={submit(onSubmit)} noValidate>
      <DraftAlerts serverError={serverError} invalid={invalid} />
      {textFields.map(([key, label]) => (
        <TextField key={key} label={label} {...bind(key)} />
      ))}
      <SelectField
        label="Kind"
        options={engagementKinds.map((kind) => [kind, kindLabels[kind]] as const)}
        {...bind('kind')}
      />
      <SelectField
        label="Level"
        options={engagementLevels.map((level) => [level, levelLabels[level]] as const)}
        {...bind('level')}
      />
      <SelectField
        label="Format"
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
          All day (dates only)
        </label>
      </div>
      {(['start', 'end'] as const).map((key) => (
        <TextField
          key={key}
          label={`${key === 'start' ? 'Starts' : 'Ends'} (local time at the place)`}
          type={draft.allDay ? 'date' : 'datetime-local'}
          {...bind(key)}
        />
      ))}
      <TextField
        label="Participants: one per line, “CODE; person; role”"
        rows={3}
        {...bind('participants')}
      />
      <TextField label="Priority area ids, separated by commas" rows={3} {...bind('priorityAreas')} />
      <TextField label="Outcomes, one per line" rows={3} {...bind('outcomes')} />
      <TextField label="Summary" rows={4} {...bind('summary')} />
      <SelectField
        label="Classification"
        options={classifications.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <TextField label="Releasable to (partner codes; empty = alliance only)" {...bind('releasableTo')} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save engagement'}
      </button>
    </form>
  )
}
