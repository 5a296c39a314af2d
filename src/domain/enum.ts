/**
 * A reader for values stored as text that must be one of a closed list (kinds, statuses,
 * levels): it narrows the type, and throws on anything else, because an unknown value read back
 * from our own database means corrupt data, not bad input (bad input is refused by the schemas).
 *
 * @example export const toNodeKind = enumReader(nodeKinds, 'node kind')
 */
export function enumReader<const T extends string>(values: readonly T[], what: string): (value: string) => T {
  return (value) => {
    const found = values.find((candidate) => candidate === value)
    if (found === undefined) {
      throw new RangeError(`Unknown ${what} "${value}"`)
    }
    return found
  }
}
