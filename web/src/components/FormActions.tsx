import type { ReactNode } from 'react'

/** A small form's submit and cancel buttons; submitting is disabled while the write is on its way. */
export function FormActions({
  submit,
  onCancel,
  pending = false,
}: {
  submit: ReactNode
  onCancel: () => void
  pending?: boolean
}) {
  return (
    <span className="tree-actions">
      <button type="submit" className="button" disabled={pending}>
        {submit}
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        Cancel
      </button>
    </span>
  )
}
