import { Link } from 'react-router'
import { MarkingTag } from '../../components/marking.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useT } from '../../i18n/useT.ts'
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
  const t = useT()
  return (
    <TableWrap label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('frameworks.membershipTable.country')}</th>
            <th scope="col">{t('frameworks.membershipTable.from')}</th>
            <th scope="col">{t('frameworks.membershipTable.to')}</th>
            <th scope="col">{t('frameworks.membershipTable.status')}</th>
            {showNote ? <th scope="col">{t('frameworks.membershipTable.note')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.code}-${row.from?.date ?? ''}`}>
              <th scope="row">
                {row.status === 'former' ? row.name : <Link to={`/partners/${row.code}`}>{row.name}</Link>}{' '}
                <span className="code">{row.code}</span> <MarkingTag marking={row.marking} />
              </th>
              <td>{row.from?.label ?? t('frameworks.membershipTable.notRecorded')}</td>
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
