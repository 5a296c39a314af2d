import { useState } from 'react'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import {
  ComparisonChart,
  IntensityChart,
  LevelsChart,
  RegularityChart,
} from '../features/engagements/AnalyticsCharts.tsx'
import {
  AnalyticsYearTable,
  ComparisonTable,
  MilestoneTable,
} from '../features/engagements/AnalyticsTables.tsx'
import {
  type AnalyticsData,
  analyticsPath,
  useAnalytics,
  useAnalyticsComparison,
} from '../features/engagements/queries.ts'
import { useFrameworks } from '../features/frameworks/queries.ts'
import { usePartners } from '../features/partners/queries.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'

const csvSeries = [
  ['levels', 'By level'],
  ['formats', 'By format'],
  ['intensity', 'Intensity'],
  ['regularity', 'Regularity'],
  ['milestones', 'First and latest per level'],
] as const

/** Scope in the address: "framework:ip4" or "partner:JPN". */
function parseScope(value: string): { partner?: string; framework?: string } {
  const [kind, id] = value.split(':')
  if (id === undefined || id === '') {
    return { framework: 'ip4' }
  }
  return kind === 'partner' ? { partner: id } : { framework: id }
}

function Comparison({ window }: { window: number }) {
  const ip4 = usePartners({ framework: 'ip4' })
  const [chosen, setChosen] = useState<readonly string[] | null>(null)
  const codes = chosen ?? (ip4.data?.items ?? []).map((partner) => partner.code)
  const all = usePartners({})
  const results = useAnalyticsComparison(codes, window)
  const series = results.flatMap((result) => (result.data === undefined ? [] : [result.data]))
  const toggle = (code: string) =>
    setChosen((current) => {
      const base = current ?? codes
      return base.includes(code) ? base.filter((each) => each !== code) : [...base, code]
    })
  return (
    <section className="section" aria-labelledby="compare-title">
      <h2 id="compare-title">Partner comparison</h2>
      <fieldset className="filters">
        <legend>Partners to compare</legend>
        {(all.data?.items ?? [])
          .filter((partner) => codes.includes(partner.code) || partner.frameworks.some((f) => f.id === 'pag'))
          .map((partner) => (
            <label key={partner.code} className="chip">
              <input
                type="checkbox"
                checked={codes.includes(partner.code)}
                onChange={() => toggle(partner.code)}
              />{' '}
              {partner.name}
            </label>
          ))}
      </fieldset>
      {series.length === 0 ? (
        <p className="muted">Choose one or more partners.</p>
      ) : (
        <>
          <ComparisonChart series={series} />
          <ComparisonTable series={series} />
        </>
      )}
    </section>
  )
}

function Report({ data }: { data: AnalyticsData }) {
  const first = data.overall.firstYearAtLeadersLevel
  const share = data.overall.shareOutsideSummitWindow
  return (
    <>
      <dl className="facts" data-testid="analytics-overall">
        <div>
          <dt>Engagements</dt>
          <dd className="stat-number">{data.overall.total}</dd>
        </div>
        <div>
          <dt>First at leaders level</dt>
          <dd className="stat-number">{first ?? '—'}</dd>
        </div>
        <div>
          <dt>Away from summits (±{data.summitWindowDays} days)</dt>
          <dd className="stat-number">{share === null ? '—' : `${Math.round(share * 100)}%`}</dd>
        </div>
        <div>
          <dt>Longest gap</dt>
          <dd className="stat-number">{data.overall.longestGapDays ?? '—'} days</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="levels-title">
        <h2 id="levels-title">Engagements per year by level</h2>
        <LevelsChart data={data} />
      </section>
      <section className="section" aria-labelledby="intensity-title">
        <h2 id="intensity-title">Intensity</h2>
        <p className="muted">
          Each engagement counts by its level:{' '}
          {data.levels.map((level) => `${level.label.toLowerCase()} ${level.weight}`).join(', ')}.
        </p>
        <IntensityChart data={data} />
      </section>
      <section className="section" aria-labelledby="regularity-title">
        <h2 id="regularity-title">Regularity</h2>
        <RegularityChart data={data} />
      </section>
      <section className="section" aria-labelledby="numbers-title">
        <h2 id="numbers-title">The numbers</h2>
        <AnalyticsYearTable data={data} />
        <MilestoneTable data={data} />
      </section>
    </>
  )
}

/** Engagement analytics for a partner or framework: level, intensity and regularity over the years. */
export function AnalyticsPage() {
  const { get, set: setAddress } = useAddressParams()
  const scopeValue = get('scope') || 'framework:ip4'
  const windowValue = Number(get('window') || '30')
  const window = Number.isInteger(windowValue) && windowValue >= 0 && windowValue <= 366 ? windowValue : 30
  const scope = { ...parseScope(scopeValue), window }
  const analytics = useAnalytics(scope)
  const frameworks = useFrameworks()
  const partners = usePartners({})
  usePageMarking(analytics.data?.marking)

  const update = (key: string, value: string) => setAddress({ [key]: value })

  return (
    <>
      <title>Engagement analytics — Liaison</title>
      <PageHeader
        title="Engagement analytics"
        lead="How often, and at what level, a partner or framework meets the alliance, and whether meetings happen only around summits."
      />
      <search className="filters" aria-label="Choose what to analyse">
        <div className="field">
          <label htmlFor="analytics-scope">Partner or framework</label>
          <select
            id="analytics-scope"
            className="input"
            value={scopeValue}
            onChange={(event) => update('scope', event.target.value)}
          >
            <optgroup label="Frameworks">
              {(frameworks.data?.items ?? []).map((item) => (
                <option key={item.id} value={`framework:${item.id}`}>
                  {item.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Partners">
              {(partners.data?.items ?? []).map((item) => (
                <option key={item.code} value={`partner:${item.code}`}>
                  {item.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="field">
          <label htmlFor="analytics-window">Summit window (days either side)</label>
          <input
            id="analytics-window"
            className="input"
            type="number"
            min={0}
            max={366}
            value={window}
            onChange={(event) => update('window', event.target.value)}
          />
        </div>
      </search>
      {analytics.isError ? (
        <ErrorState error={analytics.error} onRetry={() => analytics.refetch()} />
      ) : analytics.data === undefined ? (
        <Loading label="Counting engagements…" />
      ) : (
        <>
          <p className="muted">
            Download CSV:{' '}
            {csvSeries.map(([series, label], index) => (
              <span key={series}>
                {index === 0 ? '' : ' · '}
                <a href={analyticsPath(scope, series)} download>
                  {label}
                </a>
              </span>
            ))}
          </p>
          <Report data={analytics.data} />
        </>
      )}
      <Comparison window={window} />
    </>
  )
}
