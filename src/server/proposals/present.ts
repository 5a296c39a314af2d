import type { z } from 'zod'
import type { ProposalDetail, ProposalSummary } from '../../contract/proposal.ts'
import { evaluateConsensus } from '../../domain/decision-consensus.ts'
import { highestMarking } from '../../domain/marking.ts'
import { allows, hasPermission } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import { currentPositions, type PositionEntry } from '../../domain/proposal.ts'
import type { ProposalRecord } from '../../store/proposal-store.ts'
import { presentMarking } from '../present.ts'

/**
 * Proposals for the wire. Members' positions go only to readers granted `proposal.see-positions`
 * (staff and allies): a partner sees that a proposal is open or blocked, never who objects.
 */
export function mayReadPositions(principal: Principal): boolean {
  return hasPermission(principal, 'proposal.see-positions')
}

export function presentProposal(
  record: ProposalRecord,
  positions: { readonly members: readonly string[]; readonly history: readonly PositionEntry[] } | null,
): z.infer<typeof ProposalSummary> {
  const latest = positions === null ? null : currentPositions(positions.history)
  return {
    id: record.id,
    title: record.title,
    kind: record.kind,
    status: record.status,
    procedure: record.procedure,
    deadline: record.deadline,
    partner: record.partner,
    programme: record.programme,
    engagement: record.engagement,
    liaisonOffice: record.liaisonOffice,
    ...(positions === null || latest === null
      ? {}
      : {
          positions: positions.members.map((member) => ({ member, position: latest.get(member) ?? 'none' })),
        }),
    marking: presentMarking(record.marking),
    version: record.version,
  }
}

export function presentProposalDetail(
  principal: Principal,
  record: ProposalRecord,
  positions: { readonly members: readonly string[]; readonly history: readonly PositionEntry[] } | null,
): z.infer<typeof ProposalDetail> {
  const resource = { type: 'proposal', status: record.status, procedure: record.procedure } as const
  const mayRecord = (member: string) =>
    allows(principal, 'proposal.position', { ...resource, type: 'proposal-position', member })
  const recordPositions = hasPermission(principal, 'proposal.position-any')
    ? mayRecord('')
      ? 'any'
      : 'none'
    : principal.country !== null &&
        (positions?.members.includes(principal.country) ?? false) &&
        mayRecord(principal.country)
      ? 'own'
      : 'none'
  // Breaking silence is stating a position, so whoever may speak for a member may break it
  // (positions themselves are not taken under silence, hence not `recordPositions`).
  const speaksForAMember =
    hasPermission(principal, 'proposal.position-any') ||
    (hasPermission(principal, 'proposal.position-own') &&
      principal.country !== null &&
      (positions?.members.includes(principal.country) ?? false))
  const outcome =
    positions === null ? null : evaluateConsensus(positions.members, currentPositions(positions.history))
  return {
    ...presentProposal(record, positions),
    text: record.text,
    createdAt: record.createdAt,
    ...(positions === null
      ? {}
      : {
          history: positions.history.map((entry) => ({ ...entry })),
          blockers: outcome?.kind === 'blocked' ? [...outcome.blockers] : [],
        }),
    abilities: {
      open: allows(principal, 'proposal.open', resource),
      withdraw: allows(principal, 'proposal.withdraw', resource),
      recordPositions,
      breakSilence: record.status === 'open' && record.procedure === 'silence' && speaksForAMember,
    },
    pageMarking: presentMarking(highestMarking([record.marking, ...record.linkMarkings])),
  }
}
