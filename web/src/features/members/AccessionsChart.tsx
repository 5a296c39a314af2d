import { useMemo } from 'react'
import { type ChartOption, chartFont, EChart } from '../../components/EChart.tsx'
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
        { type: 'value', name: 'Joined', minInterval: 1, splitLine: { lineStyle: { color: '#e3e7ec' } } },
        { type: 'value', name: 'Total', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: 'Joined that year',
          type: 'bar',
          data: years.map((year) => year.joined.length),
          barMaxWidth: 28,
        },
        {
          name: 'Members in total',
          type: 'line',
          yAxisIndex: 1,
          step: 'end',
          data: years.map((year) => year.total),
          symbolSize: 6,
        },
      ],
    }),
    [years],
  )
  const last = years[years.length - 1]
  const label = `Accessions by year: ${years.length} enlargements from ${years[0]?.year ?? ''} to ${last?.year ?? ''}, reaching ${last?.total ?? 0} members. The table below lists them.`
  return <EChart option={option} label={label} height={300} />
}
