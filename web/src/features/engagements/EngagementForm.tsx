import { type FormEvent, useState } from 'react'
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
import { isApiProblem } from '../../lib/api.ts'
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
export function EngagementForm({
  initial,
  onSubmit,
  pending,
  serverError,
}: {
  initial: EngagementDetailData | undefined
  onSubmit: (input: EngagementInputData) => void
  pending: boolean
  serverError: unknown
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(initial))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const serverErrors: Record<string, string> = {}
  if (isApiProblem(serverError)) {
    for (const error of serverError.errors) {
      const key = error.pointer.replace(/^#\//, '').split('/')[0] ?? ''
      serverErrors[key] ??= error.detail
    }
  }
  const shown = { ...serverErrors, ...errors }
  const change = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = EngagementInput.safeParse(toCandidate(draft))
    if (!result.success) {
      const found: Record<string, string> = {}
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? 'form')
        found[key] ??= issue.message
      }
      setErrors(found)
      return
    }
    setErrors({})
    onSubmit(result.data)
  }
  const errorOf = (key: string) =>
    shown[key] === undefined ? null : (
      <p className="field-error" id={`engagement-${key}-error`}>
        {shown[key]}
      </p>
    )
  const described = (key: string) => (shown[key] === undefined ? undefined : `engagement-${key}-error`)
  const choice = (
    key: 'kind' | 'level' | 'format' | 'classification',
    label: string,
    options: readonly (readonly [string, string])[],
  ) => (
    <div className={`field${shown[key] === undefined ? '' : ' has-error'}`}>
      <label htmlFor={`engagement-${key}`}>{label}</label>
      <select
        id={`engagement-${key}`}
        className="input"
        value={draft[key]}
        onChange={(event) => change(key, event.target.value)}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {errorOf(key)}
    </div>
  )
  return (
    <form className="form" onSubmit={submit} noValidate>
      {isApiProblem(serverError) ? (
        <div className="form-error" role="alert">
          <p>
            <strong>{serverError.title}.</strong> {serverError.detail}
          </p>
        </div>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <div className="form-error" role="alert">
          <p>Please correct the fields marked below.</p>
        </div>
      ) : null}
      {textFields.map(([key, label]) => (
        <div key={key} className={`field${shown[key] === undefined ? '' : ' has-error'}`}>
          <label htmlFor={`engagement-${key}`}>{label}</label>
          <input
            id={`engagement-${key}`}
            className="input"
            value={draft[key]}
            onChange={(event) => change(key, event.target.value)}
            aria-invalid={shown[key] === undefined ? undefined : true}
            aria-describedby={described(key)}
          />
          {errorOf(key)}
        </div>
      ))}
      {choice(
        'kind',
        'Kind',
        engagementKinds.map((kind) => [kind, kindLabels[kind]] as const),
      )}
      {choice(
        'level',
        'Level',
        engagementLevels.map((level) => [level, levelLabels[level]] as const),
      )}
      {choice(
        'format',
        'Format',
        engagementFormats.map((format) => [format, formatLabels[format]] as const),
      )}
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
        <div key={key} className={`field${shown[key] === undefined ? '' : ' has-error'}`}>
          <label htmlFor={`engagement-${key}`}>
            {key === 'start' ? 'Starts' : 'Ends'} (local time at the place)
          </label>
          <input
            id={`engagement-${key}`}
            className="input"
            type={draft.allDay ? 'date' : 'datetime-local'}
            value={draft[key]}
            onChange={(event) => change(key, event.target.value)}
            aria-invalid={shown[key] === undefined ? undefined : true}
            aria-describedby={described(key)}
          />
          {errorOf(key)}
        </div>
      ))}
      {(
        [
          ['participants', 'Participants: one per line, “CODE; person; role”'],
          ['priorityAreas', 'Priority area ids, separated by commas'],
          ['outcomes', 'Outcomes, one per line'],
          ['summary', 'Summary'],
        ] as const
      ).map(([key, label]) => (
        <div key={key} className={`field${shown[key] === undefined ? '' : ' has-error'}`}>
          <label htmlFor={`engagement-${key}`}>{label}</label>
          <textarea
            id={`engagement-${key}`}
            className="input"
            rows={key === 'summary' ? 4 : 3}
            value={draft[key]}
            onChange={(event) => change(key, event.target.value)}
            aria-invalid={shown[key] === undefined ? undefined : true}
            aria-describedby={described(key)}
          />
          {errorOf(key)}
        </div>
      ))}
      {choice(
        'classification',
        'Classification',
        classifications.map((c) => [c, c] as const),
      )}
      <div className={`field${shown.marking === undefined ? '' : ' has-error'}`}>
        <label htmlFor="engagement-releasableTo">Releasable to (partner codes; empty = alliance only)</label>
        <input
          id="engagement-releasableTo"
          className="input"
          value={draft.releasableTo}
          onChange={(event) => change('releasableTo', event.target.value)}
          aria-describedby={described('marking')}
        />
        {errorOf('marking')}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save engagement'}
      </button>
    </form>
  )
}
