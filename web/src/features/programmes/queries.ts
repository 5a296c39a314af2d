import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import {
  DiffView,
  PortfolioView,
  ProgrammeDetail,
  ProgressReport,
  VersionList,
} from '../../../../src/contract/programme-view.ts'
import { ApiProblem, apiGet } from '../../lib/api.ts'

export type ProgrammeData = z.infer<typeof ProgrammeDetail>
export type ObjectiveData = ProgrammeData['objectives'][number]
export type GoalData = ObjectiveData['goals'][number]
export type ActivityData = GoalData['activities'][number]
export type MilestoneData = GoalData['milestones'][number]
export type PortfolioData = z.infer<typeof PortfolioView>
export type DiffData = z.infer<typeof DiffView>

const base = '/api/v1/programmes'

export function usePortfolio() {
  return useQuery({
    queryKey: ['programmes', 'portfolio'],
    queryFn: () => apiGet(`${base}/portfolio`, PortfolioView),
  })
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: ['programmes', 'detail', id],
    queryFn: () => apiGet(`${base}/${encodeURIComponent(id)}`, ProgrammeDetail),
    retry: false,
  })
}

export function useProgress(id: string) {
  return useQuery({
    queryKey: ['programmes', 'progress', id],
    queryFn: () => apiGet(`${base}/${encodeURIComponent(id)}/progress`, ProgressReport),
  })
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: ['programmes', 'versions', id],
    queryFn: () => apiGet(`${base}/${encodeURIComponent(id)}/versions`, VersionList),
  })
}

export function useDiff(id: string, from: string, to: string) {
  return useQuery({
    queryKey: ['programmes', 'diff', id, from, to],
    queryFn: () => apiGet(`${base}/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`, DiffView),
    enabled: from !== '',
  })
}

/** Refetches everything about programmes after a write, so every panel shows the new state. */
export function useRefreshProgrammes() {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: ['programmes'] })
}

/**
 * A write with optimistic concurrency: sends If-Match with the version the user saw. A 409 comes
 * back as an ApiProblem, and the caller keeps what the user typed so nothing is lost.
 */
export async function writeProgramme(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  version: number | null,
): Promise<void> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (version !== null) headers['if-match'] = `"${version}"`
  let response: Response
  try {
    response = await fetch(`${base}${path}`, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiProblem({ status: 0, title: 'Network error', detail: 'The server could not be reached.' })
  }
  if (response.ok) return
  const text = await response.text()
  let parsed: unknown = null
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = null
  }
  const record =
    typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : {}
  const errors = Array.isArray(record.errors)
    ? record.errors.map((e: unknown) => {
        const entry = typeof e === 'object' && e !== null ? Object.fromEntries(Object.entries(e)) : {}
        return { pointer: String(entry.pointer ?? ''), detail: String(entry.detail ?? '') }
      })
    : []
  throw new ApiProblem({
    status: response.status,
    title: typeof record.title === 'string' ? record.title : 'Request failed',
    detail: typeof record.detail === 'string' ? record.detail : `The server answered ${response.status}.`,
    errors,
  })
}

export const statusLabels: Record<ProgrammeData['status'], string> = {
  draft: 'Draft',
  'in-negotiation': 'In negotiation',
  agreed: 'Agreed',
  'in-force': 'In force',
  'under-review': 'Under review',
  superseded: 'Superseded',
}

export const healthLabels: Record<MilestoneData['health'], string> = {
  done: 'Done',
  cancelled: 'Cancelled',
  late: 'Late',
  'at-risk': 'At risk',
  'on-track': 'On track',
}
