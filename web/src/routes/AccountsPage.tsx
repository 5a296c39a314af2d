import { useState } from 'react'
import { SelectField, TextField } from '../components/DraftFields.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { TableWrap } from '../components/TableWrap.tsx'
import { AccountActions } from '../features/accounts/AccountActions.tsx'
import { AccountForm } from '../features/accounts/AccountForm.tsx'
import { OneTimePassword } from '../features/accounts/OneTimePassword.tsx'
import { useAccounts } from '../features/accounts/queries.ts'
import { useSession } from '../features/session/queries.ts'
import { labelsOf } from '../i18n/labels.ts'
import { useT } from '../i18n/useT.ts'
import { labelOf } from '../lib/labels.ts'

const accountKindLabels = labelsOf('accountKind', ['partner', 'ally', 'staff'] as const)
const statusLabels = labelsOf('accountStatus', ['any', 'active', 'disabled', 'locked'] as const)

export function AccountsPage() {
  const t = useT()
  const session = useSession()
  const mayManage = session.data?.permissions.includes('user.manage') ?? false
  const [q, setQ] = useState('')
  const [status, setStatus] = useState('')
  const accounts = useAccounts({ q, status })
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<string | null>(null)
  const [password, setPassword] = useState<{ username: string; password: string } | null>(null)
  const showPassword = (username: string, value: string | null) =>
    setPassword(value === null ? null : { username, password: value })

  if (session.isPending) return <Loading />
  if (!mayManage) {
    return (
      <>
        <PageHeader title={t('page.accounts.accounts')} />
        <EmptyState title={t('page.accounts.onlyAdministratorsManageAccounts')}>
          <p>{t('page.accounts.signInWithAnAdministrator')}</p>
        </EmptyState>
      </>
    )
  }
  const data = accounts.data
  const editedUser = data?.items.find((user) => user.id === editing)
  return (
    <>
      <PageHeader
        title={t('page.accounts.accounts')}
        lead={t('page.accounts.createAccountsChangeTheirRoles')}
        actions={
          creating ? undefined : (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('page.accounts.newAccount')}
            </button>
          )
        }
      />
      {password === null ? null : (
        <OneTimePassword
          username={password.username}
          password={password.password}
          onDismiss={() => setPassword(null)}
        />
      )}
      {creating && data !== undefined ? (
        <AccountForm grants={data} onDone={() => setCreating(false)} onCreated={showPassword} />
      ) : null}
      {editedUser !== undefined && data !== undefined ? (
        <AccountForm key={editedUser.id} user={editedUser} grants={data} onDone={() => setEditing(null)} />
      ) : null}
      <search className="filters" aria-label={t('page.accounts.filterAccounts')}>
        <TextField
          id="accounts-q"
          label={t('page.accounts.search')}
          value={q}
          onChange={setQ}
          error={undefined}
        />
        <SelectField
          id="accounts-status"
          label={t('page.accounts.status')}
          value={status}
          onChange={setStatus}
          options={[
            ['', statusLabels.any],
            ['active', statusLabels.active],
            ['disabled', statusLabels.disabled],
            ['locked', statusLabels.locked],
          ]}
          error={undefined}
        />
      </search>
      {accounts.isPending ? <Loading /> : null}
      {accounts.error === null ? null : (
        <ErrorState error={accounts.error} onRetry={() => accounts.refetch()} />
      )}
      {data === undefined ? null : data.items.length === 0 ? (
        <EmptyState title={t('page.accounts.noAccountsMatch')} />
      ) : (
        <TableWrap label={t('page.accounts.accounts')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('page.accounts.count', { count: data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('page.accounts.username')}</th>
                <th scope="col">{t('page.accounts.name')}</th>
                <th scope="col">{t('page.accounts.kind')}</th>
                <th scope="col">{t('page.accounts.clearance')}</th>
                <th scope="col">{t('page.accounts.roles')}</th>
                <th scope="col">{t('page.accounts.status')}</th>
                <th scope="col">{t('page.accounts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((user) => (
                <tr key={user.id} data-testid={`account-${user.username}`}>
                  <th scope="row">{user.username}</th>
                  <td>{user.displayName}</td>
                  <td>
                    {labelOf(accountKindLabels, user.kind)}
                    {user.country === null ? '' : ` · ${user.country}`}
                  </td>
                  <td>{user.clearance}</td>
                  <td>{user.roles.join(', ')}</td>
                  <td>
                    <span className={`status-pill status-${user.status}`}>{user.status}</span>
                  </td>
                  <td>
                    <AccountActions
                      user={user}
                      isSelf={user.username === session.data?.username}
                      onEdit={() => setEditing(user.id)}
                      onPassword={showPassword}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  )
}
