import { writeFileSync } from 'node:fs'
import type { Principal } from '../domain/principal.ts'
import { buildExport } from '../server/export/export-document.ts'
import type { Db } from '../store/database.ts'
import { findUserByUsername, principalOf } from '../store/user-store.ts'

/**
 * Who an export reads as when no `--as` is given: the operator at the console, who holds the
 * database file anyway, so alliance staff with the highest clearance (every record).
 */
export const operatorPrincipal: Principal = {
  kind: 'staff',
  country: null,
  clearance: 'CONFIDENTIAL',
  userId: null,
  username: null,
  displayName: 'Operator (command line)',
  roles: new Set(),
}

export async function exportPrincipal(
  db: Db,
  username: string | undefined,
  fail: (message: string) => Error,
): Promise<Principal> {
  if (username === undefined) return operatorPrincipal
  const user = await findUserByUsername(db, username)
  if (user === null) throw fail(`no user is named '${username}'.`)
  if (user.disabled_at !== null) throw fail(`the user '${username}' is disabled.`)
  return principalOf(user)
}

/** `liaison export`: the JSON export, to a file or to standard output. */
export async function exportToFile(
  db: Db,
  options: { readonly as?: string | undefined; readonly out?: string | undefined },
  fail: (message: string) => Error,
): Promise<void> {
  const principal = await exportPrincipal(db, options.as, fail)
  const text = `${JSON.stringify(await buildExport(db, principal), null, 2)}\n`
  if (options.out === undefined || options.out === '-') {
    process.stdout.write(text)
    return
  }
  writeFileSync(options.out, text)
  console.log(`Export written to ${options.out}.`)
}
