import { useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  PrincipalView,
  type SignIn,
  SignInProviders,
  SignOutResult,
} from '../../../../src/contract/session.ts'
import { apiGet } from '../../lib/api.ts'
import { sessionKey, signInProvidersKey } from '../../lib/query-keys.ts'
import { useWrite } from '../../lib/useWrite.ts'

export type Principal = z.infer<typeof PrincipalView>

/**
 * Whether someone is signed in: the one place the web app reads `kind`. Who may do what is never
 * decided here but by the `abilities` the API sends.
 */
export function isSignedIn(principal: Principal | undefined): principal is Principal {
  return principal !== undefined && principal.kind !== 'public'
}

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: () => apiGet('/api/v1/session', PrincipalView),
    staleTime: 60_000,
  })
}

/**
 * Signing in or out changes what every response may contain, so cached data is dropped (not just
 * marked stale) and nothing seen under one principal is shown to the next.
 */
function useSwitchPrincipal() {
  const queryClient = useQueryClient()
  return (principal: Principal) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] })
    queryClient.setQueryData(sessionKey, principal)
  }
}

const signedOut: Principal = {
  kind: 'public',
  username: null,
  displayName: 'Public visitor',
  country: null,
  clearance: 'PUBLIC',
  roles: [],
  permissions: [],
  abilities: {
    createEngagements: false,
    startProgramme: 'none',
    associate: 'none',
    createProposals: false,
    createLiaisonOffices: false,
    manageCooperation: false,
    requestCooperation: false,
    readAudit: false,
  },
}

export function useSignIn() {
  const switchPrincipal = useSwitchPrincipal()
  return useWrite({
    schema: PrincipalView,
    // The session is set from the answer itself; every other query was dropped.
    invalidates: [],
    request: (body: z.input<typeof SignIn>) => ({ method: 'POST', path: '/api/v1/session', body }),
    onSuccess: switchPrincipal,
  })
}

/** The identity providers offered beside the local form ("Sign in with …"). */
export function useSignInProviders() {
  return useQuery({
    queryKey: signInProvidersKey,
    queryFn: () => apiGet('/api/v1/session/providers', SignInProviders),
    staleTime: 5 * 60_000,
  })
}

/**
 * Signing out answers nothing for a local session, and for a single sign-on session the
 * provider's logout URL, where the browser must go next to end the provider's session too.
 */
export function useSignOut() {
  const switchPrincipal = useSwitchPrincipal()
  return useWrite({
    schema: z.union([z.null(), SignOutResult]),
    invalidates: [],
    request: () => ({ method: 'DELETE', path: '/api/v1/session' }),
    onSuccess: () => switchPrincipal(signedOut),
  })
}
