import { type FormEvent, useEffect, useState } from 'react'
import type { z } from 'zod'
import { fieldErrors } from '../components/Field.tsx'
import type { ApiProblem } from './problem.ts'

/**
 * A form's own state as people type it, checked with the shared contract schema before it is
 * sent (so the messages are the server's), and the server's field messages shown on the same
 * fields afterwards. What the person typed stays in the draft whatever the server answers.
 */
/** The fields of a draft that hold text (inputs, textareas and selects). */
type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string

export function useDraft<D extends object, S extends z.ZodType>({
  idPrefix,
  initial,
  schema,
  candidate,
  serverError,
  errorAt = {},
}: {
  /** Field ids are `${idPrefix}-${key}`, their messages `${idPrefix}-${key}-error`. */
  readonly idPrefix: string
  readonly initial: () => D
  readonly schema: S
  /** The draft in the API's shape, still unchecked: the schema decides whether it is valid. */
  readonly candidate: (draft: D) => unknown
  readonly serverError: ApiProblem | null
  /** Where a field's message comes from when the schema names another key (releasableTo → marking). */
  readonly errorAt?: Partial<Record<keyof D, string>>
}) {
  const [draft, setDraft] = useState<D>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  // Bumped on every refused submit, so the focus moves to the first field to correct each time.
  const [refusals, setRefusals] = useState(0)
  useEffect(() => {
    if (refusals === 0 && (serverError === null || serverError.errors.length === 0)) return
    const first = document.querySelector<HTMLElement>(`[id^="${idPrefix}-"][aria-invalid="true"]`)
    first?.focus()
  }, [refusals, serverError, idPrefix])
  const shown: Readonly<Record<string, string>> = { ...serverError?.fieldMessages(), ...errors }
  const change = <K extends keyof D>(key: K, value: D[K]) =>
    setDraft((current) => ({ ...current, [key]: value }))
  const submit = (send: (input: z.output<S>) => void) => (event: FormEvent) => {
    event.preventDefault()
    const result = schema.safeParse(candidate(draft))
    if (!result.success) {
      setErrors(fieldErrors(result.error.issues, 'form'))
      setRefusals((count) => count + 1)
      return
    }
    setErrors({})
    send(result.data)
  }
  /** The props that tie a text field to the draft: its id, value, change and message. */
  const bind = <K extends TextKey<D>>(key: K) => ({
    id: `${idPrefix}-${key}`,
    value: String(draft[key]),
    onChange: (value: string) => setDraft((current) => ({ ...current, [key]: value })),
    error: shown[errorAt[key] ?? key],
  })
  // `messages`: every field's message, for controls `bind` does not fit (a list of checkboxes).
  return {
    draft,
    change,
    bind,
    messages: shown,
    invalid: Object.keys(errors).length > 0,
    problemCount: Object.keys(errors).length,
    submit,
  }
}
