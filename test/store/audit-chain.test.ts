import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEntryHash, describeChainBreak } from '../../src/domain/audit-chain.ts'
import type { Principal } from '../../src/domain/principal.ts'
import { recordAudit } from '../../src/store/audit-store.ts'
import { verifyAuditTrail } from '../../src/store/audit-verify.ts'
import { openDatabase } from '../../src/store/connect.ts'
import type { Db, Engine } from '../../src/store/database.ts'
import { inTransaction } from '../../src/store/executor.ts'
import { migrateToLatest } from '../../src/store/migrate.ts'
import { migrations } from '../../src/store/migrations/index.ts'
import { createPostgresDatabase, engines, freshDatabase, type TestDatabase } from '../support/databases.ts'

const bin = join(import.meta.dirname, '../../bin/liaison.js')
const at = new Date('2026-12-02T09:00:00Z')

const staff: Principal = {
  kind: 'staff',
  country: null,
  clearance: 'CONFIDENTIAL',
  userId: 'u-staff',
  username: 'staff',
  displayName: 'Staff',
  roles: new Set(['administrator']),
}

/** Runs `liaison audit verify --db <location>` as a separate process, as an operator would. */
function verifyCli(location: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'audit', 'verify', '--db', location])
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

async function appendSome(db: Db, count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    await inTransaction(db, (tx) =>
      recordAudit(
        tx,
        staff,
        {
          action: 'update',
          entity: 'programme',
          entityId: `p-${i}`,
          details: { n: i },
          changes: { title: { before: `old ${i}`, after: `new ${i}` } },
        },
        new Date(at.getTime() + i * 1000),
      ),
    )
  }
}

async function rowAt(db: Db, seq: number) {
  return db.kysely.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow()
}

describe.each(engines)('audit hash chain on %s', (engine: Engine) => {
  let test: TestDatabase
  // The URL with the password, for the CLI; `db.location` hides it.
  let location: string
  let dispose: () => Promise<void>
  let db: Db

  beforeAll(async () => {
    if (engine === 'sqlite') {
      test = await freshDatabase(engine)
      db = test.db
      location = db.location
      dispose = () => test.dispose()
    } else {
      const postgres = await createPostgresDatabase()
      db = await openDatabase(postgres.url)
      await migrateToLatest(db)
      location = postgres.url
      dispose = async () => {
        await db.close()
        await postgres.drop()
      }
    }
  })
  afterAll(() => dispose())

  it('numbers entries 1, 2, 3… each linked to the hash of the one before, and verifies', async () => {
    await appendSome(db, 6)
    const rows = await db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute()
    expect(rows.map((row) => Number(row.seq))).toEqual([1, 2, 3, 4, 5, 6])
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64))
    for (let i = 1; i < rows.length; i += 1) {
      expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash)
    }
    expect(JSON.parse(rows[0]?.changes ?? '')).toEqual({ title: { before: 'old 1', after: 'new 1' } })
    const verdict = await verifyAuditTrail(db)
    expect(verdict).toEqual({ ok: true, count: 6, head: { seq: 6, hash: rows[5]?.hash } })
    const cli = await verifyCli(location)
    expect(cli.stderr).toBe('')
    expect(cli.code).toBe(0)
    expect(cli.stdout).toContain('Audit trail intact: 6 entries.')
    expect(cli.stdout).toContain(`Head: #6 ${rows[5]?.hash}`)
  })

  it('stores onBehalfOf and never a secret field', async () => {
    await inTransaction(db, (tx) =>
      recordAudit(
        tx,
        staff,
        {
          action: 'update',
          entity: 'user',
          entityId: 'u-jpn',
          onBehalfOf: 'jpn',
          details: { feedToken: 'abc', note: 'kept' },
          changes: { passwordHash: { before: 'x', after: 'y' }, displayName: { before: 'A', after: 'B' } },
        },
        at,
      ),
    )
    const row = await rowAt(db, 7)
    expect(row.on_behalf_of).toBe('jpn')
    expect(JSON.parse(row.details)).toEqual({ note: 'kept' })
    expect(JSON.parse(row.changes)).toEqual({ displayName: { before: 'A', after: 'B' } })
    expect((await verifyAuditTrail(db)).ok).toBe(true)
  })

  it('names an entry whose details were altered, then restored verifies again', async () => {
    const original = await rowAt(db, 3)
    await db.kysely.updateTable('audit_log').set({ details: '{"n":99}' }).where('seq', '=', 3).execute()
    const verdict = await verifyAuditTrail(db)
    expect(verdict).toEqual({ ok: false, count: 2, problem: { kind: 'altered', seq: 3, id: original.id } })
    const cli = await verifyCli(location)
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain(`entry #3 (id ${original.id}) was altered`)
    await db.kysely.updateTable('audit_log').set({ details: original.details }).where('seq', '=', 3).execute()
    expect((await verifyAuditTrail(db)).ok).toBe(true)
  })

  it('names a removed entry by its sequence number and the id of the entry after it', async () => {
    const removed = await rowAt(db, 4)
    const next = await rowAt(db, 5)
    await db.kysely.deleteFrom('audit_log').where('seq', '=', 4).execute()
    const verdict = await verifyAuditTrail(db)
    expect(verdict).toEqual({
      ok: false,
      count: 3,
      problem: { kind: 'removed', seq: 4, nextSeq: 5, nextId: next.id },
    })
    const cli = await verifyCli(location)
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain(`entry #4 was removed: the trail goes from #3 to #5 (id ${next.id})`)
    await db.kysely.insertInto('audit_log').values(removed).execute()
    expect((await verifyAuditTrail(db)).ok).toBe(true)
  })

  it('names a forged entry inserted with its own correct hash but no link to the chain', async () => {
    const fields = {
      seq: 8,
      id: 'forged-1',
      at: at.toISOString(),
      actor: 'staff',
      action: 'delete',
      entity: 'programme',
      entity_id: 'p-1',
      details: '{}',
      changes: '{}',
      on_behalf_of: null,
    }
    const fakePrevious = 'f'.repeat(64)
    await db.kysely
      .insertInto('audit_log')
      .values({ ...fields, prev_hash: fakePrevious, hash: auditEntryHash(fields, fakePrevious) })
      .execute()
    const verdict = await verifyAuditTrail(db)
    expect(verdict).toEqual({ ok: false, count: 7, problem: { kind: 'relinked', seq: 8, id: 'forged-1' } })
    expect((await verifyCli(location)).stderr).toContain('entry #8 (id forged-1) does not follow entry #7')
    await db.kysely.deleteFrom('audit_log').where('id', '=', 'forged-1').execute()
  })

  it('names a forged entry inserted without a position, and one with a made-up hash', async () => {
    await db.kysely
      .insertInto('audit_log')
      .values({
        id: 'forged-2',
        at: at.toISOString(),
        actor: null,
        action: 'create',
        entity: 'user',
        entity_id: 'u-x',
        details: '{}',
        changes: '{}',
        seq: null,
        prev_hash: null,
        hash: null,
        on_behalf_of: null,
      })
      .execute()
    const verdict = await verifyAuditTrail(db)
    expect(verdict).toEqual({ ok: false, count: 7, problem: { kind: 'inserted', seq: null, id: 'forged-2' } })
    if (!verdict.ok) {
      expect(describeChainBreak(verdict.problem)).toContain('id forged-2 was inserted')
    }
    await db.kysely.deleteFrom('audit_log').where('id', '=', 'forged-2').execute()

    const head = await rowAt(db, 7)
    await db.kysely
      .insertInto('audit_log')
      .values({ ...head, id: 'forged-3', seq: 8, prev_hash: head.hash, hash: 'a'.repeat(64) })
      .execute()
    expect(await verifyAuditTrail(db)).toEqual({
      ok: false,
      count: 7,
      problem: { kind: 'altered', seq: 8, id: 'forged-3' },
    })
    await db.kysely.deleteFrom('audit_log').where('id', '=', 'forged-3').execute()
    expect((await verifyAuditTrail(db)).ok).toBe(true)
  })

  it('keeps appending after the last entry once the database is reopened', async () => {
    await recordAudit(db.kysely, null, { action: 'sign-in-failed', entity: 'user', entityId: '' }, at)
    expect(Number((await rowAt(db, 8)).seq)).toBe(8)
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true, count: 8 })
  })
})

describe.each(engines)('the audit-chain migration on %s', (engine: Engine) => {
  const folder = mkdtempSync(join(tmpdir(), 'liaison-audit-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  /** A database migrated up to the migration before the chain, holding three legacy entries. */
  async function legacyDatabase(name: string): Promise<{ db: Db; dispose: () => Promise<void> }> {
    let db: Db
    let dispose: () => Promise<void>
    if (engine === 'sqlite') {
      db = await openDatabase(join(folder, `${name}.db`))
      dispose = () => db.close()
    } else {
      const postgres = await createPostgresDatabase()
      db = await openDatabase(postgres.url)
      dispose = async () => {
        await db.close()
        await postgres.drop()
      }
    }
    const migrator = new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } })
    const result = await migrator.migrateTo('2026-12-02T1100-programme-revisions')
    expect(result.error).toBeUndefined()
    // Written in a shuffled order; two in the same millisecond, ordered by id.
    for (const [id, when] of [
      ['b', '2026-01-02T00:00:00.000Z'],
      ['c', '2026-01-01T00:00:00.000Z'],
      ['a', '2026-01-02T00:00:00.000Z'],
    ] as const) {
      await sql`insert into audit_log (id, at, actor, action, entity, entity_id, details)
        values (${id}, ${when}, 'staff', 'create', 'programme', ${`p-${id}`}, '{"title":"T"}')`.execute(
        db.kysely,
      )
    }
    await migrateToLatest(db)
    return { db, dispose }
  }

  it('chains existing entries in the order they were written, the same way every time', async () => {
    const first = await legacyDatabase('one')
    const second = await legacyDatabase('two')
    try {
      const rows = await first.db.kysely
        .selectFrom('audit_log')
        .select(['id', 'seq', 'hash'])
        .orderBy('seq')
        .execute()
      expect(rows.map((row) => [row.id, Number(row.seq)])).toEqual([
        ['c', 1],
        ['a', 2],
        ['b', 3],
      ])
      const verdict = await verifyAuditTrail(first.db)
      expect(verdict).toEqual({ ok: true, count: 3, head: { seq: 3, hash: rows[2]?.hash } })
      expect(await verifyAuditTrail(second.db)).toEqual(verdict)
      // New entries continue the migrated chain.
      await recordAudit(
        first.db.kysely,
        staff,
        { action: 'update', entity: 'programme', entityId: 'p-a' },
        at,
      )
      expect(await verifyAuditTrail(first.db)).toMatchObject({ ok: true, count: 4 })
    } finally {
      await first.dispose()
      await second.dispose()
    }
  })
})

describe.runIf(engines.includes('postgres'))('concurrent appends on postgres', () => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await freshDatabase('postgres')
  })
  afterAll(() => test.dispose())

  it('50 concurrent writers make one unbroken chain of 50', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        inTransaction(test.db, async (tx) => {
          // Some work before the append, so transactions overlap rather than run one by one.
          await sql`select pg_sleep(0.005)`.execute(tx)
          await recordAudit(tx, staff, { action: 'update', entity: 'programme', entityId: `p-${i}` }, at)
        }),
      ),
    )
    const seqs = await test.db.kysely.selectFrom('audit_log').select('seq').orderBy('seq').execute()
    expect(seqs.map((row) => Number(row.seq))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(await verifyAuditTrail(test.db)).toMatchObject({ ok: true, count: 50 })
  })
})
