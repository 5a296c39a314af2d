import { Link } from 'react-router'
import { engagementKinds, engagementLevels } from '../../../src/domain/engagement.ts'
import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { EngagementTable } from '../features/engagements/EngagementTable.tsx'
import { EngagementWhen, formatDay } from '../features/engagements/EngagementWhen.tsx'
import { FeedManager } from '../features/engagements/FeedManager.tsx'
import { MonthGrid } from '../features/engagements/MonthGrid.tsx'
import { type EngagementFilterParams, useEngagements, viewerZone } from '../features/engagements/queries.ts'
import { useFrameworks } from '../features/frameworks/queries.ts'
import { usePartners } from '../features/partners/queries.ts'
import { isSignedIn, useSession } from '../features/session/queries.ts'
import { engagementKindLabels, levelLabels } from '../i18n/labels.ts'
import { useT } from '../i18n/useT.ts'
import { currentMonth } from '../lib/dates.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'

const views = [
  ['list', 'page.engagements.viewList'],
  ['month', 'page.engagements.viewMonth'],
  ['agenda', 'page.engagements.viewAgenda'],
] as const
type View = (typeof views)[number][0]
const pageSize = 25

function monthRange(month: string): { from: string; to: string } {
  const [year = 2000, number = 1] = month.split('-').map(Number)
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

function shiftMonth(month: string, by: number): string {
  const [year = 2000, number = 1] = month.split('-').map(Number)
  return new Date(Date.UTC(year, number - 1 + by, 1)).toISOString().slice(0, 7)
}

/** Engagements as a filtered list, a month grid or an agenda; every choice lives in the address. */
export function EngagementsPage() {
  const t = useT()
  const { get, set: setAddress } = useAddressParams()
  const viewParam = get('view')
  const view: View = views.find(([value]) => value === viewParam)?.[0] ?? 'list'
  // Without a month in the address the calendar opens on this month in the viewer's zone.
  const month = /^\d{4}-\d{2}$/.test(get('month')) ? get('month') : currentMonth(new Date(), viewerZone)
  const page = Math.max(0, Number(get('page')) || 0)
  const base: EngagementFilterParams = {
    partner: get('partner') || undefined,
    framework: get('framework') || undefined,
    kind: get('kind') || undefined,
    level: get('level') || undefined,
    from: get('from') || undefined,
    to: get('to') || undefined,
  }
  const filter: EngagementFilterParams =
    view === 'list'
      ? { ...base, limit: pageSize, offset: page * pageSize }
      : { ...base, ...monthRange(month), order: 'asc', limit: 500 }
  const engagements = useEngagements(filter)
  const frameworks = useFrameworks()
  const partners = usePartners({})
  const session = useSession()
  usePageMarking(engagements.data?.marking)

  // A new filter starts again from the first page.
  const set = (key: string, value: string) =>
    setAddress(key === 'page' ? { page: value } : { [key]: value, page: '' })

  const select = (key: string, label: string, options: readonly (readonly [string, string])[]) => (
    <div className="field">
      <label htmlFor={`engagement-${key}`}>{label}</label>
      <select
        id={`engagement-${key}`}
        className="input"
        value={get(key)}
        onChange={(event) => set(key, event.target.value)}
      >
        <option value="">{t('page.engagements.all')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )

  const data = engagements.data
  const signedIn = isSignedIn(session.data)
  return (
    <>
      <title>{t('page.engagements.engagementsLiaison')}</title>
      <PageHeader
        title={t('page.engagements.engagements')}
        lead={t('page.engagements.summitsMinisterialsCouncilSessionsStaff')}
        actions={
          <>
            <CsvLink
              path="/api/v1/engagements.csv"
              filters={{ ...filter }}
              label={t('ui.csvLink.engagements')}
            />
            {session.data?.abilities.createEngagements ? (
              <Link className="button" to="/engagements/new">
                {t('page.engagements.recordAnEngagement')}
              </Link>
            ) : null}
          </>
        }
      />
      <search className="filters" aria-label={t('page.engagements.filterEngagements')}>
        {select(
          'partner',
          t('page.engagements.partner'),
          (partners.data?.items ?? []).map((partner) => [partner.code, partner.name] as const),
        )}
        {select(
          'framework',
          t('page.engagements.framework'),
          (frameworks.data?.items ?? []).map((item) => [item.id, item.shortName] as const),
        )}
        {select(
          'kind',
          t('page.engagements.kind'),
          engagementKinds.map((kind) => [kind, engagementKindLabels[kind]] as const),
        )}
        {select(
          'level',
          t('page.engagements.level'),
          engagementLevels.map((level) => [level, levelLabels[level]] as const),
        )}
        {view === 'list' ? (
          <>
            <div className="field">
              <label htmlFor="engagement-from">{t('page.engagements.from')}</label>
              <input
                id="engagement-from"
                className="input"
                type="date"
                value={get('from')}
                onChange={(e) => set('from', e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="engagement-to">{t('page.engagements.to')}</label>
              <input
                id="engagement-to"
                className="input"
                type="date"
                value={get('to')}
                onChange={(e) => set('to', e.target.value)}
              />
            </div>
          </>
        ) : null}
      </search>
      <nav aria-label={t('page.engagements.view')} className="chips view-controls">
        {views.map(([value, label]) => (
          <button
            key={value}
            type="button"
            className={`chip${view === value ? ' chip-accent' : ''}`}
            aria-pressed={view === value}
            onClick={() => set('view', value)}
          >
            {t(label)}
          </button>
        ))}
        {view === 'list' ? null : (
          <>
            <button type="button" className="chip" onClick={() => set('month', shiftMonth(month, -1))}>
              {t('page.engagements.previousMonth')}
            </button>
            <label className="chip month-chip">
              {t('page.engagements.month')}{' '}
              <input
                type="month"
                value={month}
                onChange={(event) => set('month', event.target.value)}
                className="input"
              />
            </label>
            <button type="button" className="chip" onClick={() => set('month', shiftMonth(month, 1))}>
              {t('page.engagements.nextMonth')}
            </button>
          </>
        )}
      </nav>
      {engagements.isError ? (
        <ErrorState error={engagements.error} onRetry={() => engagements.refetch()} />
      ) : data === undefined ? (
        <Loading label={t('page.engagements.loadingEngagements')} />
      ) : data.items.length === 0 ? (
        <EmptyState title={t('page.engagements.noEngagementsMatch')}>
          <p>{t('page.engagements.clearAFilterOrChoose')}</p>
        </EmptyState>
      ) : view === 'list' ? (
        <>
          <p className="result-count" aria-live="polite">
            {t('page.engagements.countAndPage', {
              total: data.total,
              page: page + 1,
              pages: Math.max(1, Math.ceil(data.total / pageSize)),
            })}
          </p>
          <EngagementTable
            items={data.items}
            caption={t('page.engagements.engagementsLatestFirst')}
            testId="engagement-list"
          />
          <Pagination
            label={t('page.engagements.engagementPages')}
            page={page}
            pageSize={pageSize}
            total={data.total}
            onPage={(to) => set('page', String(to))}
          />
        </>
      ) : view === 'month' ? (
        <MonthGrid month={month} items={data.items} />
      ) : (
        <ol className="card-list" data-testid="agenda">
          {data.items.map((item) => (
            <li key={item.id} className="card">
              <p className="card-meta">{formatDay(item.start.place.local)}</p>
              <p className="card-title">
                <Link to={`/engagements/${encodeURIComponent(item.id)}`}>{item.title}</Link>
              </p>
              <p className="muted">
                <EngagementWhen engagement={item} /> · {engagementKindLabels[item.kind]} ·{' '}
                {levelLabels[item.level]}
              </p>
            </li>
          ))}
        </ol>
      )}
      <FeedManager signedIn={signedIn} partner={base.partner} framework={base.framework} />
    </>
  )
}
