import type { Position } from './decision-consensus.ts'

/**
 * Reminders before a silence deadline (issue 9 item 4): pure rules, no I/O. A reminder is owed
 * to each member of the day without a position, once per configured offset, from the instant
 * `deadline − offset` until the deadline itself (after it the procedure has decided).
 */

export interface ReminderOffset {
  /** As configured, e.g. '24h': part of the reminder's identity, so each is made once. */
  readonly label: string
  readonly ms: number
}

const unitMs: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** One duration such as '90s', '30m', '24h' or '2d'; null when it is not one. */
export function parseDuration(text: string): ReminderOffset | null {
  const match = /^([1-9][0-9]{0,5})([smhd])$/.exec(text.trim())
  if (match === null) return null
  const [, amount, unit] = match
  if (amount === undefined || unit === undefined) return null
  const ms = Number(amount) * (unitMs[unit] ?? 0)
  return { label: `${amount}${unit}`, ms }
}

/**
 * LIAISON_REMINDERS: a comma list of durations before the deadline ('24h,1h'), each once.
 * Throws a message naming the setting; unset or blank gives the default.
 */
export function parseReminderOffsets(setting: string | undefined): ReminderOffset[] {
  const text = setting === undefined || setting.trim() === '' ? defaultReminders : setting
  const offsets: ReminderOffset[] = []
  for (const part of text.split(',')) {
    const offset = parseDuration(part)
    if (offset === null) {
      throw new Error(
        `LIAISON_REMINDERS must be a comma list of durations before the deadline such as 24h,1h (units s, m, h, d), not '${part.trim()}'.`,
      )
    }
    if (offsets.some((known) => known.label === offset.label)) {
      throw new Error(`LIAISON_REMINDERS names '${offset.label}' twice.`)
    }
    offsets.push(offset)
  }
  return offsets
}

export const defaultReminders = '24h,1h'

export interface OpenSilence {
  readonly status: string
  readonly procedure: string
  readonly deadline: string | null
}

export interface DueReminder {
  readonly member: string
  readonly offset: string
  /** The reminder's instant: the deadline minus the offset, ISO 8601 UTC. */
  readonly dueAt: string
}

/**
 * The (member, offset) reminders due at `now`: the proposal is open under silence, the deadline
 * is still ahead, `deadline − offset` has come, and the member of the day has no position
 * (no entry, or 'none'). Members are returned in the order given, offsets in the order configured.
 */
export function dueReminders(
  proposal: OpenSilence,
  now: Date,
  members: readonly string[],
  positions: ReadonlyMap<string, Position>,
  offsets: readonly ReminderOffset[],
): DueReminder[] {
  if (proposal.status !== 'open' || proposal.procedure !== 'silence' || proposal.deadline === null) return []
  const deadline = Date.parse(proposal.deadline)
  if (Number.isNaN(deadline) || now.getTime() >= deadline) return []
  const silent = members.filter((member) => (positions.get(member) ?? 'none') === 'none')
  const due: DueReminder[] = []
  for (const member of silent) {
    for (const offset of offsets) {
      const at = deadline - offset.ms
      if (at <= now.getTime()) due.push({ member, offset: offset.label, dueAt: new Date(at).toISOString() })
    }
  }
  return due
}

export interface WebhookBackoff {
  /** The first retry's delay; each next one doubles. */
  readonly baseMs: number
  readonly capMs: number
  /** Attempts in all, the first included; after the last failure the reminder is 'failed'. */
  readonly maxAttempts: number
}

export const defaultBackoff: WebhookBackoff = { baseMs: 10_000, capMs: 600_000, maxAttempts: 6 }

/**
 * After attempt number `attempts` (1 for the first) failed: when to try again (base × 2^(attempts−1),
 * capped), or null when that was the last attempt and the webhook is failed.
 */
export function nextAttemptAfter(attempts: number, failedAt: Date, backoff: WebhookBackoff): Date | null {
  if (attempts >= backoff.maxAttempts) return null
  const delay = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1))
  return new Date(failedAt.getTime() + delay)
}
