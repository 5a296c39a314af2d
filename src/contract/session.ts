import { z } from 'zod'
import { classifications } from '../domain/marking.ts'
import { principalKinds } from '../domain/principal.ts'

export const SignIn = z
  .object({
    username: z.string().trim().min(1, 'Enter your username').max(100),
    password: z.string().min(1, 'Enter your password').max(1000),
  })
  .strict()
  .meta({ id: 'SignIn' })

export const PrincipalView = z
  .object({
    kind: z.enum(principalKinds),
    username: z.string().nullable(),
    displayName: z.string(),
    country: z.string().nullable(),
    clearance: z.enum(classifications),
    roles: z.array(z.string()),
  })
  .meta({ id: 'Principal' })
