import { classifications } from '../../../../src/domain/marking.ts'
import { SelectField, TextField } from '../../components/DraftFields.tsx'

interface Bound {
  readonly id: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly error: string | undefined
}

/** Splits "jpn, kor" into upper-case codes. */
export function codeList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim().toUpperCase())
    .filter((item) => item !== '')
}

/** The marking of a record: classification and the partners it is released to. */
export function MarkingFields({
  classification,
  releasableTo,
}: {
  classification: Bound
  releasableTo: Bound
}) {
  return (
    <>
      <SelectField
        label="Classification"
        options={classifications.map((c) => [c, c] as const)}
        {...classification}
      />
      <TextField
        label="Releasable to (partner codes, separated by commas; empty = alliance only)"
        {...releasableTo}
      />
    </>
  )
}
