import { type ReactNode, useRef, useState } from 'react'
import { CooperationRegistrationInput } from '../../../../src/contract/cooperation.ts'
import { participantRoles } from '../../../../src/domain/cooperation/vocabulary.ts'
import { fieldErrors } from '../../components/Field.tsx'
import { useT } from '../../i18n/useT.ts'
import { type ApiProblem, asProblem } from '../../lib/problem.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import { roleLabels } from './labels.ts'
import { type RequestData, useRegister } from './queries.ts'

interface Row {
  readonly key: number
  readonly personName: string
  readonly nation: string
  readonly role: string
}

type RowErrors = Readonly<Record<string, string>>

function Cell({
  id,
  label,
  error,
  children,
}: {
  id: string
  label: string
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

const described = (id: string, error: string | undefined) =>
  error === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${id}-error` }

/**
 * Participants entered as rows (name, nation, role) and registered one after another: each gets
 * a seat while there is one, else a place on the waiting list. Every row is checked before
 * anything is sent; a row the server refuses stays, with its message, and the rest wait.
 */
export function ParticipantRows({
  request,
  onRegistered,
}: {
  request: RequestData
  onRegistered: (message: string) => void
}) {
  const t = useT()
  const register = useRegister(request.id)
  const nextKey = useRef(1)
  const blank = (): Row => ({
    key: nextKey.current++,
    personName: '',
    nation: request.partner.code,
    role: 'participant',
  })
  const [rows, setRows] = useState<readonly Row[]>(() => [blank()])
  const [errors, setErrors] = useState<ReadonlyMap<number, RowErrors>>(new Map())
  const [refusal, setRefusal] = useState<ApiProblem | null>(null)
  const [attempts, setAttempts] = useState(0)
  const [sending, setSending] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstError(form, attempts)

  const update = (key: number, field: 'personName' | 'nation' | 'role', value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)))
  const candidate = (row: Row) => ({
    personName: row.personName,
    nation: row.nation.trim().toUpperCase(),
    role: row.role,
  })

  const send = async () => {
    setAttempts((count) => count + 1)
    const checked = new Map<number, RowErrors>()
    for (const row of rows) {
      const result = CooperationRegistrationInput.safeParse(candidate(row))
      if (!result.success) checked.set(row.key, fieldErrors(result.error.issues))
    }
    setErrors(checked)
    setRefusal(null)
    if (checked.size > 0) return
    setSending(true)
    const outcomes: string[] = []
    let left = rows
    for (const row of rows) {
      try {
        const made = await register.mutateAsync(candidate(row))
        outcomes.push(
          made.status === 'waitlisted'
            ? t('cooperation.participantRows.onWaitingList', {
                name: made.personName,
                place: made.waitlistPosition ?? '?',
              })
            : t('cooperation.participantRows.isConfirmed', { name: made.personName }),
        )
        left = left.filter((other) => other.key !== row.key)
      } catch (error) {
        const problem = asProblem(error)
        setRefusal(problem)
        setErrors(new Map([[row.key, problem.fieldMessages()]]))
        setAttempts((count) => count + 1)
        break
      }
    }
    setSending(false)
    setRows(left.length === 0 ? [blank()] : left)
    if (outcomes.length > 0) onRegistered(`${outcomes.join('; ')}.`)
  }

  const invalid = [...errors.values()].some((rowErrors) => Object.keys(rowErrors).length > 0)
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby="participants-add-heading"
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      <h3 id="participants-add-heading">{t('cooperation.participantRows.registerParticipants')}</h3>
      {refusal === null ? null : (
        <div className="form-error" role="alert">
          <p>
            <strong>{refusal.title}.</strong> {refusal.detail}
            {refusal.advice === undefined ? '' : ` ${refusal.advice}`}
          </p>
        </div>
      )}
      {invalid && refusal === null ? (
        <div className="form-error" role="alert">
          <p>{t('cooperation.participantRows.pleaseCorrectTheFieldsMarked')}</p>
        </div>
      ) : null}
      <div className="participant-rows">
        {rows.map((row, index) => {
          const rowErrors = errors.get(row.key) ?? {}
          const id = (field: string) => `participant-${row.key}-${field}`
          return (
            <fieldset key={row.key} className="participant-row">
              <legend className="visually-hidden">
                {t('cooperation.participantRows.participant')} {index + 1}
              </legend>
              <Cell
                id={id('personName')}
                label={t('cooperation.participantRows.nameParticipant', { number: index + 1 })}
                error={rowErrors.personName}
              >
                <input
                  id={id('personName')}
                  className="input"
                  value={row.personName}
                  onChange={(event) => update(row.key, 'personName', event.target.value)}
                  {...described(id('personName'), rowErrors.personName)}
                />
              </Cell>
              <Cell
                id={id('nation')}
                label={t('cooperation.participantRows.nationParticipant', { number: index + 1 })}
                error={rowErrors.nation}
              >
                <input
                  id={id('nation')}
                  className="input"
                  value={row.nation}
                  maxLength={3}
                  onChange={(event) => update(row.key, 'nation', event.target.value)}
                  {...described(id('nation'), rowErrors.nation)}
                />
              </Cell>
              <Cell
                id={id('role')}
                label={t('cooperation.participantRows.roleParticipant', { number: index + 1 })}
                error={rowErrors.role}
              >
                <select
                  id={id('role')}
                  className="input"
                  value={row.role}
                  onChange={(event) => update(row.key, 'role', event.target.value)}
                  {...described(id('role'), rowErrors.role)}
                >
                  {participantRoles.map((role) => (
                    <option key={role} value={role}>
                      {roleLabels[role]}
                    </option>
                  ))}
                </select>
              </Cell>
              <button
                type="button"
                className="button secondary"
                disabled={rows.length === 1}
                onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
              >
                {t('cooperation.participantRows.removeParticipant')} {index + 1}
              </button>
            </fieldset>
          )
        })}
      </div>
      <span className="tree-actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => setRows((current) => [...current, blank()])}
        >
          {t('cooperation.participantRows.addAnotherParticipant')}
        </button>
        <button type="submit" className="button" disabled={sending}>
          {sending
            ? t('cooperation.participantRows.registering')
            : t('cooperation.participantRows.registerParticipants')}
        </button>
      </span>
    </form>
  )
}
