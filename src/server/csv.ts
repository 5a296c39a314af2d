/**
 * The one CSV writer of every export (RFC 4180: comma-separated, CRLF line ends, fields quoted when
 * they hold a comma, quote or line break, quotes doubled).
 *
 * - UTF-8 with a byte order mark, so spreadsheets decode non-ASCII text (the marking's em dash,
 *   partners' names) as UTF-8 rather than the local code page.
 * - The marking is a `marking` column on every row, not a banner line: a banner above the header is
 *   read as the header by csv.DictReader and pandas, and a trailing comment line needs an option that
 *   the csv module lacks (pandas' `comment=` also cuts any cell at that character). A column survives
 *   filtering, sorting and copying rows elsewhere, so each row keeps its marking.
 * - Text cells that a spreadsheet would run as a formula (leading = + - @ TAB CR) get a leading
 *   single quote (OWASP "CSV Injection"). Numbers are written as numbers, so negative counts stay
 *   numbers; only text is neutralised.
 */
export type CsvCell = string | number | null

export const csvMediaType = 'text/csv; charset=utf-8'

const byteOrderMark = '\uFEFF'
const formulaLead = /^[=+\-@\t\r]/

function field(value: CsvCell): string {
  if (value === null) return ''
  const text = typeof value === 'number' ? String(value) : value.replace(formulaLead, "'$&")
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function line(cells: readonly CsvCell[]): string {
  return `${cells.map(field).join(',')}\r\n`
}

/**
 * A whole CSV file: the header, then one line per row, each with the marking as its last column,
 * headed `markingHeader` (the reader's word for it; English `marking` by default).
 */
export function writeCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  marking: string,
  markingHeader = 'marking',
): string {
  let out = byteOrderMark + line([...header, markingHeader])
  for (const row of rows) {
    out += line([...row, marking])
  }
  return out
}
