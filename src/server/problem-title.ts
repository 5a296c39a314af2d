import { catalogues, type MessageKey } from '../i18n/catalogue.ts'
import type { Locale } from '../i18n/locale.ts'

/**
 * Problems are raised with their English title (the API's stable wording, which clients may match
 * on); the catalogue holds that wording under a `problem.title.*` key beside its translations, so
 * the title is rendered in the reader's language when the answer is sent. A title the catalogue
 * does not hold is sent as raised.
 */
const keysByEnglish = new Map<string, MessageKey>(
  (Object.entries(catalogues.en) as [MessageKey, string][])
    .filter(([key]) => key.startsWith('problem.title.'))
    .map(([key, text]) => [text, key]),
)

export function localizedTitle(locale: Locale, title: string): string {
  const key = keysByEnglish.get(title)
  return key === undefined ? title : catalogues[locale][key]
}
