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
import { useT } from '../i18n/useT.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'

const csvSeries = [
  ['levels', 'page.analytics.csvLevels'],
  ['formats', 'page.analytics.csvFormats'],
  ['intensity', 'page.analytics.csvIntensity'],
  ['regularity', 'page.analytics.csvRegularity'],
  ['milestones', 'page.analytics.csvMilestones'],
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
  const t = useT()
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
      <h2 id="compare-title">{t('page.analytics.partnerComparison')}</h2>
      <fieldset className="filters">
        <legend>{t('page.analytics.partnersToCompare')}</legend>
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
        <p className="muted">{t('page.analytics.chooseOneOrMorePartners')}</p>
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
  const t = useT()
  const first = data.overall.firstYearAtLeadersLevel
  const share = data.overall.shareOutsideSummitWindow
  return (
    <>
      <dl className="facts" data-testid="analytics-overall">
        <div>
          <dt>{t('page.analytics.engagements')}</dt>
          <dd className="stat-number">{data.overall.total}</dd>
        </div>
        <div>
          <dt>{t('page.analytics.firstAtLeadersLevel')}</dt>
          <dd className="stat-number">{first ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('page.analytics.awayFromSummits', { days: data.summitWindowDays })}</dt>
          <dd className="stat-number">{share === null ? '—' : `${Math.round(share * 100)}%`}</dd>
        </div>
        <div>
          <dt>{t('page.analytics.longestGap')}</dt>
          <dd className="stat-number">
            {data.overall.longestGapDays ?? '—'} {t('page.analytics.days2')}
          </dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="levels-title">
        <h2 id="levels-title">{t('page.analytics.engagementsPerYearByLevel')}</h2>
        <LevelsChart data={data} />
      </section>
      <section className="section" aria-labelledby="intensity-title">
        <h2 id="intensity-title">{t('page.analytics.intensity')}</h2>
        <p className="muted">
          {t('page.analytics.eachEngagementCountsByIts')}{' '}
          {data.levels.map((level) => `${level.label.toLowerCase()} ${level.weight}`).join(', ')}.
        </p>
        <IntensityChart data={data} />
      </section>
      <section className="section" aria-labelledby="regularity-title">
        <h2 id="regularity-title">{t('page.analytics.regularity')}</h2>
        <RegularityChart data={data} />
      </section>
      <section className="section" aria-labelledby="numbers-title">
        <h2 id="numbers-title">{t('page.analytics.theNumbers')}</h2>
        <AnalyticsYearTable data={data} />
        <MilestoneTable data={data} />
      </section>
    </>
  )
}

/** Engagement analytics for a partner or framework: level, intensity and regularity over the years. */
export function AnalyticsPage() {
  const t = useT()
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
      <title>{t('page.analytics.engagementAnalyticsLiaison')}</title>
      <PageHeader
        title={t('page.analytics.engagementAnalytics')}
        lead={t('page.analytics.howOftenAndAtWhat')}
      />
      <search className="filters" aria-label={t('page.analytics.chooseWhatToAnalyse')}>
        <div className="field">
          <label htmlFor="analytics-scope">{t('page.analytics.partnerOrFramework')}</label>
          <select
            id="analytics-scope"
            className="input"
            value={scopeValue}
            onChange={(event) => update('scope', event.target.value)}
          >
            <optgroup label={t('page.analytics.frameworks')}>
              {(frameworks.data?.items ?? []).map((item) => (
                <option key={item.id} value={`framework:${item.id}`}>
                  {item.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('page.analytics.partners')}>
              {(partners.data?.items ?? []).map((item) => (
                <option key={item.code} value={`partner:${item.code}`}>
                  {item.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="field">
          <label htmlFor="analytics-window">{t('page.analytics.summitWindowDaysEitherSide')}</label>
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
        <Loading label={t('page.analytics.countingEngagements')} />
      ) : (
        <>
          <p className="muted">
            {t('page.analytics.downloadCsv')}{' '}
            {csvSeries.map(([series, label], index) => (
              <span key={series}>
                {index === 0 ? '' : ' · '}
                <a href={analyticsPath(scope, series)} download>
                  {t(label)}
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
