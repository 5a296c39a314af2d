import { AuditChainWalker, type ChainedAuditRow, type ChainVerdict } from '../domain/audit-chain.ts'
import type { Db } from './database.ts'

/** Rows read per query: the walk holds one page in memory, however long the trail. */
const pageSize = 2000

/** Walks the whole audit trail in sequence order and returns the first break, if any. */
export async function verifyAuditTrail(db: Db): Promise<ChainVerdict> {
  const walker = new AuditChainWalker()
  let after = 0
  for (;;) {
    const page = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute()
    for (const row of page) {
      if (!walker.push(normalised(row))) {
        return walker.verdict()
      }
    }
    if (page.length < pageSize) {
      break
    }
    after = Number(page[page.length - 1]?.seq)
  }
  // Rows without a position (or below 1) were never appended by recordAudit.
  const stray = await db.kysely
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => eb.or([eb('seq', 'is', null), eb('seq', '<', 1)]))
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  if (stray !== undefined) {
    walker.push({ ...normalised(stray), seq: null })
  }
  return walker.verdict()
}

function normalised(row: ChainedAuditRow): ChainedAuditRow {
  // PostgreSQL may hand back a bigint as a string; the hash is over the number.
  return { ...row, seq: row.seq === null ? null : Number(row.seq) }
}
