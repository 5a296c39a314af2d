import type { Locale } from './locale.ts'
import en from './messages/en.json' with { type: 'json' }
import fr from './messages/fr.json' with { type: 'json' }

/**
 * The one message catalogue of the server and the web app: a JSON file per language of ICU
 * messages (plural, select, dates). English is the source; its keys are the type of every key.
 */
export type MessageKey = keyof typeof en
export type Messages = Readonly<Record<MessageKey, string>>

export const catalogues: Readonly<Record<Locale, Messages>> = { en, fr }

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key)
}
