import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { CatalogueFilters } from '../features/cooperation/CatalogueFilters.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { ItemTable } from '../features/cooperation/ItemTable.tsx'
import { NewItemForm } from '../features/cooperation/NewItemForm.tsx'
import { pageSize, useItems } from '../features/cooperation/queries.ts'
import { useSession } from '../features/session/queries.ts'
import { useT } from '../i18n/useT.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'
import '../features/cooperation/cooperation.css'

const filterKeys = ['q', 'priorityArea', 'provider', 'format', 'eligible'] as const

/** The cooperation menu's catalogue: what members and alliance bodies offer, searched and filtered. */
export function CooperationPage() {
  const t = useT()
  const address = useAddressParams()
  const page = Math.max(0, Number(address.get('page')) || 0)
  const canBeEligible = useSession().data?.abilities.requestCooperation === true
  const value = (key: string) => address.get(key) || undefined
  const items = useItems({
    q: value('q'),
    priorityArea: value('priorityArea'),
    provider: value('provider'),
    format: value('format'),
    eligible: canBeEligible && address.get('eligible') === 'true' ? 'true' : undefined,
    offset: page * pageSize,
  })
  usePageMarking(items.data?.marking)
  // A new filter starts again from the first page.
  const set = (key: string, next: string) =>
    address.set(key === 'page' ? { page: next } : { [key]: next, page: '' })
  const filtered = filterKeys.some((key) => address.get(key) !== '')
  return (
    <>
      <title>{t('page.cooperation.cooperationMenuLiaison')}</title>
      <PageHeader
        title={t('page.cooperation.cooperationMenu')}
        lead={t('page.cooperation.coursesExercisesConferencesAndExpert')}
      />
      <CooperationNav />
      <div className="section">
        <NewItemForm />
      </div>
      <CatalogueFilters address={address} set={set} canBeEligible={canBeEligible} />
      <div className="section">
        {items.isError ? (
          <ErrorState error={items.error} onRetry={() => items.refetch()} />
        ) : items.data === undefined ? (
          <Loading label={t('page.cooperation.loadingTheCatalogue')} />
        ) : items.data.items.length === 0 ? (
          <EmptyState
            title={
              filtered
                ? t('page.cooperation.noActivityMatchesTheseFilters')
                : t('page.cooperation.theCatalogueIsEmpty')
            }
          >
            <p>
              {filtered
                ? t('page.cooperation.tryFewerWordsAnotherArea')
                : t('page.cooperation.activitiesYouMaySeeWill')}
            </p>
          </EmptyState>
        ) : (
          <>
            <Pagination
              label={t('page.cooperation.cataloguePages')}
              page={page}
              pageSize={pageSize}
              total={items.data.total}
              onPage={(next) => set('page', String(next))}
            />
            <ItemTable items={items.data.items} label={t('page.cooperation.catalogue')} />
          </>
        )}
      </div>
    </>
  )
}
