import { precisions } from '../../../../src/domain/fuzzy-date.ts'
import { SelectField, TextField } from '../../components/DraftFields.tsx'
import { precisionHints, precisionLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'

type Precision = (typeof precisions)[number]

interface Bound {
  readonly id: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly error: string | undefined
}

/**
 * A fuzzy date as people know it: first how precisely (decade, year, month, day, or not known
 * when `optional`), then the date written to match, with the format named in its label.
 */
export function FuzzyDateFields({
  legend,
  precision,
  date,
  optional = false,
}: {
  readonly legend: string
  readonly precision: Bound
  readonly date: Bound
  readonly optional?: boolean
}) {
  const t = useT()
  const known = precision.value !== ''
  const options: (readonly [string, string])[] = [
    ...(optional ? [['', t('registry.fuzzyDateFields.notKnown')] as const] : []),
    ...precisions.map((value) => [value, precisionLabels[value]] as const),
  ]
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <SelectField label={t('registry.fuzzyDateFields.knownToThe')} options={options} {...precision} />
      {known ? (
        <TextField
          label={t('registry.fuzzyDateFields.dateInFormat', {
            legend,
            format: precisionHints[precision.value as Precision] ?? '',
          })}
          {...date}
        />
      ) : null}
    </fieldset>
  )
}

/** The API's shape of a fuzzy date typed in a form, or null when its precision is not known. */
export function fuzzyCandidate(precision: string, date: string): { date: string; precision: string } | null {
  return precision === '' ? null : { date: date.trim(), precision }
}
