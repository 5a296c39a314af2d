import { Combobox } from '../../components/Combobox.tsx'
import { useT } from '../../i18n/useT.ts'
import type { PickerOption } from '../../lib/picker-options.ts'
import type { ParticipantDraft } from './EngagementForm.tsx'

/**
 * The participants as rows of country, person and role, each with a remove button, and a button
 * that adds an empty row (focused, so a keyboard user types on).
 */
export function ParticipantRows({
  idPrefix,
  rows,
  onChange,
  countries,
  error,
}: {
  readonly idPrefix: string
  readonly rows: readonly ParticipantDraft[]
  readonly onChange: (rows: ParticipantDraft[]) => void
  readonly countries: readonly PickerOption[]
  readonly error: string | undefined
}) {
  const t = useT()
  const update = (index: number, part: Partial<ParticipantDraft>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...part } : row)))
  const add = () => {
    onChange([...rows, { country: '', person: '', role: '' }])
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-${rows.length}-country`)?.focus())
  }
  const errorId = `${idPrefix}-error`
  // The group's message is about one row; its country box takes the focus (the first row when unclear).
  const firstInvalid = Math.max(
    0,
    rows.findIndex((row) => !/^[A-Z]{3}$/.test(row.country.trim())),
  )
  return (
    <fieldset
      className={`field${error === undefined ? '' : ' has-error'}`}
      aria-describedby={error === undefined ? undefined : errorId}
    >
      <legend>{t('engagements.participantRows.participants')}</legend>
      {error === undefined ? null : (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">{t('engagements.participantRows.noParticipantYet')}</p>
      ) : null}
      <ol className="participant-rows">
        {rows.map((row, index) => {
          const rowId = `${idPrefix}-${index}`
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <li key={index} className="participant-row">
              <div>
                <label htmlFor={`${rowId}-country`}>{t('engagements.participantRows.country')}</label>
                <Combobox
                  id={`${rowId}-country`}
                  value={row.country}
                  onChange={(country) => update(index, { country })}
                  options={countries}
                  placeholder={t('engagements.participantRows.nameOrCode')}
                  invalid={error !== undefined && index === firstInvalid}
                  describedBy={error === undefined ? undefined : errorId}
                />
              </div>
              <div>
                <label htmlFor={`${rowId}-person`}>{t('engagements.participantRows.name')}</label>
                <input
                  id={`${rowId}-person`}
                  className="input"
                  value={row.person}
                  onChange={(event) => update(index, { person: event.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`${rowId}-role`}>{t('engagements.participantRows.role')}</label>
                <input
                  id={`${rowId}-role`}
                  className="input"
                  value={row.role}
                  onChange={(event) => update(index, { role: event.target.value })}
                />
              </div>
              <button
                type="button"
                className="button secondary"
                aria-label={t('engagements.participantRows.removeParticipant', { number: index + 1 })}
                onClick={() => onChange(rows.filter((_, at) => at !== index))}
              >
                {t('engagements.participantRows.remove')}
              </button>
            </li>
          )
        })}
      </ol>
      <button type="button" className="button secondary" onClick={add}>
        {t('engagements.participantRows.addParticipant')}
      </button>
    </fieldset>
  )
}
