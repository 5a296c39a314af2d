/**
 * The consensus rule for alliance decisions, evaluated by the system (issue 9).
 *
 * Consensus means every member in the registry on the day concurs. Any objection blocks the
 * proposal; a reservation (or a member who has not yet spoken) holds it open.
 */
export type Position = 'concur' | 'object' | 'reserve' | 'none'

export type ConsensusOutcome =
  | { readonly kind: 'adopted' }
  | { readonly kind: 'blocked'; readonly blockers: readonly string[] }
  | { readonly kind: 'open'; readonly pending: readonly string[] }

/**
 * Evaluates the rule over the members of the day. Positions of bodies that are no longer members
 * are ignored, because only the registry as of today decides.
 */
export function evaluateConsensus(
  members: readonly string[],
  positions: ReadonlyMap<string, Position>,
): ConsensusOutcome {
  const positionOf = (member: string): Position => positions.get(member) ?? 'none'
  const blockers = members.filter((member) => positionOf(member) === 'object')
  if (blockers.length > 0) return { kind: 'blocked', blockers }
  const pending = members.filter((member) => positionOf(member) !== 'concur')
  if (pending.length > 0 || members.length === 0) return { kind: 'open', pending }
  return { kind: 'adopted' }
}
