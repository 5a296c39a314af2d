import { z } from 'zod'
import { classifications } from '../domain/marking.ts'
import { CountryCode } from './common.ts'

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

const kinds = ['staff', 'ally', 'partner'] as const
const statuses = ['active', 'disabled', 'locked'] as const

/** An account as an administrator sees it; the password hash never leaves the server. */
export const UserView = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    kind: z.enum(kinds),
    country: z.string().nullable(),
    clearance: z.enum(classifications),
    roles: z.array(z.string()),
    status: z.enum(statuses).meta({ description: 'disabled wins over locked when both hold' }),
    failedSignIns: z.number().int(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'User' })

export const UserList = z
  .object({
    items: z.array(UserView),
    total: z.number().int(),
    /** What the caller may give on a create or an edit, for the form's choices. */
    grantableRoles: z.array(z.string()),
    grantableClearances: z.array(z.enum(classifications)),
  })
  .meta({ id: 'UserList' })

export const UserListQuery = z.object({
  q: z.string().max(100).optional().meta({ description: 'Part of the username or display name' }),
  kind: z.enum(kinds).optional(),
  country: CountryCode.optional(),
  status: z.enum(statuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})

const Username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'Use 2 to 40 lower-case letters, digits, dots, dashes or underscores')
const DisplayName = z.string().trim().min(1, 'Give a display name').max(120)
const Password = z.string().min(12, 'Use at least 12 characters').max(200)
const Roles = z.array(z.string().min(1).max(40)).max(10)

export const CreateUser = z.object({
  username: Username,
  displayName: DisplayName,
  kind: z.enum(kinds),
  country: CountryCode.nullable().default(null),
  clearance: z.enum(classifications),
  roles: Roles,
  password: Password.optional().meta({
    description: 'The initial password; when left out a one-time password is generated and answered once.',
  }),
})

export const PatchUser = z
  .object({
    displayName: DisplayName,
    country: CountryCode.nullable(),
    clearance: z.enum(classifications),
    roles: Roles,
  })
  .partial()
  .strict()

export const ResetPassword = z
  .object({
    password: Password.optional().meta({ description: 'Set this password; when left out one is generated.' }),
  })
  .strict()

/** A created account or a reset password; `oneTimePassword` is shown once and never stored in clear. */
export const UserWithPassword = z
  .object({ user: UserView, oneTimePassword: z.string().nullable() })
  .meta({ id: 'UserWithPassword' })
