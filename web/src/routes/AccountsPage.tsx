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

const statusOptions = [
  ['', 'Any status'],
  ['active', 'Active'],
  ['disabled', 'Disabled'],
  ['locked', 'Locked'],
] as const

export function AccountsPage() {
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
        <PageHeader title="Accounts" />
        <EmptyState title="Only administrators manage accounts">
          <p>Sign in with an administrator’s account to see and change accounts.</p>
        </EmptyState>
      </>
    )
  }
  const data = accounts.data
  const editedUser = data?.items.find((user) => user.id === editing)
  return (
    <>
      <PageHeader
        title="Accounts"
        lead="Create accounts, change their roles and clearance, and disable, unlock or reset them — never beyond what you hold yourself."
        actions={
          creating ? undefined : (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New account
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
      <search className="filters" aria-label="Filter accounts">
        <TextField id="accounts-q" label="Search" value={q} onChange={setQ} error={undefined} />
        <SelectField
          id="accounts-status"
          label="Status"
          value={status}
          onChange={setStatus}
          options={statusOptions}
          error={undefined}
        />
      </search>
      {accounts.isPending ? <Loading /> : null}
      {accounts.error === null ? null : (
        <ErrorState error={accounts.error} onRetry={() => accounts.refetch()} />
      )}
      {data === undefined ? null : data.items.length === 0 ? (
        <EmptyState title="No accounts match" />
      ) : (
        <TableWrap label="Accounts">
          <table className="data-table">
            <caption className="visually-hidden">
              {data.total} account{data.total === 1 ? '' : 's'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Clearance</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((user) => (
                <tr key={user.id} data-testid={`account-${user.username}`}>
                  <th scope="row">{user.username}</th>
                  <td>{user.displayName}</td>
                  <td>
                    {user.kind}
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
