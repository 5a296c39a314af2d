import { Link } from 'react-router'
import { usePartner } from '../features/partners/queries.ts'
import { useT } from '../i18n/useT.ts'

/**
 * Says a list is narrowed to one partner (arrived at from the partner's page) and offers the whole
 * list back. The partner's name is read like any partner (a partner the reader may not see shows
 * its code, and the list it narrows is empty).
 */
export function PartnerFilterNote({ code, allPath }: { code: string; allPath: string }) {
  const t = useT()
  const partner = usePartner(code)
  const name = partner.data?.name ?? code
  return (
    <p className="filter-note" role="status">
      {t('ui.partnerFilter.only', { name })} <Link to={allPath}>{t('ui.partnerFilter.showAll')}</Link>
    </p>
  )
}
