import { Link } from 'react-router'
import { MarkingTag } from '../../components/marking.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { StatusBadge } from '../partners/PartnerResults.tsx'
import type { MembershipData } from './queries.ts'

/** Members (or the whole history) of a framework as a table; former members became Allies, so no link. */
export function MembershipTable({
  rows,
  caption,
  showNote = false,
  testId,
}: {
  rows: readonly MembershipData[]
  caption: string
  showNote?: boolean
  testId?: string
}) {
  return (
    <TableWrap label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Status</th>
            {showNote ? <th scope="col">Note</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.code}-${row.from?.date ?? ''}`}>
              <th scope="row">
                {row.status === 'former' ? row.name : <Link to={`/partners/${row.code}`}>{row.name}</Link>}{' '}
                <span className="code">{row.code}</span> <MarkingTag marking={row.marking} />
              </th>
              <td>{row.from?.label ?? 'Not recorded'}</td>
              <td>{row.to?.label ?? '—'}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              {showNote ? <td className="note">{row.note ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
