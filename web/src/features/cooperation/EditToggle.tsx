import { type ReactNode, useState } from 'react'
import type { ApiProblem } from '../../lib/problem.ts'
import { whenWritten } from './queries.ts'

/** The versioned write an edit form saves through (`useSaveItem`, `useSaveEvent`). */
interface VersionedSave {
  readonly error: ApiProblem | null
  readonly isPending: boolean
  reset(): void
  mutateAsync(variables: { version: number; patch: unknown }): Promise<unknown>
}

export interface EditFormProps {
  readonly serverError: ApiProblem | null
  readonly pending: boolean
  readonly onSave: (patch: unknown) => void
  readonly onCancel: () => void
}

/**
 * An "Edit …" button that opens a record's form, shown only when the record's abilities allow. The
 * write lives here, above the form, so a refusal for a stale version survives the form being
 * refilled (it is keyed by the version) with the record as it is now.
 */
export function EditToggle({
  allowed,
  version,
  save,
  openLabel,
  savedLabel,
  form,
}: {
  readonly allowed: boolean
  readonly version: number
  readonly save: VersionedSave
  readonly openLabel: string
  readonly savedLabel: string
  readonly form: (props: EditFormProps) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const [saved, setSaved] = useState(false)
  if (!allowed) return null
  if (!open) {
    return (
      <p className="section">
        <button
          type="button"
          className="button"
          onClick={() => {
            save.reset()
            setSaved(false)
            setOpen(true)
          }}
        >
          {openLabel}
        </button>{' '}
        <span role="status">{saved ? savedLabel : ''}</span>
      </p>
    )
  }
  return (
    <div className="section">
      {form({
        serverError: save.error,
        pending: save.isPending,
        onCancel: () => setOpen(false),
        onSave: (patch) =>
          whenWritten(save.mutateAsync({ version, patch }), () => {
            setSaved(true)
            setOpen(false)
          }),
      })}
    </div>
  )
}
