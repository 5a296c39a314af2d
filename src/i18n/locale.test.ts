import { describe, expect, it } from 'vitest'
import { localeFromAcceptLanguage, localeFromBrowser, pickLocale } from './locale.ts'

describe('choosing the language', () => {
  it('the remembered choice wins over the browser', () => {
    expect(pickLocale('fr', 'en-GB,en;q=0.9')).toBe('fr')
    expect(pickLocale('en', 'fr')).toBe('en')
  })

  it('an unknown choice falls back to Accept-Language, then English', () => {
    expect(pickLocale('de', 'fr-CA,fr;q=0.8')).toBe('fr')
    expect(pickLocale(undefined, 'de-DE,de;q=0.9')).toBe('en')
    expect(pickLocale(undefined, undefined)).toBe('en')
  })

  it('reads Accept-Language by weight, skipping refusals and unsupported languages', () => {
    expect(localeFromAcceptLanguage('de;q=1, en;q=0.5, fr;q=0.8')).toBe('fr')
    expect(localeFromAcceptLanguage('fr;q=0, en;q=0.1')).toBe('en')
    expect(localeFromAcceptLanguage('FR-be')).toBe('fr')
    expect(localeFromAcceptLanguage('*')).toBeUndefined()
    expect(localeFromAcceptLanguage('')).toBeUndefined()
  })

  it('takes the first supported language of the browser', () => {
    expect(localeFromBrowser(['de-CH', 'fr-CH', 'en'])).toBe('fr')
    expect(localeFromBrowser(['ja'])).toBe('en')
  })
})
