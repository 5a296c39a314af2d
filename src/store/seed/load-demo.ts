import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { earliestDay, fuzzyDate } from '../../domain/fuzzy-date.ts'
import { recordAudit } from '../audit-store.ts'
import type { Db } from '../database.ts'
import { markingToColumns } from '../marking-columns.ts'
import { DemoData } from './demo-schema.ts'

export const demoDataPath = fileURLToPath(new URL('../../../data/demo.json', import.meta.url))

export async function readDemoData(path = demoDataPath): Promise<DemoData> {
  return DemoData.parse(JSON.parse(await readFile(path, 'utf8')))
}

/** Stored form of an optional EDTF date: its earliest day and precision. */
function storedDate(value: string | null): { date: string | null; precision: string | null } {
  if (value === null) {
    return { date: null, precision: null }
  }
  const parsed = fuzzyDate(value)
  return { date: earliestDay(parsed), precision: parsed.precision }
}

/** A stable id for a membership, so that loading twice does not duplicate it. */
function membershipId(framework: string, country: string, from: string | null): string {
  return createHash('sha1')
    .update(`${framework}|${country}|${from ?? ''}`)
    .digest('hex')
    .slice(0, 20)
}

/**
 * Loads the reference dataset in one transaction. Rows that already exist are left as they are,
 * so it is safe to run again; nothing a user changed is overwritten.
 */
export async function loadDemoData(db: Db, data: DemoData, now: Date): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    for (const country of data.countries) {
      await tx
        .insertInto('country')
        .values({
          code: country.code,
          name: country.name,
          capital: country.capital,
          time_zone: country.timeZone,
        })
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    for (const member of data.members) {
      const accession = storedDate(member.accession)
      await tx
        .insertInto('member')
        .values({
          country_code: member.country,
          accession_date: accession.date ?? '',
          accession_precision: accession.precision ?? 'day',
          ...markingToColumns(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    for (const partner of data.partners) {
      const since = storedDate(partner.dialogueSince)
      await tx
        .insertInto('partner')
        .values({
          country_code: partner.code,
          status: partner.status,
          summary: partner.summary,
          dialogue_date: since.date,
          dialogue_precision: since.precision,
          version: 1,
          ...markingToColumns(partner.marking),
        })
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    for (const framework of data.frameworks) {
      const started = storedDate(framework.started)
      await tx
        .insertInto('framework')
        .values({
          id: framework.id,
          name: framework.name,
          short_name: framework.shortName,
          formal: framework.formal ? 1 : 0,
          started_date: started.date,
          started_precision: started.precision,
          description: framework.description,
          source: framework.source ?? null,
          version: 1,
          ...markingToColumns(framework.marking),
        })
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    for (const membership of data.memberships) {
      const from = storedDate(membership.from)
      const to = storedDate(membership.to)
      await tx
        .insertInto('framework_membership')
        .values({
          id: membershipId(membership.framework, membership.country, membership.from),
          framework_id: membership.framework,
          country_code: membership.country,
          from_date: from.date,
          from_precision: from.precision,
          to_date: to.date,
          to_precision: to.precision,
          status: membership.status,
          note: membership.note ?? null,
          ...markingToColumns(membership.marking),
        })
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    for (const event of data.events) {
      const date = fuzzyDate(event.date)
      await tx
        .insertInto('relationship_event')
        .values({
          id: event.id,
          partner_code: event.partner,
          kind: event.kind,
          title: event.title,
          description: event.description,
          event_date: earliestDay(date),
          event_precision: date.precision,
          source: event.source ?? null,
          confidence: event.confidence ?? 'high',
          illustrative: event.illustrative === true ? 1 : 0,
          version: 1,
          ...markingToColumns(event.marking),
        })
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    for (const area of data.priorityAreas) {
      await tx
        .insertInto('priority_area')
        .values(area)
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    await recordAudit(tx, null, { action: 'seed', entity: 'dataset', entityId: 'demo' }, now)
  })
}
