import { useT } from '../i18n/useT.ts'
import type { LegendEntry } from '../lib/chart-legend.ts'

/** A chart's legend in HTML: it wraps in its own box above the plot; each entry shows or hides its series. */
export function ChartLegend({
  entries,
  hidden,
  onToggle,
}: {
  entries: readonly LegendEntry[]
  hidden: ReadonlySet<string>
  onToggle: (name: string) => void
}) {
  const t = useT()
  return (
    <ul className="chart-legend" aria-label={t('ui.chartLegend.legend')}>
      {entries.map((entry) => (
        <li key={entry.name}>
          <button
            type="button"
            className="chart-legend-entry"
            aria-pressed={!hidden.has(entry.name)}
            onClick={() => onToggle(entry.name)}
          >
            <span
              className={`chart-legend-swatch chart-legend-${entry.kind}`}
              style={{ backgroundColor: entry.colour }}
              aria-hidden="true"
            />
            {entry.name}
          </button>
        </li>
      ))}
    </ul>
  )
}
