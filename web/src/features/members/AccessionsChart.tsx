import { useMemo } from 'react'
import { type ChartOption, chartFont, EChart } from '../../components/EChart.tsx'
import { useT } from '../../i18n/useT.ts'
import type { MemberData } from './queries.ts'

export interface AccessionYear {
  readonly year: number
  readonly joined: readonly MemberData[]
  readonly total: number
}

/** Members grouped by the year they joined, with the running total after each enlargement. */
export function accessionYears(members: readonly MemberData[]): AccessionYear[] {
  const byYear = new Map<number, MemberData[]>()
  for (const member of members) {
    const list = byYear.get(member.accessionYear) ?? []
    list.push(member)
    byYear.set(member.accessionYear, list)
  }
  let total = 0
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, joined]) => {
      total += joined.length
      return { year, joined, total }
    })
}

/** Bars: members joining in each enlargement year; line: members in total after it. */
export function AccessionsChart({ years }: { years: readonly AccessionYear[] }) {
  const t = useT()
  const joinedName = t('members.accessionsChart.joinedThatYear')
  const totalName = t('members.accessionsChart.membersInTotal')
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: chartFont },
      color: ['#2f5d8a', '#b4541a'],
      grid: { left: 44, right: 44, top: 36, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: {
        type: 'category',
        data: years.map((year) => String(year.year)),
        axisLabel: { hideOverlap: true },
      },
      yAxis: [
        {
          type: 'value',
          name: t('members.accessionsChart.joined'),
          minInterval: 1,
          splitLine: { lineStyle: { color: '#e3e7ec' } },
        },
        {
          type: 'value',
          name: t('members.accessionsChart.total'),
          minInterval: 1,
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: joinedName,
          type: 'bar',
          data: years.map((year) => year.joined.length),
          barMaxWidth: 28,
        },
        {
          name: totalName,
          type: 'line',
          yAxisIndex: 1,
          step: 'end',
          data: years.map((year) => year.total),
          symbolSize: 6,
        },
      ],
    }),
    [years, t, joinedName, totalName],
  )
  const last = years[years.length - 1]
  const label = t('members.accessionsChart.label', {
    enlargements: years.length,
    from: String(years[0]?.year ?? ''),
    to: String(last?.year ?? ''),
    total: last?.total ?? 0,
  })
  return <EChart option={option} label={label} height={300} />
}
