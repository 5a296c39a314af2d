import { createContext, type ReactNode, useContext, useMemo, useState } from 'react'
import { RawIntlProvider } from 'react-intl'
import type { Locale } from '../../../src/i18n/locale.ts'
import { initialLocale, rememberLocale } from './choice.ts'
import { intlFor, setCurrentIntl } from './translate.ts'

interface LanguageState {
  readonly locale: Locale
  readonly choose: (locale: Locale) => void
}

const LanguageContext = createContext<LanguageState>({ locale: 'en', choose: () => undefined })

function apply(locale: Locale) {
  const intl = intlFor(locale)
  setCurrentIntl(intl)
  document.documentElement.lang = locale
  return intl
}

/** The interface language: the remembered switch, else the browser's language, else English. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale)
  // Applied while rendering, so the first paint and code outside components already use it.
  const intl = useMemo(() => apply(locale), [locale])
  const state = useMemo<LanguageState>(
    () => ({
      locale,
      choose: (next) => {
        rememberLocale(next)
        setLocale(next)
      },
    }),
    [locale],
  )
  return (
    <LanguageContext.Provider value={state}>
      <RawIntlProvider value={intl}>{children}</RawIntlProvider>
    </LanguageContext.Provider>
  )
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext)
}
