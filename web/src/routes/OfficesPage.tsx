import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { NewOfficeForm } from '../features/offices/NewOfficeForm.tsx'
import { OfficeTable } from '../features/offices/OfficeTable.tsx'
import { useOffices } from '../features/offices/queries.ts'
import { useT } from '../i18n/useT.ts'

/** The alliance's liaison offices abroad, map-free: city, country, zone and its time now, status. */
export function OfficesPage() {
  const t = useT()
  const offices = useOffices()
  usePageMarking(offices.data?.marking)
  if (offices.isPending) return <Loading label={t('page.offices.loadingLiaisonOffices')} />
  if (offices.isError) return <ErrorState error={offices.error} onRetry={() => offices.refetch()} />
  const { items } = offices.data
  return (
    <>
      <title>{t('page.offices.liaisonOfficesLiaison')}</title>
      <PageHeader
        title={t('page.offices.liaisonOffices')}
        lead={t('page.offices.officesOfTheAllianceAbroad')}
        actions={<CsvLink path="/api/v1/liaison-offices.csv" label={t('ui.csvLink.offices')} />}
      />
      <div className="section">
        <NewOfficeForm />
      </div>
      <div className="section">
        {items.length === 0 ? (
          <EmptyState title={t('page.offices.noLiaisonOfficesYet')}>
            {t('page.offices.officesYouMaySeeWill')}
          </EmptyState>
        ) : (
          <OfficeTable offices={items} label={t('page.offices.liaisonOffices')} />
        )}
      </div>
    </>
  )
}
