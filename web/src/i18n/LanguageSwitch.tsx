import { type Locale, locales } from '../../../src/i18n/locale.ts'
import { useLanguage } from './LanguageProvider.tsx'
import './language.css'
import { useT } from './useT.ts'

/** Each language names itself in its own words, so a reader finds theirs whatever is shown. */
const ownNames: Record<Locale, string> = { en: 'English', fr: 'Français' }

/** The header's language switch: one pressed button per language; the choice is remembered. */
export function LanguageSwitch() {
  const { locale, choose } = useLanguage()
  const t = useT()
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div role="group" aria-label={t('language.switch')} className="language-switch">
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          className="language-option"
          onClick={() => choose(option)}
        >
          {option.toUpperCase()}
          <span className="visually-hidden"> {ownNames[option]}</span>
        </button>
      ))}
    </div>
  )
}
