import { createIntl, createIntlCache, type IntlShape } from 'react-intl'
import { catalogues, type MessageKey } from '../../../src/i18n/catalogue.ts'
import { formattingLocale, type Locale } from '../../../src/i18n/locale.ts'

export type Values = Readonly<Record<string, string | number | Date>>
export type Translate = (key: MessageKey, values?: Values) => string

const cache = createIntlCache()

export function intlFor(locale: Locale): IntlShape {
  return createIntl(
    { locale: formattingLocale[locale], messages: catalogues[locale], defaultLocale: 'en-GB' },
    cache,
  )
}

export function translateWith(intl: IntlShape): Translate {
  return (key, values) => intl.formatMessage({ id: key }, values)
}

/**
 * The language of code outside components (turning a failed fetch into a problem, advice on a
 * refused write): kept in step with the provider, which is the only writer.
 */
let current = intlFor('en')

export function setCurrentIntl(intl: IntlShape): void {
  current = intl
}

export const t: Translate = (key, values) => current.formatMessage({ id: key }, values)

/** The locale dates and numbers are formatted in for code outside components (`en-GB`, `fr-FR`). */
export function currentFormattingLocale(): string {
  return current.locale
}
