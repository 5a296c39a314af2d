import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import type { z } from 'zod'
import { ProposalDetail, ProposalList } from '../../../../src/contract/proposal.ts'
import { apiGet } from '../../lib/api.ts'
import { useWrite } from '../../lib/useWrite.ts'
import { useMembers } from '../members/queries.ts'

export type ProposalData = z.infer<typeof ProposalDetail>
export type ProposalSummaryData = z.infer<typeof ProposalList>['items'][number]
export type ProposalStatus = ProposalData['status']
export type PositionValue = NonNullable<ProposalData['positions']>[number]['position']

const base = '/api/v1/proposals'
const proposalQueries = [['proposals'], ['liaison-offices']]

/** How often an open proposal is re-read when no live event arrives (SSE may be unavailable). */
export const openRefetchMs = 5_000

export function proposalPath(id: string, ...part: string[]): string {
  return [base, encodeURIComponent(id), ...part.map(encodeURIComponent)].join('/')
}

export function useProposals() {
  return useQuery({
    queryKey: ['proposals', 'list'],
    queryFn: () => apiGet(`${base}?limit=500`, ProposalList),
    // Countdowns end and silence procedures adopt themselves: keep the list current.
    refetchInterval: openRefetchMs * 2,
  })
}

/**
 * One proposal. While it is undecided it is re-read every few seconds, and a live event stream
 * (`GET …/events`, `event: changed`) re-reads it at once; a stream that fails changes nothing.
 */
export function useProposal(id: string) {
  const query = useQuery({
    queryKey: ['proposals', 'detail', id],
    queryFn: () => apiGet(proposalPath(id), ProposalDetail),
    retry: false,
    refetchInterval: (current) => {
      const status = current.state.data?.status
      return status === 'open' || status === 'blocked' ? openRefetchMs : false
    },
  })
  useProposalEvents(id, query.data?.status === 'open' || query.data?.status === 'blocked')
  return query
}

function useProposalEvents(id: string, live: boolean) {
  const client = useQueryClient()
  useEffect(() => {
    if (!live || typeof EventSource === 'undefined') return
    const source = new EventSource(proposalPath(id, 'events'), { withCredentials: true })
    const refresh = () => client.invalidateQueries({ queryKey: ['proposals'] })
    source.addEventListener('changed', refresh)
    // Errors are harmless: the interval above keeps the page current; stop retrying a missing route.
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) source.close()
    }
    return () => source.close()
  }, [id, live, client])
}

/** A step on a proposal (open, withdraw, break silence) under If-Match of the version shown. */
export function useProposalStep(id: string) {
  return useWrite({
    schema: ProposalDetail,
    invalidates: proposalQueries,
    request: (variables: {
      step: 'open' | 'withdraw' | 'break-silence'
      version: number
      note?: string
      /** Staff break silence on a member's behalf and name it; a delegation speaks for its own. */
      member?: string
    }) => ({
      method: 'POST',
      path: proposalPath(id, variables.step),
      version: variables.version,
      ...(variables.step === 'break-silence'
        ? {
            body: {
              ...(variables.member === undefined ? {} : { member: variables.member }),
              ...(variables.note === undefined || variables.note.trim() === ''
                ? {}
                : { note: variables.note }),
            },
          }
        : {}),
    }),
  })
}

export function useRecordPosition(id: string) {
  return useWrite({
    schema: ProposalDetail,
    invalidates: proposalQueries,
    request: (variables: {
      member: string
      position: PositionValue
      note: string | null
      version: number
    }) => ({
      method: 'PUT',
      path: proposalPath(id, 'positions', variables.member),
      version: variables.version,
      body: { position: variables.position, note: variables.note },
    }),
  })
}

export function useCreateProposal() {
  return useWrite({
    schema: ProposalDetail,
    invalidates: proposalQueries,
    request: (body: unknown) => ({ method: 'POST', path: base, body }),
  })
}

/** A member's name by its code ("France" for FRA); the code itself until the list has loaded. */
export function useMemberName(): (code: string) => string {
  const members = useMembers()
  return useMemo(() => {
    const names = new Map((members.data?.items ?? []).map((member) => [member.code, member.name]))
    return (code: string) => names.get(code) ?? code
  }, [members.data])
}

export const statusLabels: Record<ProposalStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  blocked: 'Blocked',
  adopted: 'Adopted',
  withdrawn: 'Withdrawn',
}

export const positionLabels: Record<PositionValue, string> = {
  concur: 'Concurs',
  object: 'Objects',
  reserve: 'Reservation',
  none: 'None yet',
}

export const procedureLabels: Record<ProposalData['procedure'], string> = {
  consensus: 'Consensus',
  silence: 'Silence procedure',
}

export const kindLabels: Record<ProposalData['kind'], string> = {
  'liaison-office': 'Liaison office',
  programme: 'Programme',
  engagement: 'Engagement',
  statement: 'Statement',
  other: 'Other',
}
