import type { ReactNode } from 'react'
import { useT } from '../i18n/useT.ts'
import type { ApiProblem } from '../lib/problem.ts'

/** The attributes that tie a control to its error message, when it has one. */
function described(id: string, error: string | undefined) {
  return error === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${id}-error` }
}

function FieldShell({
  id,
  label,
  error,
  children,
}: {
  id: string
  label: ReactNode
  error: string | undefined
  children: ReactNode
}) {
  return (
    <div className={`field${error === undefined ? '' : ' has-error'}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error === undefined ? null : (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}

interface ControlProps {
  readonly id: string
  readonly label: ReactNode
  readonly error: string | undefined
  readonly value: string
  readonly onChange: (value: string) => void
}

/** A labelled text input (or a textarea with `rows`) with its error message wired up. */
export function TextField({
  id,
  label,
  error,
  value,
  onChange,
  type = 'text',
  rows,
}: ControlProps & { readonly type?: string; readonly rows?: number }) {
  return (
    <FieldShell id={id} label={label} error={error}>
      {rows === undefined ? (
        <input
          id={id}
          className="input"
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...described(id, error)}
        />
      ) : (
        <textarea
          id={id}
          className="input"
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...described(id, error)}
        />
      )}
    </FieldShell>
  )
}

/** A labelled select of `[value, label]` options with its error message wired up. */
export function SelectField({
  id,
  label,
  error,
  value,
  onChange,
  options,
}: ControlProps & { readonly options: readonly (readonly [string, string])[] }) {
  return (
    <FieldShell id={id} label={label} error={error}>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...described(id, error)}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

/** The alerts at the top of a checked form: the server's refusal, or the fields still to correct. */
export function DraftAlerts({
  serverError,
  invalid,
  count,
}: {
  serverError: ApiProblem | null
  invalid: boolean
  /** How many fields need correcting, when the form counts them (announced with the alert). */
  count?: number
}) {
  const t = useT()
  return (
    <>
      {serverError === null ? null : (
        <div className="form-error" role="alert">
          <p>
            <strong>{serverError.title}.</strong> {serverError.detail}
            {serverError.advice === undefined ? '' : ` ${serverError.advice}`}
          </p>
        </div>
      )}
      {invalid ? (
        <div className="form-error" role="alert">
          <p>
            {count === undefined || count < 2
              ? t('ui.draftFields.pleaseCorrectTheFieldsMarked')
              : t('ui.draftFields.pleaseCorrectTheFieldsMarked2', { count })}
          </p>
        </div>
      ) : null}
    </>
  )
}
