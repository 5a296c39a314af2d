import { useMemo } from 'react'
import { allianceBodies } from '../../../../src/domain/cooperation/vocabulary.ts'
import { useLanguage } from '../../i18n/LanguageProvider.tsx'
import type { PickerOption } from '../../lib/picker-options.ts'
import { useFrameworks } from '../frameworks/queries.ts'
import { useMembers } from '../members/queries.ts'

/**
 * A provider is a member or an alliance body; one picker offers both, so its value carries the
 * kind: "member:FRA", "body:cyber-centre".
 */
export function providerValue(provider: { readonly kind: string; readonly code: string }): string {
  return `${provider.kind}:${provider.code}`
}

/** The API's provider from a picker value; what matches no option is sent as a member code. */
export function providerFrom(value: string): { kind: string; code: string } {
  const [kind, ...rest] = value.split(':')
  const code = rest.join(':').trim()
  if ((kind === 'member' || kind === 'body') && code !== '') return { kind, code }
  return { kind: 'member', code: value.trim().toUpperCase() }
}

/** Members (by name and code) and the alliance bodies, as providers of an item. */
export function useProviderOptions(): readonly PickerOption[] {
  const members = useMembers().data?.items
  return useMemo(
    () => [
      ...(members ?? []).map((member) => ({
        value: providerValue({ kind: 'member', code: member.code }),
        label: `${member.name} (${member.code})`,
        keywords: member.code,
      })),
      ...Object.entries(allianceBodies).map(([id, name]) => ({
        value: providerValue({ kind: 'body', code: id }),
        label: name,
        keywords: id,
      })),
    ],
    [members],
  )
}

/** Frameworks whose members may be made eligible, by name and short name. */
export function useFrameworkOptions(): readonly PickerOption[] {
  const frameworks = useFrameworks().data?.items
  return useMemo(
    () =>
      (frameworks ?? []).map((framework) => ({
        value: framework.id,
        label: framework.name,
        keywords: `${framework.shortName} ${framework.id}`,
      })),
    [frameworks],
  )
}

// Working languages offered for an activity (ISO 639-1); the API takes any two-letter code.
const languageCodes = [
  'en',
  'fr',
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'es',
  'et',
  'fi',
  'he',
  'hr',
  'hu',
  'it',
  'ja',
  'ka',
  'ko',
  'lt',
  'lv',
  'mn',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sq',
  'sr',
  'sv',
  'tr',
  'uk',
  'zh',
] as const

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** Languages named in the interface's language ("French (FR)"), plus any the item already has. */
export function useLanguageOptions(current: readonly string[]): readonly PickerOption[] {
  const { locale } = useLanguage()
  const key = current.join()
  return useMemo(() => {
    const codes = [...new Set([...languageCodes, ...key.split(',').filter((code) => code !== '')])]
    return codes.map((code) => ({
      value: code,
      label: `${languageName(code, locale)} (${code.toUpperCase()})`,
      keywords: code,
    }))
  }, [locale, key])
}
