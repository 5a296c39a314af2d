import { useMemo } from 'react'
import { useIntl } from 'react-intl'
import { type Translate, translateWith } from './translate.ts'

/** The catalogue in the interface's language: `t('nav.partners')`, `t('list.count', { count })`. */
export function useT(): Translate {
  const intl = useIntl()
  return useMemo(() => translateWith(intl), [intl])
}

export { useIntl }
