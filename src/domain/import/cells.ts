/**
 * Turning a CSV record (every cell text) into the shape a row schema reads, the same shape a JSON
 * file gives directly: empty cells are left out (so defaults apply and "required" says so), list
 * cells split on ";", yes/no cells become booleans, and the two marking columns become a marking.
 */
export interface CellSpec {
  /** Columns holding lists, written "JPN; KOR". */
  readonly lists?: readonly string[]
  /** Columns holding yes/no (also true/false, 1/0). */
  readonly booleans?: readonly string[]
}

const yes = new Set(['yes', 'true', '1', 'y'])
const no = new Set(['no', 'false', '0', 'n'])

export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}

/** A yes/no cell as a boolean; anything else is passed on for the schema to refuse by name. */
export function readBoolean(cell: string): boolean | string {
  const folded = cell.trim().toLowerCase()
  if (yes.has(folded)) return true
  if (no.has(folded)) return false
  return cell
}

export function recordFromCells(
  cells: Readonly<Record<string, string>>,
  spec: CellSpec,
): Record<string, unknown> {
  const lists = new Set(spec.lists ?? [])
  const booleans = new Set(spec.booleans ?? [])
  const record: Record<string, unknown> = {}
  for (const [column, raw] of Object.entries(cells)) {
    const cell = raw.trim()
    if (cell === '') continue
    if (column === 'classification' || column === 'releasableTo') continue
    record[column] = lists.has(column) ? splitList(cell) : booleans.has(column) ? readBoolean(cell) : cell
  }
  const classification = cells.classification?.trim() ?? ''
  const releasableTo = splitList(cells.releasableTo ?? '')
  if (classification !== '' || releasableTo.length > 0) {
    record.marking = { classification: classification === '' ? 'PUBLIC' : classification, releasableTo }
  }
  return record
}

/**
 * The column a schema's issue path points at in a CSV file (the marking's parts are their own
 * columns; a list's items are its column), or the dotted path in a JSON file.
 */
export function fieldOfPath(path: readonly PropertyKey[], csv: boolean): string {
  const parts = path.map(String)
  if (!csv) {
    return parts.join('.')
  }
  if (parts[0] === 'marking' && parts[1] !== undefined) {
    return parts[1]
  }
  return parts[0] ?? ''
}
