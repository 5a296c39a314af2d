import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { NewOfficeForm } from '../features/offices/NewOfficeForm.tsx'
import { OfficeTable } from '../features/offices/OfficeTable.tsx'
import { useOffices } from '../features/offices/queries.ts'

/** The alliance's liaison offices abroad, map-free: city, country, zone and its time now, status. */
export function OfficesPage() {
  const offices = useOffices()
  usePageMarking(offices.data?.marking)
  if (offices.isPending) return <Loading label="Loading liaison offices…" />
  if (offices.isError) return <ErrorState error={offices.error} onRetry={() => offices.refetch()} />
  const { items } = offices.data
  return (
    <>
      <title>Liaison offices — Liaison</title>
      <PageHeader
        title="Liaison offices"
        lead="Offices of the alliance abroad, with the time now where they are. A proposed office opens when the proposal that decides it is adopted."
        actions={<CsvLink path="/api/v1/liaison-offices.csv" what="the liaison offices" />}
      />
      <div className="section">
        <NewOfficeForm />
      </div>
      <div className="section">
        {items.length === 0 ? (
          <EmptyState title="No liaison offices yet">Offices you may see will be listed here.</EmptyState>
        ) : (
          <OfficeTable offices={items} label="Liaison offices" />
        )}
      </div>
    </>
  )
}
