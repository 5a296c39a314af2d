import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { openDatabase } from '../src/store/connect.ts'
import type { Db } from '../src/store/database.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { upsertDemoUsers } from '../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../src/store/seed/seed-all.ts'

/**
 * Builds a large SQLite database for the benchmarks: the real schema and demo data, then thousands
 * of synthetic partner countries, each with framework memberships and a timeline whose markings are
 * mixed (public, released to JPN, alliance only, above a partner's clearance), so that the marking
 * filter has real work to do. Run alone: `node --import tsx bench/generate-foundation.ts [file] [count]`.
 */

export const benchPassword = 'bench password, loopback only'
export const benchNow = new Date('2026-11-27T12:00:00Z')

export interface GenerateOptions {
  readonly partners: number
  readonly eventsPerPartner: number
}

export const defaultGenerateOptions: GenerateOptions = { partners: 5000, eventsPerPartner: 20 }

export interface GeneratedCounts {
  readonly partners: number
  readonly memberships: number
  readonly events: number
}

/** Creates (or extends) the SQLite file at `file`, migrated and seeded, and returns it open. */
export async function generateFoundationDatabase(
  file: string,
  options: GenerateOptions = defaultGenerateOptions,
): Promise<{ db: Db; counts: GeneratedCounts }> {
  const db = await openDatabase(file)
  await migrateToLatest(db)
  await loadAllDemoData(db, benchNow)
  await upsertDemoUsers(db, benchPassword, benchNow)
  const counts = insertSyntheticPartners(db, options)
  // No ANALYZE: the app never runs it, and with the STAT4 statistics that better-sqlite3's SQLite
  // keeps, every statement with a bound parameter on an indexed column is re-prepared on each run.
  return { db, counts }
}

/** A small deterministic generator, so every run benchmarks the same data. */
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

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
// ISO 3166 leaves X.. and QM..QZ to users; further prefixes are used only when more codes are asked for.
const codePrefixes = 'XQZWYVUO'

/** Three-letter codes that no loaded country uses, so the API's code pattern still accepts them. */
function syntheticCodes(count: number, taken: ReadonlySet<string>): string[] {
  const codes: string[] = []
  for (const first of codePrefixes) {
    for (const second of letters) {
      for (const third of letters) {
        const code = `${first}${second}${third}`
        if (!taken.has(code)) {
          codes.push(code)
        }
        if (codes.length === count) {
          return codes
        }
      }
    }
  }
  throw new RangeError(`Only ${codes.length} synthetic codes are available; ${count} were asked for`)
}

const syllables = [
  'ka',
  'lo',
  'mer',
  'vi',
  'tan',
  'sa',
  'dor',
  'el',
  'bra',
  'nu',
  'qua',
  'ri',
  'zen',
  'ho',
  'fal',
]
const zones = [
  'Europe/Paris',
  'Asia/Tokyo',
  'Africa/Cairo',
  'America/Bogota',
  'Pacific/Auckland',
  'Asia/Dubai',
]
const frameworks = ['eapc', 'pfp', 'md', 'ici', 'pag']
const kinds = ['dialogue', 'meeting', 'agreement', 'summit', 'declaration', 'mission', 'other']

/** Markings as [classification rank, releasable_to]: the mix a partner user meets in practice. */
const eventMarkings: ReadonlyArray<readonly [number, string]> = [
  [0, ''],
  [0, ''],
  [0, ''],
  [0, ''],
  [0, ''],
  [1, '|JPN|KOR|'],
  [2, '|JPN|'],
  [2, '|JPN|'],
  [2, ''],
  [3, '|JPN|'],
]
const partnerMarkings: ReadonlyArray<readonly [number, string]> = [
  ...Array.from({ length: 16 }, (): readonly [number, string] => [0, '']),
  [1, '|JPN|KOR|'],
  [2, '|JPN|'],
  [2, ''],
  [2, '|KOR|'],
]

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) {
    throw new RangeError('pick from an empty list')
  }
  return item
}

/** A stored fuzzy date (earliest day + precision) between 1990 and 2025. */
function storedFuzzyDate(random: () => number): [string, string] {
  const year = 1990 + Math.floor(random() * 36)
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
  const roll = random()
  if (roll < 0.05) {
    return [`${String(year).slice(0, 3)}0-01-01`, 'decade']
  }
  if (roll < 0.3) {
    return [`${year}-01-01`, 'year']
  }
  if (roll < 0.55) {
    return [`${year}-${month}-01`, 'month']
  }
  return [`${year}-${month}-${day}`, 'day']
}

function syntheticName(random: () => number, code: string): string {
  const length = 2 + Math.floor(random() * 2)
  const word = Array.from({ length }, () => pick(random, syllables)).join('')
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}ia ${code}`
}

/** Inserts the synthetic partners with prepared statements in one transaction: seconds, not minutes. */
export function insertSyntheticPartners(db: Db, options: GenerateOptions): GeneratedCounts {
  const sqlite = db.sqlite
  if (sqlite === null) {
    throw new Error('The foundation benchmark generator writes SQLite only')
  }
  const taken = new Set(
    sqlite
      .prepare<[], { code: string }>('select code from country')
      .all()
      .map((row) => row.code),
  )
  const random = seededRandom(20261127)
  const insertCountry = sqlite.prepare(
    'insert into country (code, name, capital, time_zone) values (?, ?, ?, ?) on conflict do nothing',
  )
  const insertPartner = sqlite.prepare(
    `insert into partner (country_code, status, summary, dialogue_date, dialogue_precision, classification,
       releasable_to, version) values (?, ?, ?, ?, ?, ?, ?, 1) on conflict do nothing`,
  )
  const insertMembership = sqlite.prepare(
    `insert into framework_membership (id, framework_id, country_code, from_date, from_precision, to_date,
       to_precision, status, note, classification, releasable_to) values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)
     on conflict do nothing`,
  )
  const insertEvent = sqlite.prepare(
    `insert into relationship_event (id, partner_code, kind, title, description, event_date, event_precision,
       source, confidence, illustrative, classification, releasable_to, version)
     values (?, ?, ?, ?, ?, ?, ?, null, ?, 1, ?, ?, 1) on conflict do nothing`,
  )
  let memberships = 0
  let events = 0
  const codes = syntheticCodes(options.partners, taken)
  sqlite.transaction(() => {
    for (const code of codes) {
      const name = syntheticName(random, code)
      insertCountry.run(code, name, `${name} City`, pick(random, zones))
      const [since, sincePrecision] = storedFuzzyDate(random)
      const [partnerClass, partnerRelease] = pick(random, partnerMarkings)
      const status = random() < 0.9 ? 'active' : 'suspended'
      insertPartner.run(
        code,
        status,
        `Synthetic partner for benchmarks.`,
        since,
        sincePrecision,
        partnerClass,
        partnerRelease,
      )
      const joined = new Set<string>()
      const frameworkCount = 1 + Math.floor(random() * 3)
      for (let index = 0; index < frameworkCount; index++) {
        const framework = pick(random, frameworks)
        if (joined.has(framework)) {
          continue
        }
        joined.add(framework)
        const [from, fromPrecision] = storedFuzzyDate(random)
        const ended = random() < 0.15
        const [membershipClass, membershipRelease] = random() < 0.85 ? [0, ''] : [2, '']
        insertMembership.run(
          `bench-${code}-${framework}`,
          framework,
          code,
          from,
          fromPrecision,
          ended ? '2024-01-01' : null,
          ended ? 'day' : null,
          ended ? 'former' : 'active',
          membershipClass,
          membershipRelease,
        )
        memberships++
      }
      for (let index = 0; index < options.eventsPerPartner; index++) {
        const [date, precision] = storedFuzzyDate(random)
        const [eventClass, eventRelease] = pick(random, eventMarkings)
        insertEvent.run(
          `bench-${code}-${index}`,
          code,
          pick(random, kinds),
          `Synthetic event ${index} of ${code}`,
          'Generated for the benchmark; not a real event.',
          date,
          precision,
          random() < 0.8 ? 'high' : 'medium',
          eventClass,
          eventRelease,
        )
        events++
      }
    }
  })()
  return { partners: codes.length, memberships, events }
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), 'liaison-bench-')), 'foundation.db')
  const partners = Number(process.argv[3] ?? defaultGenerateOptions.partners)
  const started = performance.now()
  const { db, counts } = await generateFoundationDatabase(file, { ...defaultGenerateOptions, partners })
  await db.close()
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `${file}: +${counts.partners} partners, +${counts.memberships} memberships, +${counts.events} events in ${seconds} s`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main()
}

/** A throwaway folder for a generated database, removed by the returned function. */
export function temporaryDatabaseFile(name: string): { file: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'liaison-bench-'))
  return { file: join(folder, name), remove: () => rmSync(folder, { recursive: true, force: true }) }
}
