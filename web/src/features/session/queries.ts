import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { PrincipalView, type SignIn } from '../../../../src/contract/session.ts'
import { apiGet, apiRequest } from '../../lib/api.ts'

export type Principal = z.infer<typeof PrincipalView>
export const sessionKey = ['session'] as const

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

export function useSignIn() {
  const switchPrincipal = useSwitchPrincipal()
  return useMutation({
    mutationFn: (body: z.input<typeof SignIn>) => apiRequest('POST', '/api/v1/session', PrincipalView, body),
    onSuccess: switchPrincipal,
  })
}

export function useSignOut() {
  const switchPrincipal = useSwitchPrincipal()
  return useMutation({
    mutationFn: () => apiRequest('DELETE', '/api/v1/session', z.null()),
    onSuccess: () =>
      switchPrincipal({
        kind: 'public',
        username: null,
        displayName: 'Public visitor',
        country: null,
        clearance: 'PUBLIC',
        roles: [],
        permissions: [],
        abilities: { createEngagements: false, startProgramme: 'none', associate: 'none' },
      }),
  })
}
