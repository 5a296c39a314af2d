import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { EngagementInput } from '../contract/engagement.ts'
import { StatementInput } from '../contract/engagement-statement.ts'
import type { Principal } from '../domain/principal.ts'
import type { Db } from './database.ts'
import { associatePartner, createStatement, findVisibleStatement } from './engagement-statement-store.ts'
import { createEngagement } from './engagement-write-store.ts'

export const engagementDataPath = fileURLToPath(new URL('../../data/engagements.json', import.meta.url))

/** Each record carries its id and, where known, its source beside the fields a person would enter. */
const Identified = z.object({ id: z.string().min(1), source: z.string().optional() }).catchall(z.unknown())

const EngagementData = z.object({
  about: z.string(),
  engagements: z.array(Identified),
  statements: z.array(Identified),
})

/** The loader writes as the system: cleared for everything, recorded in the audit log without a user. */
const loader: Principal = {
  kind: 'staff',
  country: null,
  clearance: 'CONFIDENTIAL',
  userId: null,
  username: null,
  displayName: 'Demo data loader',
  roles: new Set(),
}

/**
 * Loads data/engagements.json through the same validation and store functions as the API, so the
 * demo cannot hold what a user could not enter. Records that exist already are left alone.
 */
export async function loadEngagementDemo(db: Db, now: Date, path = engagementDataPath): Promise<void> {
  const data = EngagementData.parse(JSON.parse(await readFile(path, 'utf8')))
  const existing = new Set(
    (await db.kysely.selectFrom('engagement').select('id').execute()).map((row) => row.id),
  )
  for (const { id, source: _source, ...fields } of data.engagements) {
    if (!existing.has(id)) {
      const input = EngagementInput.parse(fields)
      await createEngagement(
        db,
        loader,
        {
          ...input,
          timing: { allDay: input.allDay, start: input.start, end: input.end, timeZone: input.timeZone },
        },
        now,
        id,
      )
    }
  }
  const statements = new Set(
    (await db.kysely.selectFrom('engagement_statement').select('id').execute()).map((row) => row.id),
  )
  for (const { id, source: _source, associations, ...fields } of data.statements) {
    if (statements.has(id)) {
      continue
    }
    await createStatement(db, loader, StatementInput.parse(fields), now, id)
    const created = await findVisibleStatement(db, loader, id)
    for (const country of z.array(z.string()).parse(associations ?? [])) {
      if (created !== null) {
        await associatePartner(db, loader, created, country, now)
      }
    }
  }
}
