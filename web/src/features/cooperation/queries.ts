import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import {
  CooperationEventDetail,
  CooperationEventList,
  CooperationItemDetail,
  CooperationItemList,
  CooperationRegistrationList,
  CooperationRegistrationView,
  CooperationReportView,
  CooperationRequestDetail,
  CooperationRequestList,
} from '../../../../src/contract/cooperation.ts'
import { apiGet, queryString } from '../../lib/api.ts'
import { useWrite } from '../../lib/useWrite.ts'

export type ItemData = z.infer<typeof CooperationItemList>['items'][number]
export type EventData = z.infer<typeof CooperationEventList>['items'][number]
export type EventDetailData = z.infer<typeof CooperationEventDetail>
export type ItemDetailData = z.infer<typeof CooperationItemDetail>
export type RequestData = z.infer<typeof CooperationRequestList>['items'][number]
export type RegistrationData = z.infer<typeof CooperationRegistrationList>['items'][number]
export type ReportData = z.infer<typeof CooperationReportView>

export const cooperationBase = '/api/v1/cooperation'
/** Every cooperation read starts with this key, so a write refreshes every page that shows it. */
const cooperationKey = ['cooperation'] as const
/** A request's goals show on the programme page: its activities under the goals they serve. */
const touched = [cooperationKey, ['programmes']]

export const pageSize = 20

const path = (...parts: string[]) => [cooperationBase, ...parts.map(encodeURIComponent)].join('/')

export interface ItemFilters {
  readonly q?: string | undefined
  readonly priorityArea?: string | undefined
  readonly provider?: string | undefined
  readonly format?: string | undefined
  readonly eligible?: 'true' | undefined
  readonly offset: number
}

export function useItems(filters: ItemFilters) {
  return useQuery({
    queryKey: [...cooperationKey, 'items', filters],
    queryFn: () =>
      apiGet(`${path('items')}${queryString({ ...filters, limit: pageSize })}`, CooperationItemList),
    // A new filter keeps the old results on screen until the new ones arrive (no flashing to empty).
    placeholderData: keepPreviousData,
  })
}

export function useItem(id: string) {
  return useQuery({
    queryKey: [...cooperationKey, 'item', id],
    queryFn: () => apiGet(path('items', id), CooperationItemDetail),
    retry: false,
  })
}

export function useEvents(filters: { item?: string; q?: string; upcoming?: 'true'; offset: number }) {
  return useQuery({
    queryKey: [...cooperationKey, 'events', filters],
    queryFn: () =>
      apiGet(`${path('events')}${queryString({ ...filters, limit: pageSize })}`, CooperationEventList),
    placeholderData: keepPreviousData,
  })
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: [...cooperationKey, 'event', id],
    queryFn: () => apiGet(path('events', id), CooperationEventDetail),
    retry: false,
  })
}

export interface RequestFilters {
  readonly status?: string | undefined
  readonly event?: string | undefined
  readonly programme?: string | undefined
  readonly offset: number
  readonly limit?: number
}

export function useRequests(filters: RequestFilters, enabled = true) {
  return useQuery({
    queryKey: [...cooperationKey, 'requests', filters],
    queryFn: () =>
      apiGet(`${path('requests')}${queryString({ limit: pageSize, ...filters })}`, CooperationRequestList),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: [...cooperationKey, 'request', id],
    queryFn: () => apiGet(path('requests', id), CooperationRequestDetail),
    retry: false,
  })
}

/** The participants of one request (the event's registrations filtered to it), all at once. */
export function useRegistrations(eventId: string, requestId: string) {
  return useQuery({
    queryKey: [...cooperationKey, 'registrations', eventId, requestId],
    queryFn: () =>
      apiGet(
        `${path('events', eventId, 'registrations')}${queryString({ request: requestId, limit: 500 })}`,
        CooperationRegistrationList,
      ),
  })
}

export function useReport(requestId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...cooperationKey, 'report', requestId],
    queryFn: () => apiGet(path('requests', requestId, 'report'), CooperationReportView),
    enabled,
    retry: false,
  })
}

export function participantsCsvPath(eventId: string): string {
  return path('events', eventId, 'participants.csv')
}

export function useCreateRequest() {
  return useWrite({
    schema: CooperationRequestDetail,
    invalidates: touched,
    request: (body: unknown) => ({ method: 'POST', path: path('requests'), body }),
  })
}

export type RequestStep = 'approve' | 'decline' | 'withdraw' | 'invitation'

/** A step on a request under If-Match of the version the page shows. */
export function useRequestStep(id: string) {
  return useWrite({
    schema: CooperationRequestDetail,
    invalidates: touched,
    request: (variables: { step: RequestStep; version: number; body?: unknown }) => ({
      method: 'POST',
      path: path('requests', id, variables.step),
      version: variables.version,
      body: variables.body ?? {},
    }),
  })
}

export function useRegister(requestId: string) {
  return useWrite({
    schema: CooperationRegistrationView,
    invalidates: touched,
    request: (body: unknown) => ({
      method: 'POST',
      path: path('requests', requestId, 'registrations'),
      body,
    }),
  })
}

export function useRegistrationStep() {
  return useWrite({
    schema: CooperationRegistrationView,
    invalidates: touched,
    request: (variables: { id: string; step: 'cancel' | 'attendance'; version: number; body?: unknown }) => ({
      method: 'POST',
      path: path('registrations', variables.id, variables.step),
      version: variables.version,
      body: variables.body ?? {},
    }),
  })
}

export function useFileReport(requestId: string) {
  return useWrite({
    schema: CooperationReportView,
    invalidates: touched,
    request: (body: unknown) => ({ method: 'POST', path: path('requests', requestId, 'report'), body }),
  })
}

export function useCreateItem() {
  return useWrite({
    schema: CooperationItemDetail,
    invalidates: [cooperationKey],
    request: (body: unknown) => ({ method: 'POST', path: path('items'), body }),
  })
}

export function useCreateEvent() {
  return useWrite({
    schema: CooperationEventDetail,
    invalidates: [cooperationKey],
    request: (body: unknown) => ({ method: 'POST', path: path('events'), body }),
  })
}

/**
 * A change to an item under If-Match of the version the form was filled from. A refusal for a
 * stale version reloads the form with the item as it is now (`reload`): the keeper makes the
 * change again over what someone else saved.
 */
export function useSaveItem(id: string) {
  return useWrite({
    schema: CooperationItemDetail,
    invalidates: touched,
    onConflict: 'reload',
    request: (variables: { version: number; patch: unknown }) => ({
      method: 'PATCH',
      path: path('items', id),
      version: variables.version,
      body: variables.patch,
    }),
  })
}

/** A change to an event under If-Match, like `useSaveItem`. */
export function useSaveEvent(id: string) {
  return useWrite({
    schema: CooperationEventDetail,
    invalidates: touched,
    onConflict: 'reload',
    request: (variables: { version: number; patch: unknown }) => ({
      method: 'PATCH',
      path: path('events', id),
      version: variables.version,
      body: variables.patch,
    }),
  })
}

/**
 * Runs `then` once a write succeeded, even when the component that sent it is gone by then (the
 * re-read moved a row to another table, or ended the form): `mutate`'s own callbacks are dropped
 * on unmount. A refusal is shown through the mutation's `error`.
 */
export function whenWritten<T>(written: Promise<T>, then: (value: T) => void): void {
  written.then(then, () => undefined)
}
