import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl'
import type { FastifyRequest } from 'fastify'
import { catalogues, type MessageKey } from '../i18n/catalogue.ts'
import { formattingLocale, type Locale, languageCookie, locales, pickLocale } from '../i18n/locale.ts'

export type MessageValues = Readonly<Record<string, string | number | Date>>

/** What a renderer needs to speak the reader's language: messages and ICU number/date formats. */
export interface Translator {
  readonly locale: Locale
  readonly t: (key: MessageKey, values?: MessageValues) => string
  readonly intl: IntlShape<string>
}

const cache = createIntlCache()

function build(locale: Locale): Translator {
  // Dates in documents are calendar days, never instants in the server's zone.
  const intl = createIntl(
    { locale: formattingLocale[locale], messages: catalogues[locale], timeZone: 'UTC' },
    cache,
  )
  return { locale, intl, t: (key, values) => intl.formatMessage({ id: key }, values) }
}

const translators = new Map<Locale, Translator>(locales.map((locale) => [locale, build(locale)]))

export function translatorFor(locale: Locale): Translator {
  return translators.get(locale) ?? build(locale)
}

/** The request's language: the switch's cookie, else Accept-Language, else English. */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language']
  return pickLocale(request.cookies?.[languageCookie], Array.isArray(header) ? header.join(',') : header)
}

export function requestTranslator(request: FastifyRequest): Translator {
  return translatorFor(requestLocale(request))
}
