import { EmptyState } from '../../components/states.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { inViewerZone } from './Countdown.tsx'
import { type ProposalData, positionLabels } from './queries.ts'

/** Who recorded it, and for whom when it was on a member's behalf (imported records have no user). */
function recordedBy(entry: NonNullable<ProposalData['history']>[number]): string {
  const who = entry.recordedBy ?? ''
  if (!entry.onBehalf) return who === '' ? '—' : who
  return who === '' ? `On behalf of ${entry.member}` : `${who} on behalf of ${entry.member}`
}

/** Every position recorded, newest first: who, when (viewer's zone), the note, and on whose behalf. */
export function PositionHistory({ history }: { history: NonNullable<ProposalData['history']> }) {
  if (history.length === 0) {
    return (
      <EmptyState title="No position recorded yet">
        Members’ positions appear here as they are recorded.
      </EmptyState>
    )
  }
  return (
    <TableWrap label="Position history" className="position-history">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Member</th>
            <th scope="col">Position</th>
            <th scope="col">Recorded by</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {[...history].reverse().map((entry) => (
            <tr key={`${entry.at}-${entry.member}-${entry.position}-${entry.recordedBy ?? ''}`}>
              <td>
                <time dateTime={entry.at}>{inViewerZone(entry.at)}</time>
              </td>
              <th scope="row">{entry.member}</th>
              <td>{positionLabels[entry.position]}</td>
              <td>{recordedBy(entry)}</td>
              <td className="note">{entry.note ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
