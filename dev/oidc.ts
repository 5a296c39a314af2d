import { liaisonProviderSetting, oidcAccounts, startDevOidcProvider } from '../test/support/oidc-provider.ts'

/**
 * `npm run dev:oidc`: a development OpenID provider on 127.0.0.1:3901 for a Liaison at
 * http://127.0.0.1:3000 (LIAISON_DEV_ORIGINS, comma-separated, for other ports). Prints the
 * LIAISON_OIDC_PROVIDERS value that makes Liaison offer "Sign in with" it.
 */
const port = Number(process.env.LIAISON_DEV_OIDC_PORT ?? 3901)
const origins = (process.env.LIAISON_DEV_ORIGINS ?? 'http://127.0.0.1:3000,http://localhost:3000')
  .split(',')
  .map((origin) => origin.trim().replace(/\/$/, ''))
  .filter((origin) => origin !== '')
const issuer = await startDevOidcProvider(port, origins)
console.log(`Development OpenID provider at ${issuer} (for ${origins.join(', ')})`)
console.log(`Logins (any password): ${Object.keys(oidcAccounts).join(', ')}`)
console.log(`LIAISON_OIDC_PROVIDERS='${JSON.stringify([liaisonProviderSetting(issuer)])}'`)
