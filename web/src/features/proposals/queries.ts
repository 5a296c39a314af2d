import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import type { z } from 'zod'
import { ProposalDetail, ProposalList } from '../../../../src/contract/proposal.ts'
import { ReminderList } from '../../../../src/contract/reminder.ts'
import { labelsOf } from '../../i18n/labels.ts'
import { apiGet, queryString } from '../../lib/api.ts'
import { useWrite } from '../../lib/useWrite.ts'
import { useMembers } from '../members/queries.ts'

export type ProposalData = z.infer<typeof ProposalDetail>
export type ProposalSummaryData = z.infer<typeof ProposalList>['items'][number]
export type ProposalStatus = ProposalData['status']
export type PositionValue = NonNullable<ProposalData['positions']>[number]['position']

const base = '/api/v1/proposals'
const proposalQueries = [['proposals'], ['liaison-offices']]

/** How often an open proposal is re-read when no live event stream is open (SSE may be unavailable). */
export const openRefetchMs = 5_000
/** While the event stream is open it tells of every change; this slow re-read only backs it up. */
export const streamingRefetchMs = 30_000

export function proposalPath(id: string, ...part: string[]): string {
  return [base, encodeURIComponent(id), ...part.map(encodeURIComponent)].join('/')
}

/** Every proposal the reader may see, or those linked to one partner when `partner` is a code. */
export function useProposals(partner?: string) {
  return useQuery({
    queryKey: ['proposals', 'list', partner ?? null],
    queryFn: () => apiGet(`${base}${queryString({ limit: 500, partner })}`, ProposalList),
    // Countdowns end and silence procedures adopt themselves: keep the list current.
    refetchInterval: openRefetchMs * 2,
  })
}

/**
 * One proposal. While it is undecided a live event stream (`GET …/events`, `event: changed`)
 * re-reads it at once; it is also re-read every 30 s while the stream is open, every 5 s while it
 * is not (a proxy that drops streams, a stream reconnecting), so a stream that fails changes nothing.
 */
export function useProposal(id: string) {
  const [streaming, setStreaming] = useState(false)
  const query = useQuery({
    queryKey: ['proposals', 'detail', id],
    queryFn: () => apiGet(proposalPath(id), ProposalDetail),
    retry: false,
    refetchInterval: (current) => {
      const status = current.state.data?.status
      if (status !== 'open' && status !== 'blocked') return false
      return streaming ? streamingRefetchMs : openRefetchMs
    },
  })
  useProposalEvents(id, query.data?.status === 'open' || query.data?.status === 'blocked', setStreaming)
  return query
}

function useProposalEvents(id: string, live: boolean, setStreaming: (streaming: boolean) => void) {
  const client = useQueryClient()
  useEffect(() => {
    if (!live || typeof EventSource === 'undefined') return
    const source = new EventSource(proposalPath(id, 'events'), { withCredentials: true })
    const refresh = () => client.invalidateQueries({ queryKey: ['proposals'] })
    source.addEventListener('changed', refresh)
    // Opened again after a drop: changes made while it was down are read at once.
    let opened = false
    source.onopen = () => {
      setStreaming(true)
      if (opened) void refresh()
      opened = true
    }
    // Errors are harmless: the fast interval takes over; stop retrying a route that answers 404.
    source.onerror = () => {
      setStreaming(false)
      if (source.readyState === EventSource.CLOSED) source.close()
    }
    return () => {
      source.close()
      setStreaming(false)
    }
  }, [id, live, client, setStreaming])
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

export const statusLabels = labelsOf<ProposalStatus>('proposalStatus', [
  'draft',
  'open',
  'blocked',
  'adopted',
  'withdrawn',
])

export const positionLabels = labelsOf<PositionValue>('position', ['concur', 'object', 'reserve', 'none'])

export const procedureLabels = labelsOf<ProposalData['procedure']>('procedure', ['consensus', 'silence'])

export const kindLabels = labelsOf<ProposalData['kind']>('proposalKind', [
  'liaison-office',
  'programme',
  'engagement',
  'statement',
  'other',
])

/** Silence procedures the signed-in member (staff: any member) has not yet taken a position on. */
export function useReminders() {
  return useQuery({
    queryKey: ['proposals', 'reminders'],
    queryFn: () => apiGet('/api/v1/reminders', ReminderList),
    refetchInterval: openRefetchMs * 12,
  })
}
