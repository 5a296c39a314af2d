import { createReadStream, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { describeProblem } from '../domain/import/import-problem.ts'
import { progressBar } from '../domain/import/progress.ts'
import type { Principal } from '../domain/principal.ts'
import { importFile } from '../server/imports/import-command.ts'
import type { Db } from '../store/database.ts'
import { findImportKind, importKindNames } from '../store/import/import-kinds.ts'
import type { ImportProgress } from '../store/import/run-import.ts'

/** Whoever runs the CLI holds the database itself: they import as the alliance's operator. */
export const operatorPrincipal: Principal = {
  kind: 'staff',
  country: null,
  clearance: 'CONFIDENTIAL',
  userId: null,
  username: 'cli',
  displayName: 'Command line',
  roles: new Set(['desk-officer']),
}

export interface ImportCliOptions {
  readonly kind?: string | undefined
  readonly dryRun?: boolean | undefined
}

interface Terminal {
  readonly isTTY?: boolean
  write(text: string): boolean
}

/**
 * The file's kind: --kind, else the kind its name begins with, as a whole word (events-2026.csv is
 * events, cooperation-items-2026.csv is cooperation-items); the longest such kind wins.
 */
function kindOf(file: string, given: string | undefined): string {
  if (given !== undefined) return given
  const name = basename(file).toLowerCase()
  const fits = importKindNames.filter(
    (kind) => name.startsWith(kind) && !/[a-z]/.test(name.charAt(kind.length)),
  )
  return fits.sort((a, b) => b.length - a.length)[0] ?? ''
}

/** Draws the bar in place on a terminal; elsewhere (a log, CI) prints a line every tenth of the file. */
function progressReporter(err: Terminal): (progress: ImportProgress) => void {
  let lastTenth = -1
  return (progress) => {
    if (err.isTTY === true) {
      err.write(`\r${progressBar(progress.processed, progress.total, progress.rows)}`)
      return
    }
    const tenth = progress.total === 0 ? 10 : Math.floor((progress.processed / progress.total) * 10)
    if (tenth > lastTenth) {
      lastTenth = tenth
      err.write(`${progressBar(progress.processed, progress.total, progress.rows)}\n`)
    }
  }
}

/**
 * `liaison import FILE`: checks every row, prints every problem by row and field, and imports all
 * or nothing. Exit 0 when imported (or, in a dry run, importable); 1 when a problem was found.
 */
export async function importCommand(
  db: Db,
  file: string,
  options: ImportCliOptions,
  out: Terminal = process.stdout,
  err: Terminal = process.stderr,
): Promise<number> {
  const name = kindOf(file, options.kind)
  const kind = findImportKind(name)
  if (kind === undefined) {
    err.write(
      `liaison: ${name === '' ? 'say what the file holds' : `unknown kind '${name}'`}: --kind ${importKindNames.join('|')}\n`,
    )
    return 2
  }
  let size: number
  try {
    size = statSync(file).size
  } catch {
    err.write(`liaison: cannot read ${file}\n`)
    return 2
  }
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'csv'
  const outcome = await importFile(
    db,
    operatorPrincipal,
    {
      id: `cli-${Date.now().toString(36)}`,
      kind,
      dryRun: options.dryRun === true,
      source: { format, input: createReadStream(file), size },
    },
    new Date(),
    progressReporter(err),
  )
  if (err.isTTY === true) err.write('\n')
  if (outcome.status === 'failed') {
    for (const problem of outcome.problems) {
      err.write(`${file}: ${describeProblem(problem)}\n`)
    }
    const more = outcome.problemCount - outcome.problems.length
    err.write(
      `${outcome.problemCount} problem${outcome.problemCount === 1 ? '' : 's'}${more > 0 ? ` (${more} not listed)` : ''} in ${outcome.rows} rows; nothing was imported.\n`,
    )
    return 1
  }
  out.write(
    options.dryRun === true
      ? `Dry run: ${outcome.rows} rows are valid; importing would create ${outcome.created} ${kind.noun}s. Nothing was changed.\n`
      : `Imported ${outcome.created} ${kind.noun}s from ${outcome.rows} rows.\n`,
  )
  return 0
}
