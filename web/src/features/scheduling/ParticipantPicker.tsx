import { useId, useMemo, useState } from 'react'
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
      <legend>Participants</legend>
      <p className="field-hint" id={`${id}-hint`}>
        A city (Tokyo, TYO), a member or partner code (JPN), an IANA zone (Europe/Brussels) or office:tokyo.
      </p>
      <div className="picker-row">
        <label htmlFor={id} className="visually-hidden">
          Add a participant
        </label>
        <input
          id={id}
          className="input"
          list={listId}
          value={typed}
          placeholder="Search a city or zone"
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
          Add participant
        </button>
      </div>
      {error === undefined ? null : (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {places.length === 0 ? (
        <p className="muted">No participant yet.</p>
      ) : (
        <ul className="picked-places" aria-label="Chosen participants">
          {places.map((ref) => (
            <li key={ref} data-ref={ref}>
              <span>{labelOf(ref)}</span>
              <button
                type="button"
                className="button secondary small"
                aria-label={`Remove ${ref}`}
                onClick={() => onChange(places.filter((each) => each !== ref))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
