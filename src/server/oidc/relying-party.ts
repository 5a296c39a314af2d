import * as client from 'openid-client'
import type { OidcProviderConfig } from './provider-config.ts'

/** Plain HTTP is accepted only from a provider on this machine (the dev provider, tests). */
function isLoopback(issuer: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname)
}

/**
 * One provider's openid-client configuration, discovered on first use and kept; a failed discovery
 * is forgotten so that the next sign-in tries again (the provider may have been down).
 */
export class RelyingParty {
  readonly provider: OidcProviderConfig
  #configuration: Promise<client.Configuration> | undefined

  constructor(provider: OidcProviderConfig) {
    this.provider = provider
  }

  configuration(): Promise<client.Configuration> {
    if (this.#configuration === undefined) {
      const issuer = new URL(this.provider.issuer)
      const { clientId, clientSecret } = this.provider
      const authentication =
        clientSecret === undefined ? client.None() : client.ClientSecretBasic(clientSecret)
      this.#configuration = client
        .discovery(
          issuer,
          clientId,
          undefined,
          authentication,
          isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.#configuration = undefined
          throw error
        })
    }
    return this.#configuration
  }
}

const parties = new WeakMap<OidcProviderConfig, RelyingParty>()

/** The one relying party of this provider's settings, so that discovery runs once per process. */
export function relyingPartyOf(provider: OidcProviderConfig): RelyingParty {
  let party = parties.get(provider)
  if (party === undefined) {
    party = new RelyingParty(provider)
    parties.set(provider, party)
  }
  return party
}
