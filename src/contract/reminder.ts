import { z } from 'zod'
import { CountryCode } from './common.ts'

/** One reminder: a silence procedure the member has taken no position on, by its deadline. */
export const ReminderItem = z
  .object({
    proposal: z.string().meta({ description: 'The proposal id' }),
    title: z.string(),
    deadline: z.string().meta({ description: 'When the silence procedure ends (ISO 8601 UTC)' }),
    dueAt: z.string().meta({ description: 'The latest reminder instant that has come (ISO 8601 UTC)' }),
    member: CountryCode.optional().meta({ description: 'The member reminded; on staff lists only' }),
  })
  .meta({ id: 'Reminder' })

export const ReminderList = z.object({ items: z.array(ReminderItem) }).meta({
  id: 'ReminderList',
  description:
    "An ally's own member's reminders; every member's for staff; always empty for partners and the public.",
})
