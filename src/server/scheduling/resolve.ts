import { DomainError, type FieldProblem, invalidInput } from '../../domain/errors.ts'
import type { Principal } from '../../domain/principal.ts'
import { countryCodeOf, officeKeyOf, type Place, resolvePlace } from '../../domain/scheduling/places.ts'
import type { Db } from '../../store/database.ts'
import { findSchedulingCountries, findSchedulingOffices } from '../../store/scheduling-place-store.ts'

/** Scheduling names who takes part: planning work, so a signed-in principal only. */
export function requireSignedIn(principal: Principal): void {
  if (principal.userId === null) {
    throw new DomainError('unauthenticated', 'Sign in to plan meetings.')
  }
}

/**
 * Resolves every place reference, keyed by the JSON pointer it came from, or throws one 400 listing
 * every reference that is not a zone, a visible member or partner, a city code or an office.
 */
export async function resolvePlaces(
  db: Db,
  principal: Principal,
  what: string,
  refs: readonly { readonly pointer: string; readonly ref: string }[],
): Promise<Place[]> {
  const codes = refs.map((r) => countryCodeOf(r.ref)).filter((code): code is string => code !== null)
  const countries = await findSchedulingCountries(db, principal, codes)
  const officeKeys = refs.map((r) => officeKeyOf(r.ref)).filter((key): key is string => key !== null)
  const offices = await findSchedulingOffices(db, principal, officeKeys)
  const problems: FieldProblem[] = []
  const places: Place[] = []
  for (const { pointer, ref } of refs) {
    const place = resolvePlace(ref, countries, offices)
    if (typeof place === 'string') {
      problems.push({ pointer, detail: place })
    } else {
      places.push(place)
    }
  }
  if (problems.length > 0) {
    throw invalidInput(what, problems)
  }
  return places
}
