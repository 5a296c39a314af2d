import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import { BarChart, LineChart } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { type ComposeOption, init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only the parts the app draws are registered, which keeps the bundle small.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

/**
 * An ECharts chart drawn as SVG. Screen readers get `label` (role="img"); every chart must also
 * have a table or list next to it with the same numbers.
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
  useEffect(() => {
    const element = ref.current
    if (element === null) {
      return
    }
    const chart = init(element, undefined, { renderer: 'svg' })
    chart.setOption(option)
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      chart.dispose()
    }
  }, [option])
  return <div ref={ref} className="echart" role="img" aria-label={label} style={{ height }} />
}

/**
 * The page's font for chart text. ECharts measures text on a canvas, where 'inherit' means nothing,
 * so labels were measured in another font than drawn and overlapped; name the stack instead.
 */
export const chartFont = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
