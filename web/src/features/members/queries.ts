import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { MemberList } from '../../../../src/contract/member.ts'
import { apiGet } from '../../lib/api.ts'

export type MemberData = z.infer<typeof MemberList>['items'][number]

export function useMembers() {
  return useQuery({
    queryKey: ['members', 'list'],
    queryFn: () => apiGet('/api/v1/members', MemberList),
    staleTime: 5 * 60_000,
  })
}
