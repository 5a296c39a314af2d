import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import {
  AccountLockView,
  type CreateUser,
  type PatchUser,
  UserList,
  UserView,
  UserWithPassword,
} from '../../../../src/contract/account.ts'
import { apiGet, queryString } from '../../lib/api.ts'
import { useWrite } from '../../lib/useWrite.ts'

export type UserData = z.infer<typeof UserView>
export type UserListData = z.infer<typeof UserList>

export interface AccountFilterParams {
  readonly q?: string | undefined
  readonly status?: string | undefined
}

const accountsKey = ['accounts'] as const

export function useAccounts(filter: AccountFilterParams) {
  return useQuery({
    queryKey: [...accountsKey, 'list', filter],
    queryFn: () => apiGet(`/api/v1/users${queryString({ ...filter, limit: 200 })}`, UserList),
    placeholderData: keepPreviousData,
    retry: false,
  })
}

export function useCreateAccount(onCreated: (answer: z.infer<typeof UserWithPassword>) => void) {
  return useWrite({
    schema: UserWithPassword,
    invalidates: [accountsKey],
    request: (body: z.input<typeof CreateUser>) => ({ method: 'POST', path: '/api/v1/users', body }),
    onSuccess: onCreated,
  })
}

export function useSaveAccount(onSaved: () => void) {
  return useWrite({
    schema: UserView,
    invalidates: [accountsKey],
    request: ({ id, version, body }: { id: string; version: number; body: z.input<typeof PatchUser> }) => ({
      method: 'PATCH',
      path: `/api/v1/users/${encodeURIComponent(id)}`,
      body,
      version,
    }),
    onSuccess: onSaved,
  })
}

/** The one-click actions on an account; reset answers a one-time password to show once. */
export type AccountAction = 'disable' | 'enable' | 'unlock' | 'reset-password'

export function useAccountAction(onPassword: (username: string, password: string) => void) {
  return useWrite({
    schema: UserWithPassword.or(UserView).or(AccountLockView),
    invalidates: [accountsKey],
    request: ({ id, action }: { id: string; action: AccountAction }) => ({
      method: 'POST',
      path: `/api/v1/users/${encodeURIComponent(id)}/${action}`,
      ...(action === 'reset-password' ? { body: {} } : {}),
    }),
    onSuccess: (answer) => {
      if ('oneTimePassword' in answer && answer.oneTimePassword !== null) {
        onPassword(answer.user.username, answer.oneTimePassword)
      }
    },
  })
}
