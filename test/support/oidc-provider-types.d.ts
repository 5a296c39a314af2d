/**
 * The little of oidc-provider 9 (which ships no types) that the test and dev providers use:
 * construct it with accounts and clients, and serve its Koa app's request handler.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export interface OidcAccount {
    readonly accountId: string
    claims(use: string, scope: string): Promise<Record<string, unknown>>
  }

  export interface OidcGrant {
    addOIDCScope(scope: string): void
    addOIDCClaims(claims: readonly string[]): void
    save(): Promise<string>
  }

  export interface OidcContext {
    readonly oidc: {
      readonly client?: { readonly clientId: string }
      readonly session?: { readonly accountId?: string; grantIdFor(clientId: string): string | undefined }
      readonly params?: Readonly<Record<string, unknown>>
      readonly provider: Provider
      readonly result?: { readonly consent?: { readonly grantId?: string } }
    }
  }

  export interface ProviderConfiguration {
    readonly clients?: ReadonlyArray<Readonly<Record<string, unknown>>>
    readonly findAccount?: (ctx: OidcContext, id: string) => Promise<OidcAccount | undefined>
    readonly claims?: Readonly<Record<string, readonly string[]>>
    readonly features?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
    readonly loadExistingGrant?: (ctx: OidcContext) => Promise<OidcGrant | undefined>
    readonly conformIdTokenClaims?: boolean
    readonly cookies?: { readonly keys: readonly string[] }
    readonly pkce?: { readonly required: () => boolean }
    readonly ttl?: Readonly<Record<string, number>>
    readonly renderError?: (
      ctx: { type: string; body: string },
      out: Record<string, string>,
      error: Error,
    ) => void
  }

  export default class Provider {
    constructor(issuer: string, configuration: ProviderConfiguration)
    readonly Grant: {
      new (properties: { accountId: string; clientId: string }): OidcGrant
      find(id: string): Promise<OidcGrant | undefined>
    }
    callback(): (request: IncomingMessage, response: ServerResponse) => void
    on(event: string, listener: (...args: unknown[]) => void): this
  }
}
