import { Link } from 'react-router'
import { usePageMarking } from '../../components/marking.tsx'
import { useT } from '../../i18n/useT.ts'
import { officeStatusLabels, useOffice } from './queries.ts'

/** The office a proposal decides: its city and status, linking to the offices list. */
export function OfficeLink({ id, proposalVersion }: { id: string; proposalVersion: number }) {
  const t = useT()
  const office = useOffice(id, proposalVersion)
  usePageMarking(office.data?.pageMarking)
  // While the new version loads, the previous answer is not kept: show the plain link meanwhile.
  if (office.data === undefined) return <Link to="/offices">{t('offices.officeLink.liaisonOffices')}</Link>
  return (
    <>
      <Link to="/offices">
        {office.data.city}, {office.data.countryName}
      </Link>{' '}
      ({officeStatusLabels[office.data.status].toLowerCase()})
    </>
  )
}
