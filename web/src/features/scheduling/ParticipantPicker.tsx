import { useId, useMemo, useState } from 'react'
import { useT } from '../../i18n/useT.ts'
import { placeOptions, placeRefFor } from './place-options.ts'

/**
 * Chooses who takes part: a text box that suggests cities, offices and zones as one types (a native
 * datalist, so keyboards and screen readers get the browser's own combobox), and the chosen places
 * as a list with a remove button each.
 */
export function ParticipantPicker({
  id,
  places,
  onChange,
  error,
}: {
  readonly id: string
  readonly places: readonly string[]
  readonly onChange: (places: string[]) => void
  readonly error: string | undefined
}) {
  const t = useT()
  const listId = useId()
  const options = useMemo(() => placeOptions(new Date()), [])
  const [typed, setTyped] = useState('')
  const add = () => {
    const ref = placeRefFor(typed, options)
    if (ref === '' || places.includes(ref)) return
    onChange([...places, ref])
    setTyped('')
  }
  const labelOf = (ref: string) => options.find((option) => option.value === ref)?.label ?? ref
  return (
    <fieldset className={`participant-picker${error === undefined ? '' : ' has-error'}`}>
      <legend>{t('scheduling.participantPicker.participants')}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t('scheduling.participantPicker.aCityTokyoTyoA')}
      </p>
      <div className="picker-row">
        <label htmlFor={id} className="visually-hidden">
          {t('scheduling.participantPicker.addAParticipant')}
        </label>
        <input
          id={id}
          className="input"
          list={listId}
          value={typed}
          placeholder={t('scheduling.participantPicker.searchACityOrZone')}
          aria-describedby={`${id}-hint${error === undefined ? '' : ` ${id}-error`}`}
          aria-invalid={error === undefined ? undefined : true}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              add()
            }
          }}
        />
        <datalist id={listId}>
          {options.map((option) => (
            <option key={option.value} value={option.label} />
          ))}
        </datalist>
        <button type="button" className="button secondary" onClick={add}>
          {t('scheduling.participantPicker.addParticipant')}
        </button>
      </div>
      {error === undefined ? null : (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {places.length === 0 ? (
        <p className="muted">{t('scheduling.participantPicker.noParticipantYet')}</p>
      ) : (
        <ul className="picked-places" aria-label={t('scheduling.participantPicker.chosenParticipants')}>
          {places.map((ref) => (
            <li key={ref} data-ref={ref}>
              <span>{labelOf(ref)}</span>
              <button
                type="button"
                className="button secondary small"
                aria-label={t('scheduling.participantPicker.remove2', { ref })}
                onClick={() => onChange(places.filter((each) => each !== ref))}
              >
                {t('scheduling.participantPicker.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
