import { classificationRank, type Marking } from '../../../src/domain/marking.ts'
import { markingRefusal } from '../../../src/domain/marking-authority.ts'
import type { Principal } from '../../../src/domain/principal.ts'

/** What the session tells the app about who is signed in, as much as the marking rule needs. */
export interface MarkingChooser {
  readonly kind: Principal['kind']
  readonly country: string | null
  readonly clearance: Principal['clearance']
  readonly roles: readonly string[]
}

/**
 * Whether the signed-in person may give a record `next` (the record being `current`, or null when
 * new): within their clearance and allowed by the same rule the server applies, so the form only
 * offers markings the server will accept.
 */
export function mayChooseMarking(chooser: MarkingChooser, next: Marking, current: Marking | null): boolean {
  if (classificationRank(next.classification) > classificationRank(chooser.clearance)) return false
  const principal: Principal = {
    kind: chooser.kind,
    country: chooser.country,
    clearance: chooser.clearance,
    userId: null,
    username: null,
    displayName: '',
    roles: new Set(chooser.roles),
  }
  return markingRefusal(principal, next, current) === null
}
