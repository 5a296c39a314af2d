import { useRef, useState } from 'react'
import { FormActions } from '../../components/FormActions.tsx'
import { ErrorState } from '../../components/states.tsx'
import { labelsOf } from '../../i18n/labels.ts'
import { t as translate } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import { type AccountAction, type UserData, useAccountAction } from './queries.ts'

const labels = labelsOf<AccountAction>('accountAction', ['disable', 'enable', 'unlock', 'reset-password'])

const explanations: Record<AccountAction, (username: string) => string> = {
  disable: (username) => translate('accounts.explain.disable', { username }),
  enable: (username) => translate('accounts.explain.enable', { username }),
  unlock: (username) => translate('accounts.explain.unlock', { username }),
  'reset-password': (username) => translate('accounts.explain.reset-password', { username }),
}

/** What may be done to this account now, each confirmed in a dialog first. */
function actionsFor(user: UserData, isSelf: boolean): AccountAction[] {
  // One's own account is never offered for disabling: the API refuses it (another administrator may).
  const actions: AccountAction[] = user.status === 'disabled' ? ['enable'] : isSelf ? [] : ['disable']
  if (user.status === 'locked') actions.push('unlock')
  actions.push('reset-password')
  return actions
}

export function AccountActions({
  user,
  isSelf,
  onEdit,
  onPassword,
}: {
  user: UserData
  isSelf: boolean
  onEdit: () => void
  onPassword: (username: string, password: string) => void
}) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const [pending, setPending] = useState<AccountAction | null>(null)
  const act = useAccountAction(onPassword)
  const titleId = `confirm-${user.id}`
  const open = (action: AccountAction) => {
    setPending(action)
    act.reset()
    dialog.current?.showModal()
  }
  const confirm = () => {
    if (pending === null) return
    act.mutate({ id: user.id, action: pending }, { onSuccess: () => dialog.current?.close() })
  }
  return (
    <span className="account-actions">
      <button
        type="button"
        className="button secondary"
        onClick={onEdit}
        aria-label={t('accounts.accountActions.edit2', { username: user.username })}
      >
        {t('accounts.accountActions.edit')}
      </button>
      {actionsFor(user, isSelf).map((action) => (
        <button
          key={action}
          type="button"
          className="button secondary"
          onClick={() => open(action)}
          aria-label={t('accounts.actionOn', { action: labels[action], username: user.username })}
        >
          {labels[action]}
        </button>
      ))}
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={titleId}
        onClose={() => setPending(null)}
      >
        <h3 id={titleId}>
          {pending === null
            ? t('accounts.accountActions.confirm')
            : t('accounts.actionOnAsk', { action: labels[pending], username: user.username })}
        </h3>
        <p>{pending === null ? '' : explanations[pending](user.username)}</p>
        {act.error === null ? null : <ErrorState error={act.error} />}
        <FormActions
          className="lifecycle-steps"
          submit={t('accounts.accountActions.confirm')}
          onConfirm={confirm}
          pending={act.isPending}
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </span>
  )
}
