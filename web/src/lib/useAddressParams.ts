import { useCallback } from 'react'
import { useSearchParams } from 'react-router'

export interface AddressParams {
  /** The value of a key in the address, or '' when it is absent. */
  get: (key: string) => string
  /** Sets (or, with '', removes) keys in the address, replacing the history entry. */
  set: (changes: Readonly<Record<string, string>>) => void
}

/**
 * Filters that live in the address. Each change starts from the address as it is now, not as the
 * last render saw it: react-router's functional update does not queue, so two choices made before
 * React re-renders (a quick user, or a test) would otherwise lose the first.
 */
export function useAddressParams(): AddressParams {
  const [params, setParams] = useSearchParams()
  const get = (key: string) => params.get(key) ?? ''
  const set = useCallback(
    (changes: Readonly<Record<string, string>>) => {
      const next = new URLSearchParams(window.location.search)
      for (const [key, value] of Object.entries(changes)) {
        if (value === '') {
          next.delete(key)
        } else {
          next.set(key, value)
        }
      }
      setParams(next, { replace: true })
    },
    [setParams],
  )
  return { get, set }
}
