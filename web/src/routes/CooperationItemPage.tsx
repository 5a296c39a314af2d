import { Link, useParams } from 'react-router'
import { Chip } from '../components/Chip.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, isNotFound, Loading, NotFound } from '../components/states.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { EventTable } from '../features/cooperation/EventTable.tsx'
import { areaName, formatLabels } from '../features/cooperation/labels.ts'
import { NewEventForm } from '../features/cooperation/NewEventForm.tsx'
import { pageSize, useEvents, useItem } from '../features/cooperation/queries.ts'
import { useT } from '../i18n/useT.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'
import '../features/cooperation/cooperation.css'

function ItemEvents({ itemId }: { itemId: string }) {
  const t = useT()
  const address = useAddressParams()
  const page = Math.max(0, Number(address.get('page')) || 0)
  const events = useEvents({ item: itemId, offset: page * pageSize })
  usePageMarking(events.data?.marking)
  if (events.isError) return <ErrorState error={events.error} onRetry={() => events.refetch()} />
  if (events.data === undefined) return <Loading label={t('page.cooperationItem.loadingEvents')} />
  if (events.data.items.length === 0) {
    return (
      <EmptyState title={t('page.cooperationItem.noEventsScheduled')}>
        {t('page.cooperationItem.eventsOfThisActivityYou')}
      </EmptyState>
    )
  }
  return (
    <>
      <Pagination
        label={t('page.cooperationItem.eventPages')}
        page={page}
        pageSize={pageSize}
        total={events.data.total}
        onPage={(next) => address.set({ page: String(next) })}
      />
      <EventTable events={events.data.items} label={t('page.cooperationItem.eventsOfThisActivity')} />
    </>
  )
}

/** One catalogue item: what it is, who offers it, who may ask for it, and its events. */
export function CooperationItemPage() {
  const t = useT()
  const { id = '' } = useParams()
  const item = useItem(id)
  usePageMarking(item.data?.pageMarking)
  if (item.isPending) return <Loading label={t('page.cooperationItem.loadingActivity')} />
  if (item.isError) {
    return isNotFound(item.error) ? (
      <NotFound title={t('page.cooperationItem.activityNotFound')} detail={item.error.message} />
    ) : (
      <ErrorState error={item.error} onRetry={() => item.refetch()} />
    )
  }
  const data = item.data
  const { partners, frameworks } = data.eligibility
  const eligibility =
    partners.length === 0 && frameworks.length === 0
      ? t('page.cooperationItem.everyPartner')
      : [
          ...partners,
          ...frameworks.map((framework) => t('page.cooperationItem.membersOf', { framework })),
        ].join(', ')
  return (
    <>
      <title>{t('page.cooperationItem.liaison', { code: data.code, title: data.title })}</title>
      <nav aria-label={t('page.cooperationItem.breadcrumb')} className="breadcrumb">
        <Link to="/cooperation">{t('page.cooperationItem.cooperationMenu')}</Link>{' '}
        <span aria-hidden="true">/</span> <span>{data.code}</span>
      </nav>
      <PageHeader eyebrow={`${formatLabels[data.format]} · ${data.provider.name}`} title={data.title} />
      <CooperationNav />
      <section className="panel" aria-labelledby="item-facts">
        <h2 id="item-facts" className="visually-hidden">
          {t('page.cooperationItem.aboutThisActivity')}
        </h2>
        {data.description === '' ? null : <p>{data.description}</p>}
        <dl className="facts">
          <div>
            <dt>{t('page.cooperationItem.code')}</dt>
            <dd className="code">{data.code}</dd>
          </div>
          <div>
            <dt>{t('page.cooperationItem.provider')}</dt>
            <dd>{data.provider.name}</dd>
          </div>
          <div>
            <dt>{t('page.cooperationItem.priorityAreas')}</dt>
            <dd>{data.priorityAreas.map(areaName).join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('page.cooperationItem.languages')}</dt>
            <dd>{data.languages.map((language) => language.toUpperCase()).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('page.cooperationItem.openTo')}</dt>
            <dd>
              {eligibility}
              {data.eligibleForMe ? (
                <>
                  {' '}
                  <Chip tone="accent">{t('page.cooperationItem.youMayRequest')}</Chip>
                </>
              ) : null}
            </dd>
          </div>
          {data.illustrative ? (
            <div>
              <dt>{t('page.cooperationItem.source')}</dt>
              <dd>
                <Chip tone="muted">{t('page.cooperationItem.illustrative')}</Chip>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section className="section" aria-labelledby="item-events">
        <h2 id="item-events">{t('page.cooperationItem.events')}</h2>
        <div className="section">
          <NewEventForm itemId={data.id} allowed={data.abilities.addEvent} />
        </div>
        <ItemEvents itemId={data.id} />
      </section>
    </>
  )
}
