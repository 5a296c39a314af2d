import { useQuery } from '@tanstack/react-query'
import { ProgrammeDetail, ProgrammeList } from '../../../../src/contract/programme-view.ts'
import { apiGet, queryString } from '../../lib/api.ts'

/** The programme a request serves: the one in force, else one still being agreed or reviewed. */
const preference = ['in-force', 'under-review', 'agreed', 'in-negotiation', 'draft'] as const

/** The partner's current programme, with its goals, read as the viewer may see it. */
export function usePartnerProgramme(partner: string) {
  const list = useQuery({
    queryKey: ['programmes', 'list', partner],
    queryFn: () => apiGet(`/api/v1/programmes${queryString({ partner })}`, ProgrammeList),
    enabled: /^[A-Z]{3}$/.test(partner),
  })
  const items = list.data?.items ?? []
  const chosen = preference
    .map((status) => items.find((programme) => programme.status === status))
    .find((programme) => programme !== undefined)
  const id = chosen?.id ?? ''
  // The programme page's own key: opening the programme afterwards reuses what was read here.
  const programme = useQuery({
    queryKey: ['programmes', 'detail', id],
    queryFn: () => apiGet(`/api/v1/programmes/${encodeURIComponent(id)}`, ProgrammeDetail),
    enabled: id !== '',
  })
  return { list, none: list.isSuccess && chosen === undefined, programme }
}
