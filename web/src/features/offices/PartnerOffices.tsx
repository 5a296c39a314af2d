import { Link } from 'react-router'
import { usePageMarking } from '../../components/marking.tsx'
import { ErrorState, Loading } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { OfficeTable } from './OfficeTable.tsx'
import { useOffices } from './queries.ts'

/** The liaison offices that serve this partner, on its page (their marking joins the page's banner). */
export function PartnerOffices({ code, name }: { code: string; name: string }) {
  const t = useT()
  const offices = useOffices(code)
  usePageMarking(offices.data?.marking)
  return (
    <section aria-labelledby="offices-title" className="section">
      <h2 id="offices-title">{t('offices.partnerOffices.liaisonOffices')}</h2>
      {offices.isPending ? (
        <Loading label={t('offices.partnerOffices.loadingLiaisonOffices')} />
      ) : offices.isError ? (
        <ErrorState error={offices.error} onRetry={() => offices.refetch()} />
      ) : offices.data.items.length === 0 ? (
        <p className="muted">
          {t('offices.partnerOffices.noLiaisonOfficeThatYou')} {name}.{' '}
          <Link to="/offices">{t('offices.partnerOffices.allLiaisonOffices')}</Link>
        </p>
      ) : (
        <OfficeTable
          offices={offices.data.items}
          label={t('offices.partnerOffices.liaisonOfficesServing', { name })}
        />
      )}
    </section>
  )
}
