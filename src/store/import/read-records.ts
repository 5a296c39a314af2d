import type { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import type { ImportProblem } from '../../domain/import/import-problem.ts'

export const importFormats = ['csv', 'json'] as const
export type ImportFormat = (typeof importFormats)[number]

/** One record of a file, or a problem with the file itself at that row. */
export type FileRecord =
  | { readonly row: number; readonly cells: Readonly<Record<string, string>>; readonly bytes: number }
  | { readonly row: number; readonly item: unknown; readonly bytes: number }
  | { readonly row: number; readonly problem: ImportProblem; readonly bytes: number }

/** What the header says, read before the first record. */
export interface CsvHeader {
  readonly columns: readonly string[]
}

/**
 * The records of a CSV file, read incrementally (csv-parse, RFC 4180): memory stays bounded by a
 * record, not the file. Rows are numbered as a spreadsheet shows them, counting blank lines.
 * A record with too few or too many cells is reported at its row and the reading goes on; a file
 * that stops being CSV (an unclosed quote) ends with a problem at the row where it broke.
 */
export async function* csvRecords(
  input: Readable,
  onHeader: (header: CsvHeader) => void,
): AsyncGenerator<FileRecord> {
  let headerSeen = false
  const parser = input.pipe(
    parse({
      bom: true,
      columns: (names: string[]) => {
        const columns = names.map((name) => name.trim())
        onHeader({ columns })
        headerSeen = true
        return columns
      },
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }),
  )
  let lastRow = 1
  let lastBytes = 0
  try {
    for await (const chunk of parser as AsyncIterable<{
      record: Record<string, string>
      info: { bytes: number; records: number; empty_lines: number; error?: { code: string } }
    }>) {
      const { record, info } = chunk
      const row = info.records + info.empty_lines + 1
      lastRow = row
      lastBytes = info.bytes
      if (info.error !== undefined) {
        yield {
          row,
          bytes: info.bytes,
          problem: { row, field: '', message: 'This row has a different number of cells than the header' },
        }
        continue
      }
      yield { row, cells: record, bytes: info.bytes }
    }
  } catch (error) {
    const message = (error as Error).message.replace(/^Invalid Record Length: /, '')
    yield {
      row: headerSeen ? lastRow + 1 : 1,
      bytes: lastBytes,
      problem: { row: headerSeen ? lastRow + 1 : 1, field: '', message: `Not readable as CSV: ${message}` },
    }
    return
  }
  if (!headerSeen) {
    onHeader({ columns: [] })
  }
}

/**
 * The items of a JSON file: an array of objects, or `{ "items": [...] }`. JSON is read whole, so
 * its size is bounded by the upload limit; item n is row n.
 */
export async function* jsonRecords(input: Readable): AsyncGenerator<FileRecord> {
  const parts: Buffer[] = []
  for await (const part of input) {
    parts.push(typeof part === 'string' ? Buffer.from(part) : (part as Buffer))
  }
  const text = Buffer.concat(parts)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    yield {
      row: 0,
      bytes: text.length,
      problem: { row: 0, field: '', message: `Not valid JSON: ${(error as Error).message}` },
    }
    return
  }
  const items = Array.isArray(parsed)
    ? parsed
    : typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { items?: unknown }).items)
      ? (parsed as { items: unknown[] }).items
      : null
  if (items === null) {
    yield {
      row: 0,
      bytes: text.length,
      problem: {
        row: 0,
        field: '',
        message: 'Expected an array of records, or an object with an "items" array',
      },
    }
    return
  }
  const total = Buffer.byteLength(text)
  for (let index = 0; index < items.length; index += 1) {
    yield { row: index + 1, item: items[index], bytes: Math.floor((total * (index + 1)) / items.length) }
  }
}
