import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { EngagementInput } from '../contract/engagement.ts'
import { StatementInput } from '../contract/engagement-statement.ts'
import { recordAudit } from './audit-store.ts'
import type { Db } from './database.ts'
import { checkStatementDraft, insertAssociation, insertStatement } from './engagement-statement-store.ts'
import { checkEngagementDraft, insertEngagement } from './engagement-write-store.ts'
import { inTransaction } from './executor.ts'
import { demoLoader } from './seed/demo-loader.ts'

export const engagementDataPath = fileURLToPath(new URL('../../data/engagements.json', import.meta.url))

/** Each record carries its id and, where known, its source beside the fields a person would enter. */
const Identified = z.object({ id: z.string().min(1), source: z.string().optional() }).catchall(z.unknown())

const EngagementData = z.object({
  about: z.string(),
  engagements: z.array(Identified),
  statements: z.array(Identified),
})

/**
 * Loads data/engagements.json through the same validation and store functions as the API, so the
 * demo cannot hold what a user could not enter, in one transaction of its own (the loader is its
 * own command). Records that exist already are left alone.
 */
export async function loadEngagementDemo(db: Db, now: Date, path = engagementDataPath): Promise<void> {
  const data = EngagementData.parse(JSON.parse(await readFile(path, 'utf8')))
  await inTransaction(db, async (tx) => {
    const existing = new Set((await tx.selectFrom('engagement').select('id').execute()).map((row) => row.id))
    for (const { id, source: _source, ...fields } of data.engagements) {
      if (existing.has(id)) continue
      const { allDay, start, end, timeZone, ...rest } = EngagementInput.parse(fields)
      const draft = { ...rest, timing: { allDay, start, end, timeZone } }
      await checkEngagementDraft(tx, demoLoader, draft, undefined)
      await insertEngagement(tx, id, draft, now)
      await recordAudit(
        tx,
        demoLoader,
        { action: 'create', entity: 'engagement', entityId: id, details: { title: draft.title } },
        now,
      )
    }
    const statements = new Set(
      (await tx.selectFrom('engagement_statement').select('id').execute()).map((row) => row.id),
    )
    for (const { id, source: _source, associations, ...fields } of data.statements) {
      if (statements.has(id)) continue
      const draft = StatementInput.parse(fields)
      await checkStatementDraft(tx, demoLoader, draft)
      await insertStatement(tx, id, draft, now)
      await recordAudit(tx, demoLoader, { action: 'create', entity: 'statement', entityId: id }, now)
      for (const country of z.array(z.string()).parse(associations ?? [])) {
        await insertAssociation(tx, { id, marking: draft.marking }, country, now)
        await recordAudit(
          tx,
          demoLoader,
          { action: 'associate', entity: 'statement', entityId: id, details: { country } },
          now,
        )
      }
    }
  })
}
