import { Field } from '../../components/Field.tsx'
import { useT } from '../../i18n/useT.ts'

export interface TitlePeriod {
  readonly title: string
  readonly periodFrom: string
  readonly periodTo: string
}

/** A programme's title and period, as typed (a year, month or day each), with the server's messages. */
export function PeriodFields({
  titleLabel,
  value,
  onChange,
  errors,
  fromExample,
  toExample,
}: {
  titleLabel: string
  value: TitlePeriod
  onChange: (key: keyof TitlePeriod, value: string) => void
  errors: Readonly<Record<string, string>>
  fromExample: string
  toExample?: string
}) {
  const t = useT()
  return (
    <>
      <Field
        label={titleLabel}
        value={value.title}
        onChange={(e) => onChange('title', e.target.value)}
        error={errors.title}
      />
      <Field
        label={t('programmes.periodFields.periodFrom')}
        hint={t('programmes.periodFields.aYearMonthOrDay', { fromExample })}
        value={value.periodFrom}
        onChange={(e) => onChange('periodFrom', e.target.value)}
        error={errors.periodFrom}
      />
      <Field
        label={t('programmes.periodFields.periodTo')}
        hint={toExample === undefined ? undefined : `e.g. ${toExample}`}
        value={value.periodTo}
        onChange={(e) => onChange('periodTo', e.target.value)}
        error={errors.periodTo}
      />
    </>
  )
}
