import { useT } from '../../i18n/useT.ts'
import '../proposals/proposals.css'
import { Link } from 'react-router'
import { TableWrap } from '../../components/TableWrap.tsx'
import { statusLabels } from '../proposals/queries.ts'
import { LocalTime } from './LocalTime.tsx'
import { type OfficeData, officeStatusLabels } from './queries.ts'

/** Offices as a table (no map): where, on which clock and its time now, status, partners, proposal. */
export function OfficeTable({ offices, label }: { offices: readonly OfficeData[]; label: string }) {
  const t = useT()
  return (
    <TableWrap label={label}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('offices.officeTable.city')}</th>
            <th scope="col">{t('offices.officeTable.country')}</th>
            <th scope="col">{t('offices.officeTable.timeZone')}</th>
            <th scope="col">{t('offices.officeTable.localTimeNow')}</th>
            <th scope="col">{t('offices.officeTable.status')}</th>
            <th scope="col">{t('offices.officeTable.partnersServed')}</th>
            <th scope="col">{t('offices.officeTable.proposal')}</th>
          </tr>
        </thead>
        <tbody>
          {offices.map((office) => (
            <tr key={office.id}>
              <th scope="row">{office.city}</th>
              <td>{office.countryName}</td>
              <td>{office.timeZone}</td>
              <td>
                <LocalTime timeZone={office.timeZone} />
              </td>
              <td>
                <span className={`chip office-status office-${office.status}`}>
                  {officeStatusLabels[office.status]}
                </span>
              </td>
              <td>
                {office.partners.length === 0
                  ? '—'
                  : office.partners.map((code, index) => (
                      <span key={code}>
                        {index === 0 ? '' : ', '}
                        <Link to={`/partners/${code}`}>{code}</Link>
                      </span>
                    ))}
              </td>
              <td>
                {office.proposal === null ? (
                  '—'
                ) : (
                  <Link to={`/proposals/${encodeURIComponent(office.proposal.id)}`}>
                    {t('offices.officeTable.proposal2', {
                      status: statusLabels[office.proposal.status].toLowerCase(),
                    })}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
