import { DomainError } from '../../../domain/errors.ts'
import { canRead, type Marking, normaliseReleasability } from '../../../domain/marking.ts'
import { assertMayMark } from '../../../domain/marking-authority.ts'
import type { Principal } from '../../../domain/principal.ts'

/**
 * A marking from the request; refused when its author could no longer read what they marked, or
 * may not give it (assertMayMark). `current`: the record's marking now, or for a new record the
 * marking of what contains it (null for a new programme).
 */
export function toMarking(
  principal: Principal,
  input: { classification: Marking['classification']; releasableTo: readonly string[] },
  current: Marking | null,
): Marking {
  const marking = {
    classification: input.classification,
    releasableTo: normaliseReleasability(input.releasableTo),
  }
  if (!canRead(principal, marking)) {
    throw new DomainError('invalid-input', 'marking: you could no longer see a part marked like this.', {
      errors: [
        { in: 'body', pointer: '#/marking', detail: 'You could no longer see a part marked like this' },
      ],
    })
  }
  assertMayMark(principal, marking, current)
  return marking
}
