import { type RefObject, useEffect } from 'react'

/**
 * Moves the focus to the first field marked invalid once a checked form shows its messages, so a
 * keyboard or screen-reader user lands where the first correction is needed.
 */
export function useFocusFirstError(
  form: RefObject<HTMLFormElement | null>,
  messages: Readonly<Record<string, string>>,
) {
  const key = Object.keys(messages).join('|')
  useEffect(() => {
    if (key === '') return
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [form, key])
}
