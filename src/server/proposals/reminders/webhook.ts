import { createHmac } from 'node:crypto'
import { locales } from '../../../i18n/locale.ts'
import type { WebhookCandidate } from '../../../store/reminder-store.ts'
import { translatorFor } from '../../i18n.ts'

/**
 * The reminder in words, in every language of the catalogue: the receiver (a delegation's mail or
 * chat relay) does not tell us its reader's language, so it picks the one it needs.
 */
export function reminderTexts(candidate: WebhookCandidate): Record<string, string> {
  return Object.fromEntries(
    locales.map((locale) => [
      locale,
      translatorFor(locale).t('reminder.text', {
        member: candidate.member,
        title: candidate.proposal.title,
        deadline: new Date(candidate.proposal.deadline),
      }),
    ]),
  )
}

/** The body a receiver gets: what to remind whom of, by when, and the same in words. */
export function reminderPayload(candidate: WebhookCandidate): string {
  return JSON.stringify({
    type: 'proposal.reminder',
    proposal: { ...candidate.proposal },
    member: candidate.member,
    dueAt: candidate.dueAt,
    text: reminderTexts(candidate),
  })
}

/** `sha256=<hex HMAC-SHA256(secret, raw body)>`: the receiver recomputes it over the bytes it got. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

/** POSTs one reminder; true on a 2xx answer, false on any other answer, a network error or a timeout. */
export async function postReminder(
  webhook: { readonly url: string; readonly secret: string },
  candidate: WebhookCandidate,
  timeoutMs: number,
): Promise<boolean> {
  const body = reminderPayload(candidate)
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-liaison-signature': signature(webhook.secret, body) },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.body?.cancel()
    return response.status >= 200 && response.status < 300
  } catch {
    return false
  }
}
