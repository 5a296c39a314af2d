import { randomUUID } from 'node:crypto'
import type { DeadlineScheduler } from '../../src/server/proposals/deadlines/scheduler.ts'
import type { Db } from '../../src/store/database.ts'
import { inTransaction } from '../../src/store/executor.ts'
import { insertProposal } from '../../src/store/proposal-store.ts'

/**
 * Open silence procedures written straight to the store, as if opened earlier: `deadline` is
 * their deadline by the app's clock, `fireAt` when the queue should run their job (real time).
 * Each is written with its job in one transaction, as openProposal does.
 */
export async function openSilenceProposals(
  db: Db,
  scheduler: DeadlineScheduler,
  count: number,
  deadline: Date,
  fireAt: Date,
  openedAt: Date,
): Promise<string[]> {
  const ids: string[] = []
  for (let start = 0; start < count; start += 100) {
    await inTransaction(db, async (tx) => {
      for (let index = start; index < Math.min(count, start + 100); index += 1) {
        const id = randomUUID()
        await insertProposal(
          tx,
          id,
          {
            title: `Silence procedure ${index + 1}`,
            text: '',
            kind: 'statement',
            links: { partner: null, programme: null, liaisonOffice: null, engagement: null },
            procedure: 'silence',
            deadline: deadline.toISOString(),
            marking: { classification: 'PUBLIC', releasableTo: [] },
          },
          openedAt,
        )
        await tx.updateTable('proposal').set({ status: 'open', version: 2 }).where('id', '=', id).execute()
        await scheduler.schedule(tx, id, fireAt)
        ids.push(id)
      }
    })
  }
  return ids
}

/** How many proposals are adopted, and how many 'adopt' entries the audit trail holds. */
export async function adoptionCounts(db: Db): Promise<{ adopted: number; audited: number }> {
  const adopted = await db.kysely
    .selectFrom('proposal')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', 'adopted')
    .executeTakeFirstOrThrow()
  const audited = await db.kysely
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('action', '=', 'adopt')
    .where('entity', '=', 'proposal')
    .executeTakeFirstOrThrow()
  return { adopted: Number(adopted.n), audited: Number(audited.n) }
}

/** Polls until `done` holds or the time is up; returns whether it held. */
export async function eventually(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await done()) return true
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return done()
}
