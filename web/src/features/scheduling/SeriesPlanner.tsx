import { useMemo } from 'react'
import { type ChartOption, chartFont, EChart } from '../../components/EChart.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useT } from '../../i18n/useT.ts'
import type { SeriesData } from './queries.ts'
import { formatLocal } from './SlotList.tsx'

/** Each participant's inconvenience over the series: the planner's slots beside the naive fixed time. */
export function BurdenChart({ data }: { readonly data: SeriesData }) {
  const t = useT()
  const fairName = t('scheduling.series.fair')
  const naiveName = t('scheduling.series.naive')
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: chartFont },
      color: ['#1b3a5c', '#b4541a'],
      // The legend is drawn above the chart (EChart), so the top leaves room for the axis name only.
      grid: { left: 48, right: 16, top: 36, bottom: 32, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: data.burdens.map((burden) => burden.label) },
      yAxis: {
        type: 'value',
        name: t('scheduling.series.inconvenience'),
        splitLine: { lineStyle: { color: '#e3e7ec' } },
      },
      series: [
        { name: fairName, type: 'bar', barMaxWidth: 28, data: data.burdens.map((b) => b.fair.inconvenience) },
        {
          name: naiveName,
          type: 'bar',
          barMaxWidth: 28,
          data: data.burdens.map((b) => b.naive.inconvenience),
        },
      ],
    }),
    [data, t, fairName, naiveName],
  )
  const label = t('scheduling.series.chartLabel', {
    meetings: data.occurrences.length,
    fairWorst: data.fairWorst,
    naiveWorst: data.naiveWorst,
  })
  return <EChart option={option} label={label} height={300} />
}

/** The same numbers as the chart, for screen readers and for reading exactly. */
export function BurdenTable({ data }: { readonly data: SeriesData }) {
  const t = useT()
  return (
    <TableWrap label={t('scheduling.seriesPlanner.burdenPerParticipant')}>
      <table className="data-table" data-testid="burden-table">
        <caption>
          {t('scheduling.seriesPlanner.naiveTime')} {data.naive.weekday} {data.naive.time} (
          {data.naive.timeZone})
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('scheduling.seriesPlanner.participant')}</th>
            <th scope="col">{t('scheduling.seriesPlanner.rotatedOutsideNightMin')}</th>
            <th scope="col">{t('scheduling.seriesPlanner.rotatedInconvenience')}</th>
            <th scope="col">{t('scheduling.seriesPlanner.sameTimeOutsideNightMin')}</th>
            <th scope="col">{t('scheduling.seriesPlanner.sameTimeInconvenience')}</th>
          </tr>
        </thead>
        <tbody>
          {data.burdens.map((burden) => (
            <tr key={burden.label} data-zone={burden.zone}>
              <th scope="row">{burden.label}</th>
              <td>
                {burden.fair.outsideMinutes} / {burden.fair.nightMinutes}
              </td>
              <td data-kind="fair">{burden.fair.inconvenience}</td>
              <td>
                {burden.naive.outsideMinutes} / {burden.naive.nightMinutes}
              </td>
              <td data-kind="naive">{burden.naive.inconvenience}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

/** The chosen meetings of the series, with each participant's local start. */
export function OccurrenceTable({ data }: { readonly data: SeriesData }) {
  const t = useT()
  const labels = data.occurrences[0]?.participants.map((person) => person.label) ?? []
  return (
    <TableWrap label={t('scheduling.seriesPlanner.meetingsOfTheSeries')}>
      <table className="data-table" data-testid="occurrences">
        <thead>
          <tr>
            <th scope="col">#</th>
            {labels.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.occurrences.map((slot, index) => (
            <tr key={slot.start}>
              <th scope="row">{index + 1}</th>
              {slot.participants.map((person) => (
                <td key={person.label}>{formatLocal(person.start)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
