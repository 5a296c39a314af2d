import { z } from 'zod'
import { FrameworkDetail } from '../../../../src/contract/framework.ts'
import { PartnerDetail } from '../../../../src/contract/partner.ts'
import { useWrite } from '../../lib/useWrite.ts'

/**
 * The registry's writes (issue 11). A partner's profile and timeline show on its page, the
 * partners list, frameworks (member counts) and search; a framework's memberships on its page,
 * the frameworks list and the partners' pages.
 */
const partnerPages = [['partners'], ['frameworks'], ['search']] as const
const frameworkPages = [['frameworks'], ['partners'], ['search']] as const

export interface Write {
  readonly path: string
  readonly body?: unknown
  /** The version the page read; absent for a create. */
  readonly version?: number
}

const send = (method: 'POST' | 'PATCH' | 'DELETE') => (write: Write) => ({
  method,
  path: write.path,
  body: write.body,
  version: write.version,
})

export function useSavePartner(method: 'POST' | 'PATCH') {
  return useWrite({ schema: PartnerDetail, invalidates: partnerPages, request: send(method) })
}

export function useDeleteEvent() {
  return useWrite({ schema: z.null(), invalidates: partnerPages, request: send('DELETE') })
}

export function useSaveFramework(method: 'POST' | 'PATCH') {
  return useWrite({ schema: FrameworkDetail, invalidates: frameworkPages, request: send(method) })
}
