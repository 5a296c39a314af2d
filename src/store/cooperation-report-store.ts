import './cooperation-tables.ts'
import type { Executor } from './executor.ts'
import { decodeList, encodeOrderedList } from './list-column.ts'

/** A request's feedback report; read only after the request itself was found visible. */
export interface ReportRecord {
  readonly requestId: string
  readonly rating: number
  readonly summary: string
  readonly outcomes: string
  readonly goalIds: readonly string[]
  readonly filedAt: string
  readonly filedBy: string
  /** Demo content, not an actual report (only the demo loader sets it). */
  readonly illustrative: boolean
}

export async function findReport(executor: Executor, requestId: string): Promise<ReportRecord | null> {
  const row = await executor
    .selectFrom('coop_report')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst()
  if (row === undefined) return null
  return {
    requestId: row.request_id,
    rating: Number(row.rating),
    summary: row.summary,
    outcomes: row.outcomes,
    goalIds: decodeList(row.goal_ids),
    filedAt: row.filed_at,
    filedBy: row.filed_by,
    illustrative: Number(row.illustrative) === 1,
  }
}

export async function insertReport(executor: Executor, report: ReportRecord): Promise<void> {
  await executor
    .insertInto('coop_report')
    .values({
      request_id: report.requestId,
      rating: report.rating,
      summary: report.summary,
      outcomes: report.outcomes,
      goal_ids: encodeOrderedList(report.goalIds),
      filed_at: report.filedAt,
      filed_by: report.filedBy,
      illustrative: report.illustrative ? 1 : 0,
    })
    .execute()
}
