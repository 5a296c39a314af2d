import type { ImportProblem } from '../../domain/import/import-problem.ts'
import { authorize } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import { recordAudit } from '../../store/audit-store.ts'
import type { Db } from '../../store/database.ts'
import { inTransaction } from '../../store/executor.ts'
import type { RegisteredImportKind } from '../../store/import/import-kinds.ts'
import type { ImportProgress, ImportSource, ImportTally } from '../../store/import/run-import.ts'

export interface ImportRequest {
  readonly id: string
  readonly kind: RegisteredImportKind
  readonly source: ImportSource
  readonly dryRun: boolean
}

export interface ImportOutcome {
  readonly status: 'succeeded' | 'failed'
  readonly rows: number
  readonly created: number
  readonly problems: readonly ImportProblem[]
  readonly problemCount: number
}

/** Carries the tally out of the transaction it rolls back. */
class RollBack extends Error {
  constructor(readonly tally: ImportTally) {
    super('import rolled back')
  }
}

/**
 * Imports one file in one transaction: every row is checked and written, and one audit entry
 * sums the import up; a problem anywhere, or a dry run, rolls all of it back. Only those who may
 * import (staff) get this far.
 */
export async function importFile(
  db: Db,
  principal: Principal,
  request: ImportRequest,
  now: Date,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  authorize(principal, 'import', { type: 'registry' })
  try {
    return await inTransaction(db, async (tx) => {
      const tally = await request.kind.run({ executor: tx, principal, now }, request.source, onProgress)
      if (tally.problemCount > 0 || request.dryRun) {
        throw new RollBack(tally)
      }
      await recordAudit(
        tx,
        principal,
        {
          action: 'import',
          entity: request.kind.name,
          entityId: request.id,
          details: {
            format: request.source.format,
            bytes: request.source.size,
            rows: tally.rows,
            created: tally.created,
          },
        },
        now,
      )
      return { status: 'succeeded', ...tally }
    })
  } catch (error) {
    if (error instanceof RollBack) {
      return { status: error.tally.problemCount > 0 ? 'failed' : 'succeeded', ...error.tally }
    }
    throw error
  }
}
