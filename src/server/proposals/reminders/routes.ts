import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { ReminderList } from '../../../contract/reminder.ts'
import type { Principal } from '../../../domain/principal.ts'
import type { Db } from '../../../store/database.ts'
import { type VisibleReminder, visibleReminders } from '../../../store/reminder-store.ts'
import type { Clock } from '../../clock.ts'

/**
 * Whose reminders a principal reads: an ally its own member's, staff every member's. Partners and
 * the public are not members and are never reminded: an empty list, the same whatever exists.
 */
function remindedMember(principal: Principal): { member: string | null } | null {
  if (principal.kind === 'staff') return { member: null }
  if (principal.kind === 'ally' && principal.country !== null) return { member: principal.country }
  return null
}

/** One item per proposal and member: the latest reminder that has come (the list is newest first). */
function present(rows: readonly VisibleReminder[], withMember: boolean): z.infer<typeof ReminderList> {
  const seen = new Set<string>()
  const items: z.infer<typeof ReminderList>['items'] = []
  for (const row of rows) {
    const key = `${row.proposal}|${row.member}`
    if (seen.has(key)) continue
    seen.add(key)
    const item = { proposal: row.proposal, title: row.title, deadline: row.deadline, dueAt: row.dueAt }
    items.push(withMember ? { ...item, member: row.member } : item)
  }
  return { items }
}

/** In-app reminders (issue 9 item 4). */
export async function reminderRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/reminders',
    {
      schema: {
        tags: ['decisions'],
        summary: 'List reminders',
        description:
          'Silence procedures still open before their deadline on which a member has taken no position and a reminder time has come, on proposals the caller may see: an ally its own member, staff every member (with `member`), partners and the public none.',
        response: { 200: ReminderList },
      },
    },
    async (request) => {
      const { principal } = request
      const reminded = remindedMember(principal)
      if (reminded === null) return { items: [] }
      const rows = await visibleReminders(db.kysely, principal, reminded.member, clock.now())
      return present(rows, reminded.member === null)
    },
  )
}
