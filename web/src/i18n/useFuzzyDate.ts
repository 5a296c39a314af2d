import type { Precision } from '../../../src/domain/fuzzy-date.ts'
import { fuzzyDateText } from '../../../src/i18n/fuzzy-date.ts'
import { useT } from './useT.ts'

/**
 * A fuzzy date from the API (`{ date, precision }`) in the interface's language, at its own
 * precision. The API's `label` is in the server's language; the page writes its own.
 */
export function useFuzzyDate(): (date: { readonly date: string; readonly precision: Precision }) => string {
  const t = useT()
  return (date) => fuzzyDateText(t, { value: date.date, precision: date.precision })
}
