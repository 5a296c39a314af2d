import type { ReactNode } from 'react'
import { useT } from '../i18n/useT.ts'
import type { PickerOption } from '../lib/picker-options.ts'
import { Combobox } from './Combobox.tsx'

interface PickerFieldProps {
  readonly id: string
  readonly label: ReactNode
  readonly hint?: ReactNode
  readonly error: string | undefined
  readonly value: string
  readonly onChange: (value: string) => void
  readonly options: readonly PickerOption[]
  readonly placeholder?: string
}

/** A labelled searchable picker of one value, with its hint and error wired to it. */
export function PickerField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  placeholder,
}: PickerFieldProps) {
  return (
    <div className={`field${error === undefined ? '' : ' has-error'}`}>
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <Combobox
        id={id}
        value={value}
        onChange={onChange}
        options={options}
        error={error}
        describedBy={hint === undefined ? undefined : `${id}-hint`}
        placeholder={placeholder}
      />
      {error === undefined ? null : (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}

/**
 * A labelled picker of several values: a searchable box that adds each choice to the list below
 * it, every chosen value shown by its label with a remove button.
 */
export function MultiPickerField({
  id,
  label,
  hint,
  error,
  values,
  onChange,
  options,
  placeholder,
  emptyText,
}: Omit<PickerFieldProps, 'value' | 'onChange'> & {
  readonly values: readonly string[]
  readonly onChange: (values: string[]) => void
  readonly emptyText: string
}) {
  const t = useT()
  const labelOf = (value: string) => options.find((option) => option.value === value)?.label ?? value
  const remaining = options.filter((option) => !values.includes(option.value))
  return (
    <div className={`field${error === undefined ? '' : ' has-error'}`}>
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <Combobox
        id={id}
        value=""
        clearOnChoose
        onChange={(value) => onChange([...values, value])}
        options={remaining}
        error={error}
        describedBy={hint === undefined ? undefined : `${id}-hint`}
        placeholder={placeholder}
      />
      {error === undefined ? null : (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {values.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="picked">
          {values.map((value) => (
            <li key={value}>
              <span>{labelOf(value)}</span>
              <button
                type="button"
                aria-label={t('ui.pickers.remove', { choice: labelOf(value) })}
                onClick={() => onChange(values.filter((each) => each !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
