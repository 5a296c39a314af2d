import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadAllDemoData } from '../../src/store/seed/seed-all.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/databases.ts'
import { databaseFingerprint } from '../support/db-fingerprint.ts'
import { eventsCsv, programmesCsv } from '../support/import-files.ts'
import { fixedNow } from '../support/server.ts'

const bin = join(import.meta.dirname, '../../bin/liaison.js')
const folder = mkdtempSync(join(tmpdir(), 'liaison-import-cli-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: process.env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function file(name: string, text: string): string {
  const path = join(folder, name)
  writeFileSync(path, text)
  return path
}

/** `liaison import` as a person runs it: a real process over a real database of each engine. */
describe.each(engines)('liaison import on %s', (engine) => {
  let database: TestDatabase
  let location = ''

  beforeAll(async () => {
    database = await freshDatabase(engine)
    await loadAllDemoData(database.db, fixedNow)
    location = database.db.location
  }, 60_000)
  afterAll(() => database.dispose())

  it('names the bad row and field, exits 1 and changes nothing; the fixed file imports with progress', async () => {
    const before = await databaseFingerprint(database.db)
    const bad = await run(['import', file(`events-${engine}-bad.csv`, eventsCsv('XYZ')), '--db', location])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('row 3, partner: No partner has the code XYZ')
    expect(bad.stderr).toContain('1 problem in 3 rows; nothing was imported.')
    expect(await databaseFingerprint(database.db)).toBe(before)

    const dry = await run([
      'import',
      file(`events-${engine}.csv`, eventsCsv()),
      '--dry-run',
      '--db',
      location,
    ])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('Dry run: 3 rows are valid; importing would create 3 relationship events.')
    expect(await databaseFingerprint(database.db)).toBe(before)

    const good = await run(['import', join(folder, `events-${engine}.csv`), '--db', location])
    expect(good.code, good.stderr).toBe(0)
    expect(good.stdout).toContain('Imported 3 relationship events from 3 rows.')
    // Not a terminal: plain lines, the last at 100%.
    expect(good.stderr.trim().split('\n').at(-1)).toMatch(/^\[#+\] 100% 3 rows$/)
    expect(await databaseFingerprint(database.db)).not.toBe(before)
  }, 60_000)

  it('takes the kind from --kind or the file name, and says so when it cannot tell', async () => {
    const tree = await run([
      'import',
      file(`tree-${engine}.csv`, programmesCsv()),
      '--kind',
      'programmes',
      '--db',
      location,
    ])
    expect(tree.code, tree.stderr).toBe(0)
    expect(tree.stdout).toContain('Imported 5 programme records')
    const unknown = await run(['import', join(folder, `tree-${engine}.csv`), '--db', location])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('--kind partners|events|engagements|programmes')
    // A kind of two words is read from the name as well.
    const items = [
      'code,title,provider,format,languages',
      `CLI-${engine.toUpperCase()}-1,Imported by the command line,DEU,seminar,en`,
    ].join('\n')
    const catalogue = await run(['import', file(`cooperation-items-${engine}.csv`, items), '--db', location])
    expect(catalogue.code, catalogue.stderr).toBe(0)
    expect(catalogue.stdout).toContain('Imported 1 cooperation item')
    const missing = await run(['import', join(folder, 'none.csv'), '--kind', 'events', '--db', location])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot read')
  }, 60_000)
})
