import type { z } from 'zod'
import { CreateUser, PatchUser } from '../../../../src/contract/account.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { labelsOf } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { type UserData, type UserListData, useCreateAccount, useSaveAccount } from './queries.ts'
import { RoleChoices } from './RoleChoices.tsx'

interface Draft {
  username: string
  displayName: string
  kind: string
  country: string
  clearance: string
  roles: string[]
  password: string
}

const kindLabels = labelsOf('accountKind', ['partner', 'ally', 'staff'] as const)

/**
 * Creates an account (`user` absent) or edits one. Roles and clearances offer only what the API
 * says this administrator may grant; an edit keeps username, kind and password as they are.
 */
export function AccountForm({
  user,
  grants,
  onDone,
  onCreated,
}: {
  user?: UserData
  grants: Pick<UserListData, 'grantableRoles' | 'grantableClearances'>
  onDone: () => void
  onCreated?: (username: string, password: string | null) => void
}) {
  const t = useT()
  const create = useCreateAccount((answer) => {
    onCreated?.(answer.user.username, answer.oneTimePassword)
    onDone()
  })
  const save = useSaveAccount(onDone)
  const write = user === undefined ? create : save
  const idPrefix = user === undefined ? 'new-account' : `edit-${user.id}`
  const { draft, change, bind, messages, invalid, submit } = useDraft<
    Draft,
    typeof CreateUser | typeof PatchUser
  >({
    idPrefix,
    initial: () => ({
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      kind: user?.kind ?? 'partner',
      country: user?.country ?? '',
      clearance: user?.clearance ?? grants.grantableClearances[0] ?? 'PUBLIC',
      roles: user?.roles ?? [],
      password: '',
    }),
    schema: user === undefined ? CreateUser : PatchUser,
    candidate: (d) => {
      const shared = {
        displayName: d.displayName,
        country: d.country.trim() === '' ? null : d.country.trim(),
        clearance: d.clearance,
        roles: d.roles,
      }
      if (user !== undefined) return shared
      return {
        ...shared,
        username: d.username,
        kind: d.kind,
        ...(d.password === '' ? {} : { password: d.password }),
      }
    },
    serverError: write.error,
  })
  const send = (input: z.output<typeof CreateUser> | z.output<typeof PatchUser>) => {
    if (user === undefined) create.mutate(input as z.input<typeof CreateUser>)
    else save.mutate({ id: user.id, version: user.version, body: input })
  }
  const clearances = grants.grantableClearances.map((level) => [level, level] as const)
  return (
    <form
      className="panel account-form"
      onSubmit={submit(send)}
      noValidate
      aria-label={
        user === undefined
          ? t('accounts.accountForm.newAccount')
          : t('accounts.accountForm.edit', { username: user.username })
      }
    >
      <h2>
        {user === undefined
          ? t('accounts.accountForm.newAccount')
          : t('accounts.accountForm.edit', { username: user.username })}
      </h2>
      <DraftAlerts serverError={write.error} invalid={invalid} />
      {user === undefined ? (
        <TextField label={t('accounts.accountForm.username')} {...bind('username')} />
      ) : null}
      <TextField label={t('accounts.accountForm.displayName')} {...bind('displayName')} />
      {user === undefined ? (
        <SelectField
          label={t('accounts.accountForm.kind')}
          options={(['partner', 'ally', 'staff'] as const).map((kind) => [kind, kindLabels[kind]] as const)}
          {...bind('kind')}
        />
      ) : null}
      <TextField label={t('accounts.accountForm.countryIsoAlpha3Empty')} {...bind('country')} />
      <SelectField label={t('accounts.accountForm.clearance')} options={clearances} {...bind('clearance')} />
      <RoleChoices
        idPrefix={idPrefix}
        offered={grants.grantableRoles}
        chosen={draft.roles}
        onChange={(roles) => change('roles', roles)}
        error={messages.roles}
      />
      {user === undefined ? (
        <TextField
          label={t('accounts.accountForm.initialPasswordLeaveEmptyFor')}
          type="password"
          {...bind('password')}
        />
      ) : null}
      <FormActions
        submit={user === undefined ? t('accounts.accountForm.createAccount') : t('accounts.accountForm.save')}
        pending={write.isPending}
        onCancel={onDone}
      />
    </form>
  )
}
