import { DomainError, type FieldProblem } from './errors.ts'
import { classificationRank, type Marking } from './marking.ts'
import { hasPermission } from './policy.ts'
import type { Principal } from './principal.ts'

/**
 * Whether `principal` may give a record the marking `next`, where `current` is the record's marking
 * now (null for a new record). Marking is the alliance's call: the `marking.set-any` permission
 * (desk officers) sets any marking its holder can read. Anyone else (a partner's own users) may not lower a classification below what it is, nor
 * release a record to a country other than their own, though a release already on the record may
 * stay. Without this, a partner could make its programme PUBLIC or show it to another partner.
 */
export function markingRefusal(principal: Principal, next: Marking, current: Marking | null): string | null {
  if (hasPermission(principal, 'marking.set-any')) {
    return null
  }
  if (
    current !== null &&
    classificationRank(next.classification) < classificationRank(current.classification)
  ) {
    return `Only alliance staff may lower a marking below ${current.classification}.`
  }
  if (next.classification === 'PUBLIC') {
    return null
  }
  const kept = new Set(current?.releasableTo ?? [])
  const others = next.releasableTo.filter((code) => code !== principal.country && !kept.has(code))
  return others.length === 0 ? null : `Only alliance staff may release a record to ${others.join(', ')}.`
}

/** Refuses (403) a marking the principal may not give; see markingRefusal. */
export function assertMayMark(principal: Principal, next: Marking, current: Marking | null): void {
  const refusal = markingRefusal(principal, next, current)
  if (refusal !== null) {
    throw new DomainError('forbidden', refusal)
  }
}

/** A marking above the writer's own clearance: nobody records what they could not read back. */
export function clearanceProblems(principal: Principal, markings: readonly Marking[]): FieldProblem[] {
  const above = markings.some(
    (marking) => classificationRank(marking.classification) > classificationRank(principal.clearance),
  )
  return above ? [{ pointer: '#/marking/classification', detail: 'Above your own clearance' }] : []
}
