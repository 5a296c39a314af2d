import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { ProgrammeCreate, ProgrammePatch } from '../../../contract/programme.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { fuzzyDate } from '../../../domain/fuzzy-date.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { inTransaction } from '../../../store/executor.ts'
import { nextRevision } from '../../../store/programme-revision-store.ts'
import {
  assertPeriod,
  findVisibleProgramme,
  headerColumns,
  insertProgramme,
  invalidField,
  requireVisiblePartner,
  updateHeader,
} from '../../../store/programme-store.ts'
import { toMarking } from './marking-input.ts'
import { assertCurrent, inProgrammeTransaction, openProgramme, programmeResource } from './open-programme.ts'

/** Starts a draft programme for a partner; only the alliance and the partner itself may. Returns its id. */
export async function createProgramme(
  db: Db,
  principal: Principal,
  input: z.infer<typeof ProgrammeCreate>,
  _expected: null,
  now: Date,
): Promise<string> {
  return inTransaction(db, async (tx) => {
    const partnerCode = await requireVisiblePartner(tx, principal, input.partner)
    authorize(principal, 'programme.create', {
      type: 'programme',
      partnerCode,
      status: 'draft',
      textApproved: false,
    })
    const periodFrom = fuzzyDate(input.periodFrom)
    const periodTo = fuzzyDate(input.periodTo)
    assertPeriod(periodFrom, periodTo)
    if (input.supersedesId !== null) {
      const old = await findVisibleProgramme(tx, principal, input.supersedesId)
      if (old === null || old.partnerCode !== partnerCode) {
        throw invalidField('supersedesId', 'Name a programme of the same partner')
      }
    }
    const id = randomUUID()
    await insertProgramme(
      tx,
      id,
      {
        partnerCode,
        kind: input.kind,
        title: input.title,
        periodFrom,
        periodTo,
        supersedesId: input.supersedesId,
        publicDiplomacy: input.publicDiplomacy,
        nextReview: input.nextReview,
        marking:
          input.marking === undefined
            ? { classification: 'RESTRICTED', releasableTo: [partnerCode] }
            : toMarking(principal, input.marking, null),
      },
      now,
    )
    await recordAudit(
      tx,
      principal,
      { action: 'create', entity: 'programme', entityId: id, details: { title: input.title } },
      now,
    )
    return id
  })
}

/** Changes the programme header (title, period, public diplomacy, next review, marking). */
export async function changeProgrammeHeader(
  db: Db,
  principal: Principal,
  input: { programmeId: string; patch: z.infer<typeof ProgrammePatch> },
  expected: number,
  now: Date,
): Promise<void> {
  await inProgrammeTransaction(db, input.programmeId, async (tx) => {
    const programme = await openProgramme(tx, db, principal, input.programmeId)
    authorize(principal, 'programme.edit', programmeResource(programme))
    assertCurrent(programme, expected)
    const { patch } = input
    const header = {
      title: patch.title ?? programme.title,
      periodFrom: patch.periodFrom === undefined ? programme.periodFrom : fuzzyDate(patch.periodFrom),
      periodTo: patch.periodTo === undefined ? programme.periodTo : fuzzyDate(patch.periodTo),
      publicDiplomacy: patch.publicDiplomacy ?? programme.publicDiplomacy,
      nextReview: patch.nextReview === undefined ? programme.nextReview : patch.nextReview,
      marking:
        patch.marking === undefined
          ? programme.marking
          : toMarking(principal, patch.marking, programme.marking),
    }
    assertPeriod(header.periodFrom, header.periodTo)
    const revision = await nextRevision(tx, programme.id, now)
    await updateHeader(tx, programme.id, revision, headerColumns(header))
    const before = {
      title: programme.title,
      periodFrom: programme.periodFrom,
      periodTo: programme.periodTo,
      publicDiplomacy: programme.publicDiplomacy,
      nextReview: programme.nextReview,
      marking: programme.marking,
    }
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'programme',
        entityId: programme.id,
        changes: changedFields(before, header),
      },
      now,
    )
  })
}
