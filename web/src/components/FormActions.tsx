import type { ReactNode } from 'react'
import { useT } from '../i18n/useT.ts'

/**
 * The confirming button and Cancel of a form or a confirmation dialog. Without `onConfirm` the
 * first one submits the form it is in. It is disabled while the write is on its way.
 */
export function FormActions({
  submit,
  onConfirm,
  onCancel,
  pending = false,
  className = 'tree-actions',
}: {
  submit: ReactNode
  onConfirm?: () => void
  onCancel: () => void
  pending?: boolean
  className?: string
}) {
  const t = useT()
  return (
    <span className={className}>
      <button
        type={onConfirm === undefined ? 'submit' : 'button'}
        className="button"
        disabled={pending}
        onClick={onConfirm}
      >
        {submit}
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        {t('ui.formActions.cancel')}
      </button>
    </span>
  )
}
