import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  AccountLockView,
  CreateUser,
  PatchUser,
  ResetPassword,
  UserList,
  UserListQuery,
  UserParams,
  UserView,
  UserWithPassword,
} from '../../contract/account.ts'
import { Problem } from '../../contract/common.ts'
import { grantableClearances, grantableRoles } from '../../domain/account-grant.ts'
import { DomainError } from '../../domain/errors.ts'
import { classifications } from '../../domain/marking.ts'
import { findReachableAccount, listAccounts } from '../../store/account-store.ts'
import type { Db } from '../../store/database.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import {
  authorizeAccounts,
  createAccount,
  patchAccount,
  resetAccountPassword,
  setAccountDisabled,
} from './account-commands.ts'
import { presentUser } from './present.ts'
import { unlockAccount } from './unlock-command.ts'

export interface AccountOptions {
  readonly db: Db
  readonly now: () => Date
}

const readErrors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem } as const
const actionErrors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } as const

export async function accountRoutes(app: FastifyInstance, { db, now }: AccountOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['accounts'],
        summary: 'List accounts',
        description:
          'The accounts the administrator may manage (clearance up to theirs; their own country unless staff), with what they may grant. Administrators only.',
        querystring: UserListQuery,
        response: { 200: UserList, ...readErrors },
      },
    },
    async (request) => {
      const actor = request.principal
      authorizeAccounts(actor)
      const { rows, total } = await listAccounts(db.kysely, actor, request.query)
      return {
        items: rows.map(presentUser),
        total,
        grantableRoles: [...grantableRoles(actor)].sort(),
        grantableClearances: grantableClearances(actor, classifications),
      }
    },
  )

  api.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create an account',
        description:
          'Creates an account with no more than the administrator holds. Without a password a one-time password is generated and answered once.',
        body: CreateUser,
        response: { 201: UserWithPassword, ...createErrors },
      },
      config: { etag: true },
    },
    async (request, reply) => {
      const { row, oneTimePassword } = await createAccount(db, request.principal, request.body, now())
      setEtag(reply, Number(row.version))
      return reply.code(201).send({ user: presentUser(row), oneTimePassword })
    },
  )

  api.get(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'One account',
        params: UserParams,
        response: { 200: UserView, ...readErrors },
      },
      config: { etag: true },
    },
    async (request, reply) => {
      authorizeAccounts(request.principal)
      const row = await findReachableAccount(db.kysely, request.principal, request.params.id)
      if (row === null) throw new DomainError('not-found', 'There is no such account.')
      setEtag(reply, Number(row.version))
      return presentUser(row)
    },
  )

  api.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change an account',
        description: 'Display name, country, clearance and roles, within what the administrator may grant.',
        params: UserParams,
        body: PatchUser,
        ...versionedWrite({ 200: UserView }),
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request)
      const row = await patchAccount(db, request.principal, request.params.id, request.body, expected, now())
      setEtag(reply, Number(row.version))
      return presentUser(row)
    },
  )

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    api.post(
      `/api/v1/users/:id/${action}`,
      {
        schema: {
          tags: ['accounts'],
          summary: disabled ? 'Disable an account' : 'Enable an account',
          description: disabled
            ? 'The account can no longer sign in; its sessions and calendar feed are revoked at once.'
            : 'The account may sign in again (a lockout stays until unlocked).',
          params: UserParams,
          response: { 200: UserView, ...actionErrors },
        },
      },
      async (request) =>
        presentUser(await setAccountDisabled(db, request.principal, request.params.id, disabled, now())),
    )
  }

  api.post(
    '/api/v1/users/:id/reset-password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Reset a password',
        description:
          'Sets the given password, or generates a one-time password answered once. Signs the account out everywhere and lifts a lockout.',
        params: UserParams,
        body: ResetPassword,
        response: { 200: UserWithPassword, ...actionErrors },
      },
    },
    async (request) => {
      const { row, oneTimePassword } = await resetAccountPassword(
        db,
        request.principal,
        request.params.id,
        request.body.password,
        now(),
      )
      return { user: presentUser(row), oneTimePassword }
    },
  )

  api.post(
    '/api/v1/users/:id/unlock',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Unlock an account',
        description:
          'Lifts the lockout that consecutive failed sign-ins set, and starts the count again. Administrators only, within what they may grant.',
        params: UserParams,
        response: { 200: AccountLockView, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) => unlockAccount(db, request.principal, request.params.id, now()),
  )
}
