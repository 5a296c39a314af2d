import { allianceHomeZone, dayInZone } from '../../../domain/calendar-day.ts'
import { dueReminders, nextAttemptAfter } from '../../../domain/reminders.ts'
import type { Db } from '../../../store/database.ts'
import { memberCodesOn } from '../../../store/proposal-store.ts'
import {
  claimWebhook,
  insertReminders,
  openSilenceProposals,
  settleWebhook,
  webhookCandidates,
} from '../../../store/reminder-store.ts'
import type { RemindersConfig } from './config.ts'
import { postReminder } from './webhook.ts'

export interface TickResult {
  readonly created: number
  readonly sent: number
  readonly retried: number
  readonly failed: number
}

const batch = 50

/**
 * One pass of the reminders, safe to run on every server at once: creates the reminders due at
 * `now` (each exactly once, by the unique key), then sends the pending webhooks this server wins by
 * an atomic claim; a failed POST is retried with backoff until the last attempt marks it failed.
 */
export async function remindersTick(db: Db, now: Date, config: RemindersConfig): Promise<TickResult> {
  let created = 0
  const members = await memberCodesOn(db.kysely, dayInZone(now, allianceHomeZone))
  for (const proposal of await openSilenceProposals(db.kysely, now)) {
    const due = dueReminders(proposal, now, members, proposal.positions, config.offsets)
    created += await insertReminders(db.kysely, proposal.id, due, now)
  }
  const counts = { sent: 0, retried: 0, failed: 0 }
  const { webhook } = config
  if (webhook === null) return { created, ...counts }
  for (const candidate of await webhookCandidates(db.kysely, now, batch)) {
    // The lease: if this server dies while sending, another may try again once it passes.
    const lease = new Date(now.getTime() + config.timeoutMs + config.backoff.baseMs)
    const attempt = await claimWebhook(db.kysely, candidate.id, now, lease)
    if (attempt === null) continue
    if (await postReminder(webhook, candidate, config.timeoutMs)) {
      await settleWebhook(db.kysely, candidate.id, { state: 'sent' })
      counts.sent += 1
      continue
    }
    const retryAt = nextAttemptAfter(attempt, now, config.backoff)
    await settleWebhook(
      db.kysely,
      candidate.id,
      retryAt === null ? { state: 'failed' } : { state: 'pending', retryAt },
    )
    if (retryAt === null) counts.failed += 1
    else counts.retried += 1
  }
  return { created, ...counts }
}
