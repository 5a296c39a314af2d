import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { backup, restore } from '../../src/cli/backup.ts'
import { exportPrincipal, operatorPrincipal } from '../../src/cli/export.ts'
import { hasTool } from '../../src/cli/pg-tools.ts'
import { buildExport } from '../../src/server/export/export-document.ts'
import { verifyAuditTrail } from '../../src/store/audit-verify.ts'
import { openDatabase } from '../../src/store/connect.ts'
import type { Db, Engine } from '../../src/store/database.ts'
import { findUserByUsername, principalOf } from '../../src/store/user-store.ts'
import { newEngagement } from '../api/engagements-support.ts'
import { createPostgresDatabase, engines } from '../support/databases.ts'
import { startTestServer } from '../support/server.ts'

/**
 * backup → restore into an empty database → export equals the export before, on every route:
 * SQLite's online backup, pg_dump/pg_restore, and the logical PostgreSQL backup (forced with
 * `logical`, as when pg_dump is not installed). And a backup taken while the app writes is one
 * instant's copy: every write in it is whole, with its audit entry, and the chain verifies.
 */

const folder = mkdtempSync(join(tmpdir(), 'liaison-backup-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

class Refusal extends Error {}
const fail = (message: string) => new Refusal(message)

interface Route {
  readonly engine: Engine
  readonly name: string
  readonly logical: boolean
}

const routes: Route[] = engines.flatMap((engine): Route[] =>
  engine === 'sqlite'
    ? [{ engine, name: 'SQLite online backup', logical: false }]
    : [
        ...(hasTool('pg_dump') ? [{ engine, name: 'pg_dump', logical: false }] : []),
        { engine, name: 'logical backup', logical: true },
      ],
)

let counter = 0
/** An empty target: a new SQLite path, or a newly created (unmigrated) PostgreSQL database. */
async function emptyTarget(engine: Engine): Promise<{ location: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    counter += 1
    const location = join(folder, `restored-${counter}.db`)
    return { location, drop: async () => undefined }
  }
  const created = await createPostgresDatabase()
  return { location: created.url, drop: created.drop }
}

async function exportsOf(db: Db): Promise<string[]> {
  const korea = await findUserByUsername(db, 'kor')
  if (korea === null) throw new Error('the demo user kor is missing')
  return [
    JSON.stringify(await buildExport(db, operatorPrincipal)),
    JSON.stringify(await buildExport(db, principalOf(korea))),
  ]
}

async function withDb<T>(location: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(location)
  try {
    return await work(db)
  } finally {
    await db.close()
  }
}

describe.each(routes)('backup and restore on $engine: $name', ({ engine, logical }) => {
  it('restores into an empty database an export-equal copy whose audit chain verifies', async () => {
    const server = await startTestServer(engine)
    const target = await emptyTarget(engine)
    try {
      const staff = await server.signIn('staff')
      // A write of our own, so the copy holds more than the seed: an engagement and its audit entry.
      const created = await fetch(`${server.url}/api/v1/engagements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: staff },
        body: JSON.stringify(newEngagement({ title: 'Round-trip talks' })),
      })
      expect(created.status).toBe(201)
      const before = await exportsOf(server.db)
      const chainBefore = await verifyAuditTrail(server.db)
      expect(chainBefore.ok).toBe(true)

      const file = join(folder, `backup-${engine}-${logical ? 'logical' : 'native'}-${counter}`)
      await backup(server.db.location, file, { logical }, fail)
      await restore(target.location, file, fail)

      await withDb(target.location, async (db) => {
        expect(await exportsOf(db)).toEqual(before)
        const chain = await verifyAuditTrail(db)
        expect(chain).toEqual(chainBefore)
        // The copy takes writes: ids handed out by the database continue past the restored ones
        // (the search index's identity on PostgreSQL), and triggers run again.
        await sql`update partner set summary = summary || ' (restored)' where country_code = 'JPN'`.execute(
          db.kysely,
        )
        const hits = await sql<{
          n: number
        }>`select count(*) as n from search_entry where body like '%(restored)%'`.execute(db.kysely)
        expect(Number(hits.rows[0]?.n)).toBeGreaterThan(0)
      })

      // A second restore into the now full database is refused, and changes nothing.
      await expect(restore(target.location, file, fail)).rejects.toThrow(/not empty/)
      await withDb(target.location, async (db) => expect((await verifyAuditTrail(db)).ok).toBe(true))
    } finally {
      await server.close()
      await target.drop()
    }
  }, 240_000)

  it('takes a consistent copy while the app writes', async () => {
    const server = await startTestServer(engine)
    const target = await emptyTarget(engine)
    try {
      const staff = await server.signIn('staff')
      let writing = true
      let written = 0
      const writer = (async () => {
        while (writing) {
          const response = await fetch(`${server.url}/api/v1/engagements`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: staff },
            body: JSON.stringify(newEngagement({ title: `Live talks ${written}` })),
          })
          expect(response.status).toBe(201)
          written += 1
        }
      })()
      // Let some writes land first, so the backup starts in the middle of them.
      while (written < 3) await new Promise((resolve) => setTimeout(resolve, 10))
      const file = join(folder, `live-${engine}-${logical ? 'logical' : 'native'}-${counter}`)
      await backup(server.db.location, file, { logical }, fail)
      const duringBackup = written
      writing = false
      await writer
      await restore(target.location, file, fail)

      await withDb(target.location, async (db) => {
        expect((await verifyAuditTrail(db)).ok).toBe(true)
        const engagements = await db.kysely
          .selectFrom('engagement')
          .select('id')
          .where('title', 'like', 'Live talks %')
          .execute()
        const audited = await db.kysely
          .selectFrom('audit_log')
          .select('entity_id')
          .where('entity', '=', 'engagement')
          .where('action', 'like', '%create%')
          .execute()
        const auditedIds = new Set(audited.map((row) => row.entity_id))
        // Every write in the copy is whole: the engagement with its audit entry, none without.
        expect(engagements.length).toBeGreaterThanOrEqual(3)
        expect(engagements.length).toBeLessThanOrEqual(duringBackup + 1)
        for (const { id } of engagements) expect(auditedIds.has(id)).toBe(true)
        const participants = await db.kysely
          .selectFrom('engagement_participant as p')
          .innerJoin('engagement as e', 'e.id', 'p.engagement_id')
          .select('e.id')
          .where('e.title', 'like', 'Live talks %')
          .execute()
        expect(participants.length).toBe(engagements.length)
      })
    } finally {
      await server.close()
      await target.drop()
    }
  }, 240_000)
})

describe('restore refuses what it cannot restore', () => {
  it('names a file that is not a backup, and a target that is not empty', async () => {
    const junk = join(folder, 'junk.txt')
    writeFileSync(junk, 'not a backup\n')
    await expect(restore(join(folder, 'junk-target.db'), junk, fail)).rejects.toThrow(/not a SQLite backup/)
    await expect(restore(join(folder, 'x.db'), join(folder, 'missing.db'), fail)).rejects.toThrow(
      /no backup file/,
    )
    const server = await startTestServer('sqlite')
    try {
      const file = join(folder, 'full.db')
      await backup(server.db.location, file, {}, fail)
      await expect(restore(server.db.location, file, fail)).rejects.toThrow(/is not empty/)
    } finally {
      await server.close()
    }
  }, 120_000)
})

describe('the liaison command', () => {
  const bin = join(import.meta.dirname, '../../bin/liaison.js')
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], {
        env: { ...process.env, LIAISON_DEMO_PASSWORD: 'cli-test-password' },
      })
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

  it('exports as a user, backs up, restores once and refuses a second restore with a clear error', async () => {
    const source = join(folder, 'cli-source.db')
    const copy = join(folder, 'cli-copy.db')
    const file = join(folder, 'cli-backup.db')
    expect((await run(['seed', '--demo', '--db', source])).code).toBe(0)
    const exported = await run(['export', '--as', 'kor', '--db', source])
    expect(exported.code).toBe(0)
    expect(JSON.parse(exported.stdout).principal).toEqual({
      kind: 'partner',
      country: 'KOR',
      clearance: 'RESTRICTED',
    })
    expect((await run(['backup', file, '--db', source])).stdout).toMatch(/SQLite online backup/)
    const restored = await run(['restore', file, '--db', copy])
    expect(restored.code).toBe(0)
    const again = await run(['restore', file, '--db', copy])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(
      /^liaison: the database .* is not empty; restore into a new file or an empty database\.\n$/,
    )
    expect((await run(['audit', 'verify', '--db', copy])).code).toBe(0)
  }, 420_000)

  it('names an unknown user to export as', async () => {
    const server = await startTestServer('sqlite')
    try {
      await expect(exportPrincipal(server.db, 'nobody', fail)).rejects.toThrow("no user is named 'nobody'.")
      expect((await exportPrincipal(server.db, 'kor', fail)).country).toBe('KOR')
      expect(await exportPrincipal(server.db, undefined, fail)).toBe(operatorPrincipal)
    } finally {
      await server.close()
    }
  }, 60_000)
})
