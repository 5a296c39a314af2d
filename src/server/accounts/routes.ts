import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { AccountLockView, UserParams } from '../../contract/account.ts'
import { Problem } from '../../contract/common.ts'
import type { Db } from '../../store/database.ts'
import { unlockAccount } from './unlock-command.ts'

export interface AccountOptions {
  readonly db: Db
  readonly now: () => Date
}

export async function accountRoutes(app: FastifyInstance, { db, now }: AccountOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>()

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
