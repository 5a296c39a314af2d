import { useMemo } from 'react'
import { type ChartOption, chartFont, EChart } from '../../components/EChart.tsx'
import { levelLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import type { AnalyticsData } from './queries.ts'

// One colour per level, darkest for leaders, so the rise in level reads at a glance.
const levelColours = ['#1b3a5c', '#2f6f9f', '#5b9bc8', '#9cc3e0', '#d3e4f1']

// The top leaves room for the y axis' name only: legends are drawn above the chart (EChart).
const grid = { left: 48, right: 24, top: 36, bottom: 32 }
const splitLine = { lineStyle: { color: '#e3e7ec' } }

/** Engagements per year, stacked by level. */
export function LevelsChart({ data }: { data: AnalyticsData }) {
  const t = useT()
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: chartFont },
      color: levelColours,
      grid,
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: data.years.map((year) => String(year.year)) },
      yAxis: { type: 'value', name: t('engagements.analyticsCharts.engagements'), minInterval: 1, splitLine },
      series: data.levels.map((level) => ({
        name: levelLabels[level.level],
        type: 'bar',
        stack: 'levels',
        barMaxWidth: 36,
        data: data.years.map((year) => year.byLevel[level.level]),
      })),
    }),
    [data, t],
  )
  const first = data.overall.firstYearAtLeadersLevel
  const label = t('engagements.analyticsCharts.levelsLabel', {
    name: data.scope.name,
    from: String(data.years[0]?.year ?? ''),
    to: String(data.years[data.years.length - 1]?.year ?? ''),
    first: first === null ? 'none' : String(first),
  })
  return <EChart option={option} label={label} height={340} />
}

/** Level-weighted intensity per year. */
export function IntensityChart({ data }: { data: AnalyticsData }) {
  const t = useT()
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: chartFont },
      color: ['#b4541a'],
      grid,
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.years.map((year) => String(year.year)) },
      yAxis: { type: 'value', name: t('engagements.analyticsCharts.intensity'), minInterval: 1, splitLine },
      series: [
        {
          name: t('engagements.analyticsCharts.intensity'),
          type: 'line',
          data: data.years.map((year) => year.intensity),
          symbolSize: 7,
          areaStyle: { opacity: 0.12 },
        },
      ],
    }),
    [data, t],
  )
  return (
    <EChart
      option={option}
      label={t('engagements.analyticsCharts.levelWeightedIntensityOfPer', { name: data.scope.name })}
      height={260}
    />
  )
}

/** Regularity: share of engagements away from summits (bars) and active months (line). */
export function RegularityChart({ data }: { data: AnalyticsData }) {
  const t = useT()
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: chartFont },
      color: ['#3d7a4f', '#6b4c9a'],
      grid: { ...grid, right: 48 },
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: data.years.map((year) => String(year.year)) },
      yAxis: [
        { type: 'value', name: '%', max: 100, splitLine },
        {
          type: 'value',
          name: t('engagements.analyticsCharts.months'),
          max: 12,
          minInterval: 1,
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: t('engagements.analyticsCharts.awayFromSummits', { days: data.summitWindowDays }),
          type: 'bar',
          barMaxWidth: 28,
          data: data.years.map((year) =>
            year.shareOutsideSummitWindow === null ? 0 : Math.round(year.shareOutsideSummitWindow * 100),
          ),
        },
        {
          name: t('engagements.analyticsCharts.monthsWithAnEngagement'),
          type: 'line',
          yAxisIndex: 1,
          data: data.years.map((year) => year.activeMonths),
          symbolSize: 6,
        },
      ],
    }),
    [data, t],
  )
  return (
    <EChart
      option={option}
      label={t('engagements.analyticsCharts.regularityOfShareOfEngagements', { name: data.scope.name })}
      height={280}
    />
  )
}

/** Intensity per year of several partners on one chart. */
export function ComparisonChart({ series }: { series: readonly AnalyticsData[] }) {
  const t = useT()
  const years = useMemo(() => {
    const all = series.flatMap((data) => data.years.map((year) => year.year))
    if (all.length === 0) {
      return []
    }
    const list: number[] = []
    for (let year = Math.min(...all); year <= Math.max(...all); year += 1) {
      list.push(year)
    }
    return list
  }, [series])
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: chartFont },
      color: ['#1b3a5c', '#b4541a', '#3d7a4f', '#6b4c9a', '#8a6d1f', '#a23b5a'],
      grid,
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: t('engagements.analyticsCharts.intensity'), minInterval: 1, splitLine },
      series: series.map((data) => ({
        name: data.scope.name,
        type: 'line',
        symbolSize: 6,
        data: years.map((year) => data.years.find((each) => each.year === year)?.intensity ?? 0),
      })),
    }),
    [series, years, t],
  )
  return (
    <EChart
      option={option}
      label={t('engagements.analyticsCharts.intensityPerYearComparedFor', {
        names: series.map((data) => data.scope.name).join(', '),
      })}
      height={300}
    />
  )
}
