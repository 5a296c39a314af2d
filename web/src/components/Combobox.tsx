import { type KeyboardEvent, useId, useMemo, useState } from 'react'
import './combobox.css'
import { matchOptions, type PickerOption } from '../lib/picker-options.ts'

interface ComboboxProps {
  readonly id: string
  /** The stored value: an option's value, or what was typed when it matches none. */
  readonly value: string
  readonly onChange: (value: string) => void
  readonly options: readonly PickerOption[]
  readonly error?: string | undefined
  /** Ids of hints to read with the control, besides its error. */
  readonly describedBy?: string | undefined
  readonly placeholder?: string | undefined
  /** Empty the box after a choice (to add one more to a list). */
  readonly clearOnChoose?: boolean
  /** An accessible name when no <label htmlFor> names the box. */
  readonly ariaLabel?: string | undefined
  /** Marked invalid with its message elsewhere (named in `describedBy`), e.g. a row of a group. */
  readonly invalid?: boolean
}

/**
 * A searchable picker following the ARIA 1.2 combobox pattern (an editable box with a listbox
 * popup): typing filters the options, Arrow keys move through them (aria-activedescendant keeps
 * focus in the box), Enter chooses, Escape closes. What was typed is kept as the value when it
 * matches no option, so the shared schema reports it like any other field.
 */
export function Combobox({
  id,
  value,
  onChange,
  options,
  error,
  describedBy,
  placeholder,
  clearOnChoose = false,
  ariaLabel,
  invalid = false,
}: ComboboxProps) {
  const listId = useId()
  const chosenLabel = options.find((option) => option.value === value)?.label ?? value
  const [query, setQuery] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const text = query ?? (clearOnChoose ? '' : chosenLabel)
  const shown = useMemo(() => (open ? matchOptions(options, query ?? '') : []), [open, options, query])
  const choose = (option: PickerOption) => {
    onChange(option.value)
    setQuery(clearOnChoose ? '' : null)
    setOpen(false)
    setActive(-1)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open) setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      const count = open ? shown.length : matchOptions(options, query ?? '').length
      if (count > 0) setActive((current) => (current + step + count) % count)
    } else if (event.key === 'Enter' && open && active >= 0 && shown[active] !== undefined) {
      event.preventDefault()
      choose(shown[active])
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      setOpen(false)
      setActive(-1)
    }
  }
  const described = [describedBy, error === undefined ? undefined : `${id}-error`]
    .filter((part) => part !== undefined)
    .join(' ')
  const activeOption = open && active >= 0 ? shown[active] : undefined
  return (
    <div className="combobox">
      <input
        id={id}
        className="input"
        type="text"
        role="combobox"
        aria-label={ariaLabel}
        aria-autocomplete="list"
        aria-expanded={open && shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={activeOption === undefined ? undefined : `${listId}-${active}`}
        aria-invalid={error === undefined && !invalid ? undefined : true}
        aria-describedby={described === '' ? undefined : described}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          const typed = event.target.value
          setQuery(typed)
          setOpen(true)
          setActive(-1)
          if (!clearOnChoose) {
            const exact = options.find(
              (option) => option.value === typed.trim() || option.label === typed.trim(),
            )
            onChange(exact?.value ?? typed.trim())
          }
        }}
        onFocus={() => {
          // Text that matches no option (a refused zone) filters the list at once, to correct it.
          if (query === null && !clearOnChoose && value !== '' && value === chosenLabel) setQuery(value)
          setOpen(true)
        }}
        onBlur={() => {
          setOpen(false)
          setActive(-1)
          if (!clearOnChoose) setQuery(null)
        }}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" className="combobox-list" hidden={!open || shown.length === 0}>
        {shown.map((option, index) => (
          <div
            key={option.value}
            id={`${listId}-${index}`}
            role="option"
            // Focus stays in the box (aria-activedescendant); -1 only makes the option a focus target for tools.
            tabIndex={-1}
            aria-selected={index === active}
            className={index === active ? 'is-active' : undefined}
            // Choosing on mouse down keeps the focus (and the blur that closes the list) after it.
            onMouseDown={(event) => {
              event.preventDefault()
              choose(option)
            }}
          >
            {option.label}
          </div>
        ))}
      </div>
    </div>
  )
}
