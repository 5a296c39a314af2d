import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { LiaisonOfficeInput, type LiaisonOfficePatch } from '../../../contract/liaison-office.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { DomainError, invalidInput } from '../../../domain/errors.ts'
import { type LiaisonOfficeDraft, officeProblems } from '../../../domain/liaison-office.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { type Executor, inTransaction } from '../../../store/executor.ts'
import {
  allPartnerCodes,
  countryKnown,
  findVisibleOffice,
  insertOffice,
  type LiaisonOfficeRecord,
  lockOffice,
  unseenPartners,
  updateOffice,
} from '../../../store/liaison-office-store.ts'
import { mergePatch } from '../../merge-patch.ts'
import { toMarking } from '../../programmes/commands/marking-input.ts'

/**
 * The liaison office commands, in the one template: a transaction that loads what the principal
 * may see, authorises, checks what a schema cannot (the zone, the countries), writes under the
 * If-Match version and records the audit entry last.
 */

type OfficeInput = z.infer<typeof LiaisonOfficeInput>

/** Every problem of an office's fields at once: its zone, host country and partners. */
async function checkOffice(tx: Executor, principal: Principal, input: OfficeInput): Promise<void> {
  const problems = [...officeProblems(input)]
  if (!(await countryKnown(tx, input.country))) {
    problems.push({ pointer: '#/country', detail: `No country has the code ${input.country}` })
  }
  for (const code of await unseenPartners(tx, principal, input.partners)) {
    problems.push({ pointer: '#/partners', detail: `No partner has the code ${code}` })
  }
  if (problems.length > 0) throw invalidInput('liaison office', problems)
}

function draftOf(input: OfficeInput, marking: LiaisonOfficeDraft['marking']): LiaisonOfficeDraft {
  return {
    city: input.city,
    country: input.country,
    timeZone: input.timeZone,
    partners: [...new Set(input.partners)].sort(),
    status: input.status,
    marking,
  }
}

/** Records a new office; returns its id. */
export async function createOffice(
  db: Db,
  principal: Principal,
  input: OfficeInput,
  now: Date,
): Promise<string> {
  authorize(principal, 'create', { type: 'liaison-office' })
  const draft = draftOf(input, toMarking(principal, input.marking, null))
  const id = randomUUID()
  await inTransaction(db, async (tx) => {
    await checkOffice(tx, principal, input)
    await insertOffice(tx, id, draft, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'create',
        entity: 'liaison-office',
        entityId: id,
        details: { city: draft.city, country: draft.country, status: draft.status },
      },
      now,
    )
  })
  return id
}

function asInput(record: LiaisonOfficeRecord): z.input<typeof LiaisonOfficeInput> {
  return {
    city: record.city,
    country: record.country,
    timeZone: record.timeZone,
    partners: [...record.partners],
    status: record.status,
    marking: {
      classification: record.marking.classification,
      releasableTo: [...record.marking.releasableTo],
    },
  }
}

/** Changes an office under If-Match; partners the writer cannot see are kept as they are. */
export async function patchOffice(
  db: Db,
  principal: Principal,
  input: { readonly id: string; readonly patch: z.infer<typeof LiaisonOfficePatch> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockOffice(tx, db.engine, input.id)
    const current = await findVisibleOffice(tx, principal, input.id)
    if (current === null) throw new DomainError('not-found', `No liaison office has the id ${input.id}.`)
    authorize(principal, 'update', { type: 'liaison-office' })
    const merged = mergePatch('liaison office', LiaisonOfficeInput, asInput(current), input.patch)
    await checkOffice(tx, principal, merged)
    const marking = toMarking(principal, merged.marking, current.marking)
    const shown = new Set(current.partners)
    const hidden = (await allPartnerCodes(tx, current.id)).filter((code) => !shown.has(code))
    const draft = draftOf({ ...merged, partners: [...merged.partners, ...hidden] }, marking)
    const version = await updateOffice(tx, principal, current.id, expected, draft, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'liaison-office',
        entityId: current.id,
        changes: changedFields(
          { ...asInput(current), partners: [...current.partners] },
          { ...asInput({ ...current, ...merged, marking }), partners: [...merged.partners].sort() },
        ),
      },
      now,
    )
    return version
  })
}
