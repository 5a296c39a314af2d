import {
  defaultBackoff,
  parseReminderOffsets,
  type ReminderOffset,
  type WebhookBackoff,
} from '../../../domain/reminders.ts'

/** What the reminder tick needs from the settings; tests pass a tiny backoff. */
export interface RemindersConfig {
  readonly offsets: readonly ReminderOffset[]
  /** Where reminders are POSTed, signed with the secret; null sends none (in-app only). */
  readonly webhook: { readonly url: string; readonly secret: string } | null
  readonly backoff: WebhookBackoff
  /** How long one POST may take before it counts as failed. */
  readonly timeoutMs: number
}

/**
 * LIAISON_REMINDERS, LIAISON_WEBHOOK_URL and LIAISON_WEBHOOK_SECRET, refused with a message naming
 * the setting: a URL without a secret would send unsigned reminders, which a receiver cannot trust.
 */
export function remindersConfigFrom(env: Readonly<Record<string, string | undefined>>): RemindersConfig {
  const offsets = parseReminderOffsets(env.LIAISON_REMINDERS)
  const url = (env.LIAISON_WEBHOOK_URL ?? '').trim()
  const secret = env.LIAISON_WEBHOOK_SECRET ?? ''
  if (url === '') return { offsets, webhook: null, backoff: defaultBackoff, timeoutMs: 10_000 }
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new Error(`LIAISON_WEBHOOK_URL must be an http or https URL, not '${url}'.`)
  }
  if (secret.trim() === '') {
    throw new Error(
      'LIAISON_WEBHOOK_URL is set but LIAISON_WEBHOOK_SECRET is not: reminders are always signed.',
    )
  }
  return { offsets, webhook: { url, secret }, backoff: defaultBackoff, timeoutMs: 10_000 }
}
