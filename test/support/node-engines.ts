/**
 * Just enough of npm's range syntax to read `engines.node` fields (`>=20`, `^20.19.0 || >=22.12`,
 * `20.x`, `>= 0.8`, `10.* || >= 12.*`): the project promises Node versions, and every installed
 * package must accept each of them, or `npm ci` warns EBADENGINE there and the package may not run.
 */
type Version = readonly [number, number, number]

interface Partial {
  readonly parts: readonly (number | undefined)[]
}

function parsePartial(text: string): Partial {
  const cleaned = text.replace(/^v/, '')
  const parts = cleaned === '' ? [] : cleaned.split('.')
  return { parts: parts.slice(0, 3).map((part) => (/^\d+$/.test(part) ? Number(part) : undefined)) }
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0)
    if (difference !== 0) {
      return difference
    }
  }
  return 0
}

function filled(partial: Partial): Version {
  const [major = 0, minor = 0, patch = 0] = partial.parts
  return [major, minor, patch]
}

/** The number of leading parts given (`20.x` → 1, `20.19.0` → 3). */
function given(partial: Partial): number {
  const index = partial.parts.indexOf(undefined)
  return index === -1 ? partial.parts.length : index
}

function upperOf(partial: Partial, keep: number): Version {
  const base = filled(partial)
  if (keep <= 0) {
    return [Number.POSITIVE_INFINITY, 0, 0]
  }
  return keep === 1
    ? [base[0] + 1, 0, 0]
    : keep === 2
      ? [base[0], base[1] + 1, 0]
      : [base[0], base[1], base[2] + 1]
}

function matches(comparator: string, version: Version): boolean {
  const match = /^(>=|<=|>|<|=|\^|~)?\s*(.*)$/.exec(comparator)
  const operator = match?.[1] ?? ''
  const partial = parsePartial(match?.[2] ?? '')
  const low = filled(partial)
  const count = given(partial)
  switch (operator) {
    case '>=':
      return compare(version, low) >= 0
    case '>':
      return count < 3 ? compare(version, upperOf(partial, count)) >= 0 : compare(version, low) > 0
    case '<':
      return compare(version, low) < 0
    case '<=':
      return count < 3 ? compare(version, upperOf(partial, count)) < 0 : compare(version, low) <= 0
    case '^': {
      const keep = low[0] > 0 ? 1 : low[1] > 0 || count < 3 ? Math.min(2, count) : 3
      return compare(version, low) >= 0 && compare(version, upperOf(partial, keep)) < 0
    }
    case '~':
      return compare(version, low) >= 0 && compare(version, upperOf(partial, Math.min(2, count))) < 0
    default:
      return compare(version, low) >= 0 && compare(version, upperOf(partial, count)) < 0
  }
}

/** Whether `version` (e.g. "20.19.0") satisfies an npm range such as "^20.19.0 || >=22.12.0". */
export function satisfies(version: string, range: string): boolean {
  const target = filled(parsePartial(version))
  return range.split('||').some((alternative) => {
    // "> = 10" never occurs, but ">= 10" does: glue each operator to the version after it.
    const comparators = alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter((part) => part !== '' && part !== '*' && part.toLowerCase() !== 'x')
    return comparators.every((comparator) => matches(comparator, target))
  })
}

interface LockFile {
  readonly packages: Readonly<Record<string, { version?: string; engines?: unknown }>>
}

/** Every locked package whose `engines.node` excludes one of the versions, as "path@version needs range". */
export function unsupportedEngines(lock: LockFile, versions: readonly string[]): string[] {
  const found: string[] = []
  for (const [path, entry] of Object.entries(lock.packages)) {
    const engines = entry.engines
    const range =
      typeof engines === 'object' && engines !== null && 'node' in engines ? engines.node : undefined
    if (typeof range !== 'string') {
      continue
    }
    const refused = versions.filter((version) => !satisfies(version, range))
    if (refused.length > 0) {
      found.push(
        `${path || '(root)'}@${entry.version ?? '?'} needs node ${range}, refuses ${refused.join(', ')}`,
      )
    }
  }
  return found
}
