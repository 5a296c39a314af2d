import { sql } from 'kysely'
import { DomainError, staleVersion } from '../domain/errors.ts'
import { earliestDay, type FuzzyDate, fromStoredOrNull } from '../domain/fuzzy-date.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import type { Engine } from './database.ts'
import type { Executor } from './executor.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { visibleTo } from './visibility.ts'

/**
 * The partner's profile as written: the partner row and the country row it is named from (name,
 * capital and zone live on the country, which members share). Keyed by country code.
 */
export interface PartnerDraft {
  readonly code: string
  readonly name: string
  readonly capital: string | null
  readonly timeZone: string
  readonly status: string
  readonly summary: string
  readonly dialogueSince: FuzzyDate | null
  readonly marking: Marking
}

export interface StoredPartner extends PartnerDraft {
  readonly version: number
}

/** The partner as the principal may see it, for a command to merge a patch over; null when hidden. */
export async function findPartnerForWrite(
  executor: Executor,
  principal: Principal,
  code: string,
): Promise<StoredPartner | null> {
  const row = await executor
    .selectFrom('partner as p')
    .innerJoin('country as c', 'c.code', 'p.country_code')
    .where('p.country_code', '=', code)
    .where(visibleTo(principal, 'p'))
    .select([
      'p.country_code',
      'c.name',
      'c.capital',
      'c.time_zone',
      'p.status',
      'p.summary',
      'p.dialogue_date',
      'p.dialogue_precision',
      'p.classification',
      'p.releasable_to',
      'p.version',
    ])
    .executeTakeFirst()
  if (row === undefined) return null
  return {
    code: row.country_code,
    name: row.name,
    capital: row.capital,
    timeZone: row.time_zone,
    status: row.status,
    summary: row.summary,
    dialogueSince: fromStoredOrNull(row.dialogue_date, row.dialogue_precision),
    marking: markingFromColumns(row),
    version: Number(row.version),
  }
}

/** What the register already holds under a code: a partner row, a member row, a country row. */
export async function codeInUse(
  executor: Executor,
  code: string,
): Promise<{ partner: boolean; member: boolean; country: boolean }> {
  const [partner, member, country] = await Promise.all([
    executor.selectFrom('partner').select('country_code').where('country_code', '=', code).executeTakeFirst(),
    executor.selectFrom('member').select('country_code').where('country_code', '=', code).executeTakeFirst(),
    executor.selectFrom('country').select('code').where('code', '=', code).executeTakeFirst(),
  ])
  return { partner: partner !== undefined, member: member !== undefined, country: country !== undefined }
}

/** Takes the partner's row lock (PostgreSQL; SQLite has one writer) so concurrent commands queue. */
export async function lockPartner(executor: Executor, engine: Engine, code: string): Promise<void> {
  if (engine === 'postgres') {
    await sql`select country_code from partner where country_code = ${code} for update`.execute(executor)
  }
}

async function writeCountry(executor: Executor, draft: PartnerDraft, exists: boolean): Promise<void> {
  const values = { name: draft.name, capital: draft.capital, time_zone: draft.timeZone }
  if (exists) {
    await executor.updateTable('country').set(values).where('code', '=', draft.code).execute()
  } else {
    await executor
      .insertInto('country')
      .values({ code: draft.code, ...values })
      .execute()
  }
}

function partnerColumns(draft: PartnerDraft) {
  return {
    status: draft.status,
    summary: draft.summary,
    dialogue_date: draft.dialogueSince === null ? null : earliestDay(draft.dialogueSince),
    dialogue_precision: draft.dialogueSince?.precision ?? null,
    ...markingToColumns(draft.marking),
  }
}

/** A new partner, with its country entered into the register or brought up to date there. */
export async function insertPartner(
  executor: Executor,
  draft: PartnerDraft,
  countryExists: boolean,
): Promise<void> {
  await writeCountry(executor, draft, countryExists)
  await executor
    .insertInto('partner')
    .values({ country_code: draft.code, version: 1, ...partnerColumns(draft) })
    .execute()
}

/**
 * Writes the partner when `expected` is still its version; returns the new version. The country
 * is written first so that the partner row's own update (which always happens: the version moves)
 * refreshes the search entry, whose title is the country's name.
 */
export async function updatePartner(
  executor: Executor,
  principal: Principal,
  expected: number,
  draft: PartnerDraft,
): Promise<number> {
  await writeCountry(executor, draft, true)
  const result = await executor
    .updateTable('partner')
    .set({ ...partnerColumns(draft), version: expected + 1 })
    .where('country_code', '=', draft.code)
    .where('version', '=', expected)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) {
    const now = await findPartnerForWrite(executor, principal, draft.code)
    throw now === null
      ? new DomainError('not-found', `No partner has the code ${draft.code}.`)
      : staleVersion('partner', now.version)
  }
  return expected + 1
}
