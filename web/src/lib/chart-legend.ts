/** One entry of a chart's legend: a series' name and the colour it is drawn in. */
export interface LegendEntry {
  readonly name: string
  readonly colour: string
  readonly kind: 'bar' | 'line'
}

interface SeriesLike {
  readonly name?: unknown
  readonly type?: unknown
}

/** Drawn when ECharts reports no plain colour (a gradient or pattern), so the entry still shows. */
const fallbackColour = '#6b7280'

/**
 * The legend of a chart, read from its option: one entry per named series, in series order, with
 * the colour ECharts resolved for it (`colourOf(seriesIndex)`).
 */
export function legendEntries(
  option: { readonly series?: SeriesLike | readonly SeriesLike[] },
  colourOf: (seriesIndex: number) => unknown,
): LegendEntry[] {
  const series =
    option.series === undefined ? [] : Array.isArray(option.series) ? option.series : [option.series]
  const entries: LegendEntry[] = []
  series.forEach((each: SeriesLike, index: number) => {
    if (typeof each.name !== 'string' || each.name === '') return
    const colour = colourOf(index)
    entries.push({
      name: each.name,
      colour: typeof colour === 'string' ? colour : fallbackColour,
      kind: each.type === 'line' ? 'line' : 'bar',
    })
  })
  return entries
}
