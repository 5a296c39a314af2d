import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import {
  DiffView,
  PortfolioView,
  ProgrammeDetail,
  ProgressReport,
  VersionList,
} from '../../../../src/contract/programme-view.ts'
import { healthLabels as milestoneHealthLabels, programmeStatusLabels } from '../../i18n/labels.ts'
import { apiGet, queryString } from '../../lib/api.ts'
import { useWrite, type WriteRequest } from '../../lib/useWrite.ts'

export type ProgrammeData = z.infer<typeof ProgrammeDetail>
export type ObjectiveData = ProgrammeData['objectives'][number]
export type GoalData = ObjectiveData['goals'][number]
export type ActivityData = GoalData['activities'][number]
export type MilestoneData = GoalData['milestones'][number]
export type PortfolioData = z.infer<typeof PortfolioView>
export type DiffData = z.infer<typeof DiffView>

const base = '/api/v1/programmes'

/** The portfolio, of one partner when `partner` is a code (the partner page links here so). */
export function usePortfolio(partner?: string) {
  return useQuery({
    queryKey: ['programmes', 'portfolio', partner ?? null],
    queryFn: () => apiGet(`${base}/portfolio${queryString({ partner })}`, PortfolioView),
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

/** A programme shows in its own panels, the portfolio and its partner's page: a write refreshes all. */
const programmeQueries = [['programmes'], ['partners']]

/** The address of a programme, or of one of its parts (`nodes/…`, `milestones/…`, `transitions`). */
export function programmePath(id: string, ...part: string[]): string {
  return [base, encodeURIComponent(id), ...part.map(encodeURIComponent)].join('/')
}

/**
 * A write to a programme or one of its parts through the one web write hook: If-Match from the
 * version the page read, and after a 409 the form keeps what was typed over the programme as it is now.
 */
export function useProgrammeWrite<S extends z.ZodType, V>(
  schema: S,
  request: (variables: V) => WriteRequest,
) {
  return useWrite({ schema, invalidates: programmeQueries, request })
}

export const statusLabels: Readonly<Record<ProgrammeData['status'], string>> = programmeStatusLabels

export const healthLabels: Readonly<Record<MilestoneData['health'], string>> = milestoneHealthLabels
