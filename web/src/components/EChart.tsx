import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import { BarChart, LineChart } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { type ComposeOption, type ECharts, init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef, useState } from 'react'
import { type LegendEntry, legendEntries } from '../lib/chart-legend.ts'
import { ChartLegend } from './ChartLegend.tsx'

// Only the parts the app draws are registered, which keeps the bundle small.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

/**
 * An ECharts chart drawn as SVG. Screen readers get `label` (role="img"); every chart must also
 * have a table or list next to it with the same numbers.
 *
 * A chart whose option asks for a legend gets it in HTML above the plot, not drawn by ECharts: an
 * ECharts legend is laid out without regard to the grid, so at 360 px (or with longer French names)
 * it wrapped onto extra lines that covered the bars. In HTML it wraps in its own box and pushes the
 * plot down, and each entry is a keyboard button that shows or hides its series.
 */
export function EChart({
  option,
  label,
  height = 320,
}: {
  option: ChartOption
  label: string
  height?: number
}) {
  const ref = useRef<HTMLDivElement>(null)
  const chartRef = useRef<ECharts | null>(null)
  const [legend, setLegend] = useState<readonly LegendEntry[]>([])
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set())
  useEffect(() => {
    const element = ref.current
    if (element === null) {
      return
    }
    const chart = init(element, undefined, { renderer: 'svg' })
    const withLegend = option.legend !== undefined
    // ECharts keeps its legend (hidden) only for which series are shown.
    chart.setOption(withLegend ? { ...option, legend: { show: false } } : option)
    chartRef.current = chart
    setLegend(
      withLegend ? legendEntries(option, (seriesIndex) => chart.getVisual({ seriesIndex }, 'color')) : [],
    )
    setHidden(new Set())
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      chartRef.current = null
      chart.dispose()
    }
  }, [option])
  const toggle = (name: string) => {
    chartRef.current?.dispatchAction({ type: 'legendToggleSelect', name })
    setHidden((before) => {
      const after = new Set(before)
      if (!after.delete(name)) after.add(name)
      return after
    })
  }
  return (
    <div className="echart-frame">
      {legend.length === 0 ? null : <ChartLegend entries={legend} hidden={hidden} onToggle={toggle} />}
      <div ref={ref} className="echart" role="img" aria-label={label} style={{ height }} />
    </div>
  )
}

/**
 * The page's font for chart text. ECharts measures text on a canvas, where 'inherit' means nothing,
 * so labels were measured in another font than drawn and overlapped; name the stack instead.
 */
export const chartFont = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
