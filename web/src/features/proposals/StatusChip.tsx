import { type ProposalStatus, statusLabels } from './queries.ts'

/** The proposal's status, as words first; the colour only repeats them. */
export function StatusChip({ status }: { status: ProposalStatus }) {
  return <span className={`chip proposal-status status-${status}`}>{statusLabels[status]}</span>
}
