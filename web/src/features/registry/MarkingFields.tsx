import { classifications } from '../../../../src/domain/marking.ts'
import { SelectField, TextField } from '../../components/DraftFields.tsx'
import { useT } from '../../i18n/useT.ts'

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
  const t = useT()
  return (
    <>
      <SelectField
        label={t('registry.markingFields.classification')}
        options={classifications.map((c) => [c, c] as const)}
        {...classification}
      />
      <TextField label={t('registry.markingFields.releasableToPartnerCodesSeparated')} {...releasableTo} />
    </>
  )
}
