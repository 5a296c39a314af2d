import { type ChainedAuditRow, type ChainVerdict, describeChainBreak } from '../../domain/audit-chain.ts'
import { classifications } from '../../domain/marking.ts'
import type { CsvColumn } from '../../i18n/csv-columns.ts'
import { writeCsv } from '../csv.ts'
import type { Translator } from '../i18n.ts'
import { presentMarking } from '../present.ts'

export function presentAuditEntry(row: ChainedAuditRow) {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    actor: row.actor,
    onBehalfOf: row.on_behalf_of,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    changes: JSON.parse(row.changes) as Record<string, { before: unknown; after: unknown }>,
    hash: row.hash ?? '',
  }
}

/**
 * The trail names records of every marking, so an export of it is marked at the highest
 * classification, alliance only, whatever the filter picked.
 */
const trailMarking = presentMarking({
  classification: classifications[classifications.length - 1] ?? 'CONFIDENTIAL',
  releasableTo: [],
}).label

/** The entries as CSV, one row each; details and changes as their JSON text. */
export function auditCsv(rows: readonly ChainedAuditRow[], { t }: Translator): string {
  const columns: readonly CsvColumn[] = [
    'seq',
    'at',
    'actor',
    'on_behalf_of',
    'action',
    'entity',
    'entity_id',
    'details',
    'changes',
    'id',
    'hash',
  ]
  return writeCsv(
    columns.map((column) => t(`csv.${column}`)),
    rows.map((row) => [
      Number(row.seq),
      row.at,
      row.actor,
      row.on_behalf_of,
      row.action,
      row.entity,
      row.entity_id,
      row.details,
      row.changes,
      row.id,
      row.hash,
    ]),
    trailMarking,
    t('csv.marking'),
  )
}

/** The chain's verdict for the API: the first break's position and the CLI's words for it. */
export function presentVerdict(verdict: ChainVerdict) {
  if (verdict.ok) {
    return {
      ok: true,
      checked: verdict.count,
      headSeq: verdict.head?.seq ?? null,
      firstBrokenSeq: null,
      problem: null,
    }
  }
  return {
    ok: false,
    checked: verdict.count,
    headSeq: null,
    firstBrokenSeq: verdict.problem.seq,
    problem: describeChainBreak(verdict.problem),
  }
}
