import { Link } from 'react-router'
import { usePageMarking } from '../../components/marking.tsx'
import { ErrorState, Loading } from '../../components/states.tsx'
import { OfficeTable } from './OfficeTable.tsx'
import { useOffices } from './queries.ts'

/** The liaison offices that serve this partner, on its page (their marking joins the page's banner). */
export function PartnerOffices({ code, name }: { code: string; name: string }) {
  const offices = useOffices(code)
  usePageMarking(offices.data?.marking)
  return (
    <section aria-labelledby="offices-title" className="section">
      <h2 id="offices-title">Liaison offices</h2>
      {offices.isPending ? (
        <Loading label="Loading liaison offices…" />
      ) : offices.isError ? (
        <ErrorState error={offices.error} onRetry={() => offices.refetch()} />
      ) : offices.data.items.length === 0 ? (
        <p className="muted">
          No liaison office that you may see serves {name}. <Link to="/offices">All liaison offices</Link>
        </p>
      ) : (
        <OfficeTable offices={offices.data.items} label={`Liaison offices serving ${name}`} />
      )}
    </section>
  )
}
