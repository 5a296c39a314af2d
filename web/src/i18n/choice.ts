import { isLocale, type Locale, languageCookie, localeFromBrowser } from '../../../src/i18n/locale.ts'

/** The switch's choice, kept where the app (localStorage) and the server (a cookie) both find it. */
export function rememberedLocale(): Locale | undefined {
  try {
    const stored = window.localStorage.getItem(languageCookie)
    if (isLocale(stored)) return stored
  } catch {
    // Storage may be refused (private mode); the cookie still carries the choice.
  }
  const cookie = document.cookie
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === languageCookie)?.[1]
  return isLocale(cookie) ? cookie : undefined
}

export function initialLocale(): Locale {
  return (
    rememberedLocale() ??
    localeFromBrowser(navigator.languages.length > 0 ? navigator.languages : [navigator.language])
  )
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(languageCookie, locale)
  } catch {
    // See rememberedLocale: the cookie alone is enough.
  }
  const secure = window.location.protocol === 'https:' ? '; secure' : ''
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and Safari
  document.cookie = `${languageCookie}=${locale}; path=/; max-age=31536000; samesite=lax${secure}`
}
