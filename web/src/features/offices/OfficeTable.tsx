import '../proposals/proposals.css'
import { Link } from 'react-router'
import { TableWrap } from '../../components/TableWrap.tsx'
import { statusLabels } from '../proposals/queries.ts'
import { LocalTime } from './LocalTime.tsx'
import { type OfficeData, officeStatusLabels } from './queries.ts'

/** Offices as a table (no map): where, on which clock and its time now, status, partners, proposal. */
export function OfficeTable({ offices, label }: { offices: readonly OfficeData[]; label: string }) {
  return (
    <TableWrap label={label}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">City</th>
            <th scope="col">Country</th>
            <th scope="col">Time zone</th>
            <th scope="col">Local time now</th>
            <th scope="col">Status</th>
            <th scope="col">Partners served</th>
            <th scope="col">Proposal</th>
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
                    Proposal ({statusLabels[office.proposal.status].toLowerCase()})
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
