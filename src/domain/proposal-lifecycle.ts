/**
 * The proposal lifecycle as a state machine (issue 9).
 *
 *   draft → open → adopted | blocked | withdrawn
 *   open (silence) → open (consensus) when a member breaks silence
 *
 * Adopted and blocked are decided by the system from the members' positions or the silence
 * deadline, never set by hand; people may only open, withdraw or break silence.
 */
export type ProposalStatus = 'draft' | 'open' | 'adopted' | 'blocked' | 'withdrawn'
export type ProposalAction = 'open' | 'withdraw' | 'break-silence'

export const manualTransitions: Readonly<Record<ProposalAction, readonly ProposalStatus[]>> = {
  open: ['draft'],
  withdraw: ['draft', 'open', 'blocked'],
  'break-silence': ['open'],
}

/** Whether a person may take this action from this status (procedure checked separately). */
export function mayTake(action: ProposalAction, status: ProposalStatus): boolean {
  return manualTransitions[action].includes(status)
}
