import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { classifications } from '../../domain/marking.ts'
import { rolePermissions } from '../../domain/policy.ts'

const knownRoles = Object.keys(rolePermissions) as [string, ...string[]]
const signInKinds = ['staff', 'ally', 'partner'] as const

/**
 * How one principal field comes from the ID token: a fixed `value` for everyone the provider signs
 * in, or a `claim` whose value is used as it is or translated through `map` (provider value → ours).
 */
function claimRule<T extends z.ZodType<string>>(value: T) {
  return z.union([
    z.object({ value }).strict(),
    z.object({ claim: z.string().min(1), map: z.record(z.string(), value).optional() }).strict(),
  ])
}

const ClaimMapping = z
  .object({
    /** The claim that names the user here (e.g. preferred_username, email). */
    username: z.string().min(1),
    /** The claim with the user's name as people read it; the username when absent. */
    displayName: z.string().min(1).default('name'),
    kind: claimRule(z.enum(signInKinds)).default({ value: 'partner' }),
    /** ISO 3166-1 alpha-3 (as members and partners use); required for allies and partners. */
    country: claimRule(z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as JPN')).optional(),
    clearance: claimRule(z.enum(classifications)).default({ value: 'PUBLIC' }),
    /**
     * The claim holding the user's groups or roles (a string or a list). With `map`, each provider
     * value gives one or more of our roles and values without a mapping are ignored; without it,
     * values that are our roles are taken and others ignored.
     */
    roles: z
      .object({
        claim: z.string().min(1),
        map: z.record(z.string(), z.array(z.enum(knownRoles)).or(z.enum(knownRoles))).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

export const OidcProviderConfig = z
  .object({
    /** Part of the callback URL: lower-case letters, digits and dashes. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes'),
    /** Shown on the sign-in button: "Sign in with <label>". */
    label: z.string().trim().min(1).max(60),
    issuer: z.url(),
    clientId: z.string().min(1),
    /** Omitted for a public client (PKCE only). */
    clientSecret: z.string().min(1).optional(),
    scopes: z.array(z.string().min(1)).default(['openid', 'profile']),
    /**
     * On a first sign-in whose username is an existing account's, sign in as that account (true)
     * or refuse (unset/false, the default): otherwise any provider could take over a local account,
     * staff's included, by asserting its username.
     */
    linkExistingUsers: z.boolean().optional(),
    claims: ClaimMapping,
  })
  .strict()

export type OidcProviderConfig = z.infer<typeof OidcProviderConfig>
export type ClaimMapping = OidcProviderConfig['claims']

const OidcProviderList = z
  .array(OidcProviderConfig)
  .refine((list) => new Set(list.map((provider) => provider.id)).size === list.length, {
    message: 'provider ids must be unique',
  })

/**
 * LIAISON_OIDC_PROVIDERS: the providers as JSON, or the path of a JSON file holding them. Unset or
 * empty means local accounts only. Anything invalid throws a message that names the field, so a
 * server never starts with a half-understood claim mapping.
 */
export function parseOidcProviders(setting: string | undefined): OidcProviderConfig[] {
  const text = (setting ?? '').trim()
  if (text === '') return []
  const source = text.startsWith('[') || text.startsWith('{') ? text : readSettingFile(text)
  let json: unknown
  try {
    json = JSON.parse(source)
  } catch (error) {
    throw new Error(`LIAISON_OIDC_PROVIDERS is not valid JSON: ${(error as Error).message}`)
  }
  const parsed = OidcProviderList.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${['LIAISON_OIDC_PROVIDERS', ...issue.path.map(String)].join('.')}: ${issue.message}`,
    )
    throw new Error(`LIAISON_OIDC_PROVIDERS is invalid:\n  ${issues.join('\n  ')}`)
  }
  for (const [index, provider] of parsed.data.entries()) {
    const kind = provider.claims.kind
    if ('value' in kind && kind.value !== 'staff' && provider.claims.country === undefined) {
      throw new Error(
        `LIAISON_OIDC_PROVIDERS.${index}.claims.country: required when the kind is ${kind.value} (allies and partners have a country)`,
      )
    }
  }
  return parsed.data
}

function readSettingFile(path: string): string {
  if (!existsSync(path)) {
    throw new Error(`LIAISON_OIDC_PROVIDERS must be JSON or the path of a JSON file; no file at ${path}`)
  }
  return readFileSync(path, 'utf8')
}
