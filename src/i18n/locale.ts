/**
 * The languages of the interface and how one is chosen, without I/O: the reader's own choice (the
 * switch, kept in a cookie and localStorage) wins; else the first supported language the browser
 * asks for; else English, the alliance's working language that every message is first written in.
 */
export const locales = ['en', 'fr'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'en'

/** The cookie that carries the switch's choice, so server documents and CSV follow it. */
export const languageCookie = 'liaison-lang'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** The supported language of one tag such as `fr-BE` or `EN`, or undefined. */
function localeOfTag(tag: string): Locale | undefined {
  const primary = tag.trim().toLowerCase().split('-')[0]
  return isLocale(primary) ? primary : undefined
}

/**
 * The best supported language of an Accept-Language header (RFC 9110 §12.5.4): ranges by
 * descending weight, the first that names a supported language; `q=0` ranges are refusals.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (header === undefined) return undefined
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';')
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined)
      const weight = q === undefined ? 1 : Number(q)
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index }
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  for (const range of ranges) {
    const locale = localeOfTag(range.tag)
    if (locale !== undefined) return locale
  }
  return undefined
}

/** The language to answer in: the remembered choice, else the asked-for languages, else English. */
export function pickLocale(choice: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(choice)) return choice
  return localeFromAcceptLanguage(acceptLanguage) ?? defaultLocale
}

/** The first supported language of the browser's list (navigator.languages), else English. */
export function localeFromBrowser(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const locale = localeOfTag(tag)
    if (locale !== undefined) return locale
  }
  return defaultLocale
}

/** The formatting locale of each language: the alliance writes British English (6 May 2014). */
export const formattingLocale: Readonly<Record<Locale, string>> = { en: 'en-GB', fr: 'fr-FR' }
