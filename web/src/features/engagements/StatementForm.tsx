import { type FormEvent, useState } from 'react'
import { StatementInput } from '../../../../src/contract/engagement-statement.ts'
import {
  statementKindLabels,
  statementKinds,
  statementStatuses,
  statementStatusLabels,
} from '../../../../src/domain/engagement-statement.ts'
import { classifications } from '../../../../src/domain/marking.ts'
import { isApiProblem } from '../../lib/api.ts'
import type { StatementData, StatementInputData } from './statement-queries.ts'

/** The form's own state: plain strings, as people type them. */
interface Draft {
  kind: string
  status: string
  title: string
  issuedOn: string
  issuers: string
  summary: string
  priorityAreas: string
  classification: string
  releasableTo: string
}

function draftFrom(statement: StatementData | undefined): Draft {
  if (statement === undefined) {
    return {
      kind: 'joint-statement',
      status: 'drafting',
      title: '',
      issuedOn: '',
      issuers: 'NATO',
      summary: '',
      priorityAreas: '',
      classification: 'PUBLIC',
      releasableTo: '',
    }
  }
  return {
    kind: statement.kind,
    status: statement.status,
    title: statement.title,
    issuedOn: statement.issuedOn ?? '',
    issuers: statement.issuers.join(', '),
    summary: statement.summary,
    priorityAreas: statement.priorityAreas.join(', '),
    classification: statement.marking.classification,
    releasableTo: statement.marking.releasableTo.join(', '),
  }
}

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')

/** The draft in the API's shape, still unchecked: the shared schema decides whether it is valid. */
function toCandidate(draft: Draft, engagementId: string | null): Record<string, unknown> {
  return {
    kind: draft.kind,
    status: draft.status,
    title: draft.title,
    summary: draft.summary,
    issuedOn: draft.issuedOn === '' ? null : draft.issuedOn,
    issuers: list(draft.issuers),
    engagementId,
    priorityAreas: list(draft.priorityAreas),
    marking: { classification: draft.classification, releasableTo: list(draft.releasableTo) },
  }
}

type TextKey = 'title' | 'issuedOn' | 'issuers' | 'priorityAreas' | 'summary' | 'releasableTo'

/**
 * Record or change a statement of an engagement. As with the engagement form, the shared Zod schema
 * checks it before sending (same messages as the server), and server problems — a stale version
 * (409), an unknown issuer — are shown at the top and on their fields.
 */
export function StatementForm({
  initial,
  engagementId,
  onSubmit,
  onCancel,
  pending,
  serverError,
}: {
  initial: StatementData | undefined
  engagementId: string
  onSubmit: (input: StatementInputData) => void
  onCancel: () => void
  pending: boolean
  serverError: unknown
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(initial))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const prefix = `statement-${initial?.id ?? 'new'}`
  const serverErrors: Record<string, string> = {}
  if (isApiProblem(serverError)) {
    for (const error of serverError.errors) {
      const key = error.pointer.replace(/^#\//, '').split('/')[0] ?? ''
      serverErrors[key] ??= error.detail
    }
  }
  const shown = { ...serverErrors, ...errors }
  const change = (key: keyof Draft, value: string) => setDraft((current) => ({ ...current, [key]: value }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = StatementInput.safeParse(toCandidate(draft, initial?.engagementId ?? engagementId))
    if (!result.success) {
      const found: Record<string, string> = {}
      for (const issue of result.error.issues) {
        found[String(issue.path[0] ?? 'form')] ??= issue.message
      }
      setErrors(found)
      return
    }
    setErrors({})
    onSubmit(result.data)
  }
  // Marking problems come back on marking/releasableTo; show them under the releasable-to field.
  const errorKey = (key: string) => (key === 'releasableTo' ? 'marking' : key)
  const errorOf = (key: string) =>
    shown[errorKey(key)] === undefined ? null : (
      <p className="field-error" id={`${prefix}-${key}-error`}>
        {shown[errorKey(key)]}
      </p>
    )
  const fieldClass = (key: string) => `field${shown[errorKey(key)] === undefined ? '' : ' has-error'}`
  const aria = (key: string) =>
    shown[errorKey(key)] === undefined
      ? {}
      : { 'aria-invalid': true, 'aria-describedby': `${prefix}-${key}-error` }
  const text = (key: TextKey, label: string, type = 'text') => (
    <div className={fieldClass(key)}>
      <label htmlFor={`${prefix}-${key}`}>{label}</label>
      {key === 'summary' ? (
        <textarea
          id={`${prefix}-${key}`}
          className="input"
          rows={4}
          value={draft[key]}
          onChange={(event) => change(key, event.target.value)}
          {...aria(key)}
        />
      ) : (
        <input
          id={`${prefix}-${key}`}
          className="input"
          type={type}
          value={draft[key]}
          onChange={(event) => change(key, event.target.value)}
          {...aria(key)}
        />
      )}
      {errorOf(key)}
    </div>
  )
  const choice = (
    key: 'kind' | 'status' | 'classification',
    label: string,
    options: readonly (readonly [string, string])[],
  ) => (
    <div className={fieldClass(key)}>
      <label htmlFor={`${prefix}-${key}`}>{label}</label>
      <select
        id={`${prefix}-${key}`}
        className="input"
        value={draft[key]}
        onChange={(event) => change(key, event.target.value)}
        {...aria(key)}
      >
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {errorOf(key)}
    </div>
  )
  return (
    <form
      className="form statement-form"
      onSubmit={submit}
      noValidate
      aria-label={initial === undefined ? 'Add a statement' : `Edit ${initial.title}`}
    >
      {isApiProblem(serverError) ? (
        <div className="form-error" role="alert">
          <p>
            <strong>{serverError.title}.</strong> {serverError.detail}
            {serverError.status === 409
              ? ' The form now shows the current version: make your change again.'
              : ''}
          </p>
        </div>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <div className="form-error" role="alert">
          <p>Please correct the fields marked below.</p>
        </div>
      ) : null}
      {choice(
        'kind',
        'Kind',
        statementKinds.map((kind) => [kind, statementKindLabels[kind]] as const),
      )}
      {text('title', 'Title (or, when none was issued, what was decided)')}
      {choice(
        'status',
        'Status',
        statementStatuses.map((status) => [status, statementStatusLabels[status]] as const),
      )}
      {text('issuedOn', 'Issued on (issued statements only)', 'date')}
      {text('issuers', 'Issuers: NATO or country codes, separated by commas')}
      {text('summary', 'Summary')}
      {text('priorityAreas', 'Priority area ids, separated by commas')}
      {choice(
        'classification',
        'Classification',
        classifications.map((c) => [c, c] as const),
      )}
      {text('releasableTo', 'Releasable to (partner codes; empty = alliance only)')}
      <div className="statement-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : 'Save statement'}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
