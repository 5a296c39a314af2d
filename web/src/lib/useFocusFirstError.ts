import { type RefObject, useEffect } from 'react'

/**
 * Moves the focus to the first field marked invalid in the form each time `attempt` changes (a
 * submit that was refused, here or by the server), so a keyboard user lands where the work is.
 * It waits a frame: the messages render after the state that names them.
 */
export function useFocusFirstError(form: RefObject<HTMLElement | null>, attempt: unknown): void {
  useEffect(() => {
    if (attempt === 0 || attempt === null || attempt === undefined) return
    const frame = requestAnimationFrame(() => {
      const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
      target?.focus()
    })
    return () => cancelAnimationFrame(frame)
  }, [form, attempt])
}
