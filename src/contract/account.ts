import { z } from 'zod'

export const UserParams = z.object({ id: z.string().min(1).max(100) })

/** The lockout state of an account after an administrator's action. */
export const AccountLockView = z
  .object({
    id: z.string(),
    username: z.string(),
    locked: z.boolean(),
    failedSignIns: z.number().int(),
  })
  .meta({ id: 'AccountLock' })
