import { z } from 'zod'
import { classifications } from '../domain/marking.ts'
import { permissions } from '../domain/policy.ts'
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
    /** What the roles grant; the web app decides nothing from `kind`, only from `abilities`. */
    permissions: z.array(z.enum(permissions)),
    abilities: z.object({
      /** Record engagements and statements. */
      createEngagements: z.boolean(),
      /** Start a programme: for any partner, only for one's own country, or not at all. */
      startProgramme: z.enum(['any', 'own', 'none']),
      /** Associate partners with statements: any partner, one's own country, or none. */
      associate: z.enum(['any', 'own', 'none']),
      /** Browse and export the audit trail (audit.read and the highest clearance). */
      readAudit: z.boolean(),
      /** Draft proposals for the alliance to decide. */
      createProposals: z.boolean(),
      /** Record liaison offices. */
      createLiaisonOffices: z.boolean(),
      /** Keep the cooperation menu: create and edit items and events. */
      manageCooperation: z.boolean(),
      /** Request cooperation activities (for one's own country, or staff for any partner). */
      requestCooperation: z.boolean(),
    }),
  })
  .meta({ id: 'Principal' })

export const SignInProviders = z
  .object({ items: z.array(z.object({ id: z.string(), label: z.string() })) })
  .meta({ id: 'SignInProviders', description: 'Single sign-on providers offered beside the local form.' })

export const SignOutResult = z
  .object({
    /** Where the browser goes next to sign out at the identity provider too (RP-initiated logout). */
    logoutUrl: z.string(),
  })
  .meta({ id: 'SignOutResult' })
