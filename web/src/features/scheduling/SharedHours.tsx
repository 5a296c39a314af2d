import { useMemo, useState } from 'react'
import { SharedHoursQuery } from '../../../../src/contract/scheduling.ts'
import { type ChartOption, chartFont, EChart } from '../../components/EChart.tsx'
import { Field } from '../../components/Field.tsx'
import { ErrorState, Loading } from '../../components/states.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useT } from '../../i18n/useT.ts'
import { isApiProblem } from '../../lib/problem.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { type SharedHoursData, type SharedHoursParams, useSharedHours } from './queries.ts'

interface SharedDraft {
  with: string
  year: string
  office: string
}

/** Hours per year each partner shares with headquarters, beside an office and either of the two. */
function SharedHoursChart({ data }: { readonly data: SharedHoursData }) {
  const t = useT()
  const withOffice = data.office !== null
  const option = useMemo<ChartOption>(() => {
    const names = [
      t('scheduling.shared.with', { name: data.hq.name }),
      ...(withOffice
        ? [t('scheduling.shared.with', { name: data.office?.name ?? '' }), t('scheduling.shared.withEither')]
        : []),
    ]
    return {
      textStyle: { fontFamily: chartFont },
      color: ['#1b3a5c', '#b4541a', '#3d7a4f'],
      // The legend is drawn above the chart (EChart), so the top leaves room for the axis name only.
      grid: { left: 48, right: 16, top: 36, bottom: 32, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: data.items.map((item) => item.ref) },
      yAxis: {
        type: 'value',
        name: t('scheduling.shared.hoursPerYear'),
        splitLine: { lineStyle: { color: '#e3e7ec' } },
      },
      series: [
        { name: names[0], type: 'bar', barMaxWidth: 24, data: data.items.map((item) => item.hoursPerYear) },
        ...(withOffice
          ? [
              {
                name: names[1],
                type: 'bar' as const,
                barMaxWidth: 24,
                data: data.items.map((item) => item.hoursPerYearWithOffice ?? 0),
              },
              {
                name: names[2],
                type: 'bar' as const,
                barMaxWidth: 24,
                data: data.items.map((item) => item.hoursPerYearWithEither ?? 0),
              },
            ]
          : []),
      ],
    }
  }, [data, withOffice, t])
  const label = t('scheduling.shared.chartLabel', {
    year: data.year,
    places: data.items.map((item) => item.ref).join(', '),
    hq: data.hq.name,
    office: withOffice ? (data.office?.name ?? '') : 'none',
  })
  return <EChart option={option} label={label} height={300} />
}

function SharedHoursTable({ data }: { readonly data: SharedHoursData }) {
  const t = useT()
  const withOffice = data.office !== null
  const months = data.items[0]?.months.map((month) => month.month) ?? []
  return (
    <TableWrap label={t('scheduling.sharedHours.sharedWorkingMinutesPerDay')}>
      <table className="data-table" data-testid="shared-hours-table">
        <caption>
          {t('scheduling.sharedHours.minutesOfAWorkingDay', {
            hq: data.hq.name,
            office: withOffice ? (data.office?.name ?? '') : 'none',
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('scheduling.sharedHours.place')}</th>
            {months.map((month) => (
              <th key={month} scope="col">
                {month}
              </th>
            ))}
            <th scope="col">{t('scheduling.sharedHours.hoursPerYear')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => (
            <tr key={item.ref} data-ref={item.ref}>
              <th scope="row">
                {item.name} <span className="muted">({item.zone})</span>
              </th>
              {item.months.map((month) => (
                <td key={month.month} data-month={month.month}>
                  {month.minutesPerWorkingDay}
                  {withOffice ? ` / ${month.minutesPerWorkingDayWithOffice ?? 0}` : ''}
                </td>
              ))}
              <td data-kind="hours">
                {item.hoursPerYear}
                {withOffice ? ` / ${item.hoursPerYearWithOffice ?? 0}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

/** Which partners, which year and which candidate office: checked with the route's own query schema. */
export function SharedHoursSection({ defaultYear }: { readonly defaultYear: number }) {
  const t = useT()
  const [params, setParams] = useState<SharedHoursParams | null>(null)
  const shared = useSharedHours(params)
  const problem = isApiProblem(shared.error) ? shared.error : null
  const { bind, submit } = useDraft<SharedDraft, typeof SharedHoursQuery>({
    idPrefix: 'shared',
    initial: () => ({ with: 'AUS,NZL,JPN,KOR', year: String(defaultYear), office: '' }),
    schema: SharedHoursQuery,
    candidate: (draft) => ({
      with: draft.with,
      year: draft.year,
      ...(draft.office.trim() === '' ? {} : { office: draft.office.trim() }),
    }),
    serverError: problem,
  })
  const field = (key: keyof SharedDraft) => {
    const { onChange, ...rest } = bind(key)
    return { ...rest, onChange: (event: { target: { value: string } }) => onChange(event.target.value) }
  }
  return (
    <section className="section" aria-labelledby="shared-title">
      <h2 id="shared-title">{t('scheduling.sharedHours.sharedWorkingHours')}</h2>
      <p className="muted">{t('scheduling.sharedHours.workingMinutesADay09')}</p>
      <form
        className="form-row"
        noValidate
        aria-label={t('scheduling.sharedHours.sharedWorkingHours')}
        onSubmit={submit((query) =>
          setParams({
            with: query.with.join(','),
            year: query.year,
            office: query.office,
          }),
        )}
      >
        <Field
          label={t('scheduling.sharedHours.places')}
          hint={t('scheduling.sharedHours.commaSeparatedAusNzlJpn')}
          {...field('with')}
        />
        <Field
          label={t('scheduling.sharedHours.year')}
          type="number"
          inputMode="numeric"
          {...field('year')}
        />
        <Field
          label={t('scheduling.sharedHours.candidateOffice')}
          hint={t('scheduling.sharedHours.aCityOrZoneE')}
          {...field('office')}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={shared.isFetching}>
            {t('scheduling.sharedHours.compare')}
          </button>
        </div>
      </form>
      {shared.isFetching ? <Loading label={t('scheduling.sharedHours.computingSharedHours')} /> : null}
      {shared.error === null ? null : <ErrorState error={shared.error} />}
      {shared.data === undefined ? null : (
        <div className="series-result" data-testid="shared-hours">
          <SharedHoursChart data={shared.data} />
          <SharedHoursTable data={shared.data} />
        </div>
      )}
    </section>
  )
}
