import { engagementFormats, engagementKinds, engagementLevels } from '../src/domain/engagement.ts'
import { statementKinds, statementStatuses } from '../src/domain/engagement-statement.ts'
import { openDatabase } from '../src/store/connect.ts'
import type { Db } from '../src/store/database.ts'
import { derivedTimeColumns } from '../src/store/engagement-write-store.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { upsertDemoUsers } from '../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../src/store/seed/seed-all.ts'
import { benchNow, benchPassword } from './generate-foundation.ts'

/**
 * A large engagement dataset for the benchmark: the demo data, then `count` synthetic engagements
 * over the 40 demo partners and 20 years (2006–2025), written with one prepared INSERT per table
 * in one SQLite transaction. Markings are mixed (public, released to JPN, alliance only, above a
 * partner's clearance), so the marking filter does real work for the partner user `jpn`.
 */
export interface EngagementBenchOptions {
  readonly count: number
  readonly firstYear: number
  readonly years: number
}

export const defaultEngagementBench: EngagementBenchOptions = { count: 100_000, firstYear: 2006, years: 20 }

// Sideline meetings need a parent, and summits are placed separately.
const ordinaryKinds = engagementKinds.filter((kind) => kind !== 'summit' && kind !== 'sideline')
const zones = [
  'Europe/Brussels',
  'Europe/Madrid',
  'America/New_York',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Europe/Vilnius',
]

function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Marking columns: 70% public, 15% restricted released to JPN, 10% alliance only, 5% confidential. */
function marking(roll: number): { classification: number; releasable_to: string } {
  if (roll < 0.7) {
    return { classification: 0, releasable_to: '' }
  }
  if (roll < 0.85) {
    return { classification: 2, releasable_to: '|JPN|' }
  }
  if (roll < 0.95) {
    return { classification: 1, releasable_to: '' }
  }
  return { classification: 3, releasable_to: '|JPN|' }
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

export interface EngagementCounts {
  readonly engagements: number
  readonly participants: number
  readonly statements: number
  readonly associations: number
}

export async function generateEngagementDatabase(
  file: string,
  options: EngagementBenchOptions = defaultEngagementBench,
): Promise<{ db: Db; engagements: number; participants: number; partners: readonly string[] }> {
  const db = await openDatabase(file)
  await migrateToLatest(db)
  await loadAllDemoData(db, benchNow)
  await upsertDemoUsers(db, benchPassword, benchNow)
  const { partners, counts } = insertSyntheticEngagements(db, options)
  return { db, engagements: counts.engagements, participants: counts.participants, partners }
}

/**
 * Inserts `options.count` engagements over the partners present now (call it before adding
 * synthetic partners, so engagements stay with the 40 demo partners), 1–3 participations each, and
 * as many statements (`statementsPerEngagement`), each associated with 1–3 partners.
 */
export function insertSyntheticEngagements(
  db: Db,
  options: EngagementBenchOptions,
  statementsPerEngagement = 0,
): { partners: readonly string[]; counts: EngagementCounts } {
  const sqlite = db.sqlite
  if (sqlite === null) {
    throw new Error('The generator needs SQLite')
  }
  const partners = sqlite
    .prepare<[], { country_code: string }>('select country_code from partner order by country_code')
    .all()
    .map((row) => row.country_code)
  const insertEngagement = sqlite.prepare(
    `insert into engagement (id, kind, level, format, title, summary, host, place, time_zone, all_day,
      start_local, end_local, start_utc, end_utc, start_day, start_day_num, end_day_num, parent_id,
      priority_areas, outcomes, classification, releasable_to, version, created_at, updated_at)
     values (@id, @kind, @level, @format, @title, '', null, @place, @time_zone, @all_day, @start_local,
      @end_local, @start_utc, @end_utc, @start_day, @start_day_num, @end_day_num, null, @priority_areas,
      '[]', @classification, @releasable_to, 1, @at, @at)`,
  )
  const insertParticipant = sqlite.prepare(
    `insert into engagement_participant (engagement_id, position, country_code, person, role, level, classification, releasable_to)
     values (?, ?, ?, null, null, ?, ?, ?)`,
  )
  const insertStatement = sqlite.prepare(
    `insert into engagement_statement (id, kind, status, title, summary, issued_on, issuers, engagement_id,
      priority_areas, classification, releasable_to, version, created_at, updated_at)
     values (?, ?, ?, ?, '', ?, '|NATO|', ?, ?, ?, ?, 1, ?, ?)`,
  )
  const insertAssociation = sqlite.prepare(
    `insert into engagement_statement_association (statement_id, country_code, associated_at, classification, releasable_to)
     values (?, ?, ?, ?, ?)`,
  )
  const random = seededRandom(2026)
  let statements = 0
  let associations = 0
  const areas = ['cyber-defence', 'maritime-security', 'space', 'resilience', 'disinformation']
  let participants = 0
  sqlite.transaction(() => {
    for (let index = 0; index < options.count; index++) {
      const year = options.firstYear + Math.floor(random() * options.years)
      const month = 1 + Math.floor(random() * 12)
      const day = 1 + Math.floor(random() * 28)
      const hour = 8 + Math.floor(random() * 9)
      // About 2 summits a year: rare, as they are.
      const kind =
        random() < 0.0004 ? 'summit' : (ordinaryKinds[Math.floor(random() * ordinaryKinds.length)] ?? 'other')
      const level = engagementLevels[Math.floor(random() * engagementLevels.length)] ?? 'working-level'
      const allDay = kind === 'summit'
      const start = allDay
        ? `${year}-${pad(month)}-${pad(day)}`
        : `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:00`
      const end = allDay
        ? `${year}-${pad(month)}-${pad(day + 1)}`
        : `${year}-${pad(month)}-${pad(day)}T${pad(hour + 1)}:30`
      const timing = { allDay, start, end, timeZone: zones[index % zones.length] ?? 'Europe/Brussels' }
      const mark = marking(random())
      const id = `bench-${index}`
      insertEngagement.run({
        id,
        kind,
        level,
        format: engagementFormats[Math.floor(random() * engagementFormats.length)] ?? 'group',
        title: `Synthetic engagement ${index}`,
        place: 'Brussels',
        ...derivedTimeColumns(timing),
        priority_areas: `|${areas[index % areas.length]}|`,
        ...mark,
        at: benchNow.toISOString(),
      })
      const taking = 1 + Math.floor(random() * 3)
      const chosen = new Set<string>()
      while (chosen.size < taking) {
        chosen.add(partners[Math.floor(random() * partners.length)] ?? 'JPN')
      }
      let position = 0
      for (const country of chosen) {
        insertParticipant.run(id, position, country, null, mark.classification, mark.releasable_to)
        position++
        participants++
      }
      for (let statementIndex = 0; statementIndex < statementsPerEngagement; statementIndex++) {
        const statementId = `${id}-s${statementIndex}`
        const statementMark = marking(random())
        const at = benchNow.toISOString()
        insertStatement.run(
          statementId,
          statementKinds[Math.floor(random() * statementKinds.length)] ?? 'declaration',
          statementStatuses[Math.floor(random() * statementStatuses.length)] ?? 'issued',
          `Synthetic statement ${statementIndex} of engagement ${index}`,
          start.slice(0, 10),
          id,
          `|${areas[(index + statementIndex) % areas.length]}|`,
          statementMark.classification,
          statementMark.releasable_to,
          at,
          at,
        )
        statements++
        for (const country of chosen) {
          insertAssociation.run(
            statementId,
            country,
            at,
            statementMark.classification,
            statementMark.releasable_to,
          )
          associations++
        }
      }
    }
  })()
  return { partners, counts: { engagements: options.count, participants, statements, associations } }
}
