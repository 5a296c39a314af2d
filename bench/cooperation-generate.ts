import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { allianceBodies, itemFormats, participantRoles } from '../src/domain/cooperation/vocabulary.ts'
import { openDatabase } from '../src/store/connect.ts'
import type { Db } from '../src/store/database.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { migrations } from '../src/store/migrations/index.ts'
import { upsertDemoUsers } from '../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../src/store/seed/seed-all.ts'
import {
  benchNow,
  benchPassword,
  insertSyntheticPartners,
  temporaryDatabaseFile,
} from './generate-foundation.ts'

/**
 * The cooperation menu at twenty times e-PRIME's scale (issue 13, Deliver 6): the demo data, 118
 * synthetic partners beside the 40 demo ones (158 requesting nations), `items` menu items (1,400 a
 * year over 20 years), `events` events spread over them, two requests per event on average from
 * the 158 nations (70% approved) and `registrations` participants spread over the approved ones,
 * seated up to the event's capacity and waiting beyond it. Markings are mixed on every level, so
 * the marking filter does real work. Written by better-sqlite3 with prepared statements in one
 * transaction (marking_id given, so the triggers only confirm it), then cached under bench/.cache
 * keyed by the options and the migration list; each run works on a copy.
 */
export interface CooperationDatasetOptions {
  readonly items: number
  readonly events: number
  readonly registrations: number
}

export const fullCooperationDataset: CooperationDatasetOptions = {
  items: 28_000,
  events: 200_000,
  registrations: 1_000_000,
}

/** BENCH_SCALE=0.1 (or `--small`, 0.05) for a quick run; the shape stays the same. */
export function cooperationDatasetAt(scale: number): CooperationDatasetOptions {
  const at = (value: number) => Math.max(10, Math.round(value * scale))
  return {
    items: at(fullCooperationDataset.items),
    events: at(fullCooperationDataset.events),
    registrations: at(fullCooperationDataset.registrations),
  }
}

const generatorVersion = 1
const firstYear = 2016
const years = 20
const cacheFolder = join(dirname(fileURLToPath(import.meta.url)), '.cache')

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

function pick<T>(random: () => number, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)]
  if (value === undefined) throw new RangeError('pick from an empty list')
  return value
}

const areas: readonly (readonly [string, string])[] = [
  ['cyber-defence', 'Cyber defence'],
  ['maritime-security', 'Maritime security'],
  ['space', 'Space'],
  ['emerging-technologies', 'Emerging technologies'],
  ['disinformation', 'Countering disinformation'],
  ['climate-security', 'Climate and security'],
  ['resilience', 'Resilience'],
]
const places: readonly (readonly [string, string])[] = [
  ['Brussels', 'Europe/Brussels'],
  ['Rome', 'Europe/Rome'],
  ['Oberammergau', 'Europe/Berlin'],
  ['Tallinn', 'Europe/Tallinn'],
  ['Seoul', 'Asia/Seoul'],
  ['Tokyo', 'Asia/Tokyo'],
  ['Canberra', 'Australia/Sydney'],
  ['Norfolk', 'America/New_York'],
]
const people = ['Kim', 'Lee', 'Park', 'Sato', 'Suzuki', 'Smith', 'Martin', 'Novak', 'Rossi', 'Jensen']

/** An item's or event's marking: mostly public, some released to a few partners, some alliance only. */
function catalogueMarking(random: () => number): [number, string] {
  const roll = random()
  if (roll < 0.75) return [0, '']
  if (roll < 0.85) return [2, pick(random, ['|KOR|', '|JPN|', '|AUS|JPN|KOR|NZL|', '|AUS|NZL|'])]
  if (roll < 0.95) return [1, '']
  return [3, '']
}

/** A request's (and its participants') marking: public, released to the partner, or above its clearance. */
function requestMarking(random: () => number, partner: string): [number, string] {
  const roll = random()
  if (roll < 0.6) return [0, '']
  if (roll < 0.95) return [2, `|${partner}|`]
  return [3, `|${partner}|`]
}

function day(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10)
}

export interface CooperationCounts {
  readonly items: number
  readonly events: number
  readonly requests: number
  readonly registrations: number
  readonly nations: number
}

interface PlannedRequest {
  readonly id: string
  readonly partner: string
  readonly status: 'requested' | 'approved' | 'declined' | 'withdrawn'
  readonly createdAt: string
  readonly marking: [number, string]
}

/** Writes the synthetic catalogue, requests and registrations into the SQLite benchmark database. */
export function insertCooperation(db: Db, options: CooperationDatasetOptions): CooperationCounts {
  const sqlite = db.sqlite
  if (sqlite === null) throw new Error('The cooperation generator writes SQLite only')
  const members = sqlite
    .prepare<[], { code: string }>('select country_code as code from member order by 1')
    .all()
    .map((row) => row.code)
  const partners = sqlite
    .prepare<[], { code: string }>('select country_code as code from partner order by 1')
    .all()
    .map((row) => row.code)
  const frameworks = sqlite
    .prepare<[], { id: string }>('select id from framework order by 1')
    .all()
    .map((row) => row.id)
  const goals = new Map<string, { id: string; programme: string }[]>()
  for (const row of sqlite
    .prepare<[], { partner: string; id: string; programme: string }>(
      `select p.partner_code as partner, n.id, n.programme_id as programme from programme_node n
        join programme p on p.id = n.programme_id where n.kind = 'goal' order by n.id`,
    )
    .all()) {
    goals.set(row.partner, [...(goals.get(row.partner) ?? []), { id: row.id, programme: row.programme }])
  }
  const bodies = Object.keys(allianceBodies)
  const at = benchNow.toISOString()
  const insertItem = sqlite.prepare(
    `insert into coop_item (id, code, title, description, search_text, provider_kind, provider_code, format,
      priority_areas, languages, open_to_all, illustrative, version, created_at, updated_at, classification,
      releasable_to, marking_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, '|en|', ?, 1, 1, ?, ?, ?, ?, ?)`,
  )
  const insertArea = sqlite.prepare('insert into coop_item_area (item_id, area_id) values (?, ?)')
  const insertEligible = sqlite.prepare(
    'insert into coop_item_eligible (item_id, kind, code) values (?, ?, ?)',
  )
  const insertEvent = sqlite.prepare(
    `insert into coop_event (id, item_id, starts_on, ends_on, place, time_zone, capacity, application_deadline,
      status, version, created_at, updated_at, classification, releasable_to, marking_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
  )
  const insertRequest = sqlite.prepare(
    `insert into coop_request (id, event_id, item_id, partner_code, provider_kind, provider_code, status, note,
      decided_at, decided_by, decision_note, invitation_status, invitation_issued_at, invitation_message,
      invitation_responded_at, version, created_at, updated_at, classification, releasable_to, marking_id)
     values (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
  )
  const insertGoal = sqlite.prepare(
    'insert into coop_request_goal (request_id, goal_id, programme_id) values (?, ?, ?)',
  )
  const insertRegistration = sqlite.prepare(
    `insert into coop_registration (id, request_id, event_id, partner_code, provider_kind, provider_code,
      person_name, nation, role, status, queue_seq, attendance, version, created_at, updated_at,
      classification, releasable_to, marking_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, 1, ?, ?, ?, ?, ?)`,
  )
  const random = seededRandom(13_2026)
  // Requests first in memory, so the participants can be spread over the approved ones exactly.
  const eventsOfItem = options.events / options.items
  const plans: PlannedRequest[][] = []
  let approved = 0
  for (let event = 0; event < options.events; event++) {
    const taken = new Set<string>()
    const count = Math.floor(random() * 5)
    const list: PlannedRequest[] = []
    for (let index = 0; index < count; index++) {
      const partner = pick(random, partners)
      if (taken.has(partner)) continue
      taken.add(partner)
      const roll = random()
      const status =
        roll < 0.7 ? 'approved' : roll < 0.85 ? 'requested' : roll < 0.93 ? 'declined' : 'withdrawn'
      if (status === 'approved') approved++
      list.push({
        id: `cr-${event}-${index}`,
        partner,
        status,
        createdAt: new Date(
          Date.UTC(firstYear - 1, 6, 1) + random() * years * 365 * 86_400_000,
        ).toISOString(),
        marking: requestMarking(random, partner),
      })
    }
    plans.push(list)
  }
  const perApproved = options.registrations / Math.max(1, approved)
  let requests = 0
  let registrations = 0
  let approvedSeen = 0
  sqlite.transaction(() => {
    for (let item = 0; item < options.items; item++) {
      const year = firstYear + Math.floor((item * years) / options.items)
      const [area, areaTitle] = pick(random, areas)
      const format = pick(random, itemFormats)
      const member = random() < 0.6
      const provider = member ? pick(random, members) : pick(random, bodies)
      const title = `${areaTitle} ${format.replace('-', ' ')} ${item}`
      const description = `A ${format} on ${areaTitle.toLowerCase()} for partner officers, offered in ${year}.`
      const code = `CM-${year}-${String(item).padStart(5, '0')}`
      const roll = random()
      const openToAll = roll < 0.8 ? 1 : 0
      const [classification, releasable] = catalogueMarking(random)
      const id = `ci-${item}`
      insertItem.run(
        id,
        code,
        title,
        description,
        `${code} ${title} ${description}`.toLowerCase(),
        member ? 'member' : 'body',
        provider,
        format,
        `|${area}|`,
        openToAll,
        at,
        at,
        classification,
        releasable,
        `${classification}${releasable}`,
      )
      insertArea.run(id, area)
      if (openToAll === 0) {
        if (roll < 0.9) {
          for (const partner of new Set([pick(random, partners), pick(random, partners), 'KOR'])) {
            insertEligible.run(id, 'partner', partner)
          }
        } else {
          insertEligible.run(id, 'framework', pick(random, frameworks))
        }
      }
      const firstEvent = Math.round(item * eventsOfItem)
      const lastEvent = Math.round((item + 1) * eventsOfItem)
      for (let event = firstEvent; event < lastEvent; event++) {
        const [place, zone] = pick(random, places)
        const startDay = Math.floor(random() * 350)
        const startsOn = day(year, startDay)
        const capacity = 4 + Math.floor(random() * 12)
        const [eventClass, eventRelease] = random() < 0.85 ? [0, ''] : [classification, releasable]
        const eventId = `ce-${event}`
        insertEvent.run(
          eventId,
          id,
          startsOn,
          day(year, startDay + Math.floor(random() * 5)),
          place,
          zone,
          capacity,
          day(year, startDay - 30),
          random() < 0.03 ? 'cancelled' : 'scheduled',
          at,
          at,
          eventClass,
          eventRelease,
          `${eventClass}${eventRelease}`,
        )
        let seq = 0
        let seated = 0
        for (const plan of plans[event] ?? []) {
          const decided = plan.status === 'approved' || plan.status === 'declined'
          const invited = plan.status === 'approved'
          const [requestClass, requestRelease] = plan.marking
          insertRequest.run(
            plan.id,
            eventId,
            id,
            plan.partner,
            member ? 'member' : 'body',
            provider,
            plan.status,
            decided ? plan.createdAt : null,
            decided ? (member ? provider.toLowerCase() : 'staff') : null,
            decided ? '' : null,
            invited ? 'accepted' : null,
            invited ? plan.createdAt : null,
            invited ? 'Welcome.' : null,
            invited ? plan.createdAt : null,
            plan.createdAt,
            plan.createdAt,
            requestClass,
            requestRelease,
            `${requestClass}${requestRelease}`,
          )
          requests++
          const served = goals.get(plan.partner) ?? []
          if (served.length > 0) {
            const goal = pick(random, served)
            insertGoal.run(plan.id, goal.id, goal.programme)
          }
          if (plan.status !== 'approved') continue
          approvedSeen++
          // Spread exactly: the running target minus what is already written.
          const count = Math.round(approvedSeen * perApproved) - registrations
          for (let index = 0; index < count; index++) {
            seq++
            const cancelled = random() < 0.05
            const status = cancelled ? 'cancelled' : seated < capacity ? 'registered' : 'waitlisted'
            if (status === 'registered') seated++
            insertRegistration.run(
              `cg-${event}-${seq}`,
              plan.id,
              eventId,
              plan.partner,
              member ? 'member' : 'body',
              provider,
              `${pick(random, people)} ${seq}`,
              plan.partner,
              pick(random, participantRoles),
              status,
              seq,
              plan.createdAt,
              plan.createdAt,
              requestClass,
              requestRelease,
              `${requestClass}${requestRelease}`,
            )
            registrations++
          }
        }
      }
    }
  })()
  return { items: options.items, events: options.events, requests, registrations, nations: partners.length }
}

/** The demo partners plus synthetic ones, to make the 158 nations that request. */
const requestingNations = 158

async function generate(file: string, options: CooperationDatasetOptions): Promise<CooperationCounts> {
  const db = await openDatabase(file)
  try {
    await migrateToLatest(db)
    await loadAllDemoData(db, benchNow)
    await upsertDemoUsers(db, benchPassword, benchNow)
    const sqlite = db.sqlite
    const demoPartners = sqlite?.prepare<[], { n: number }>('select count(*) as n from partner').get()?.n ?? 0
    insertSyntheticPartners(db, { partners: requestingNations - demoPartners, eventsPerPartner: 0 })
    return insertCooperation(db, options)
  } finally {
    await db.close()
  }
}

function cacheName(options: CooperationDatasetOptions): string {
  // A new migration changes the schema the file was made with, so it gets a new name.
  const schema = createHash('sha256').update(Object.keys(migrations).join(',')).digest('hex').slice(0, 8)
  return `cooperation-v${generatorVersion}-${schema}-${options.items}i-${options.events}e-${options.registrations}r.db`
}

/**
 * A fresh copy of the dataset, open, in a throwaway folder: generated into the cache first when the
 * cache has none (or BENCH_REGENERATE is set); `generatedSeconds` is null when it came from the cache.
 */
export async function openCooperationDataset(options: CooperationDatasetOptions): Promise<{
  db: Db
  remove: () => void
  generatedSeconds: number | null
  file: string
}> {
  mkdirSync(cacheFolder, { recursive: true })
  const cached = join(cacheFolder, cacheName(options))
  let generatedSeconds: number | null = null
  if (!existsSync(cached) || process.env.BENCH_REGENERATE !== undefined) {
    const started = performance.now()
    const partial = `${cached}.partial`
    rmSync(partial, { force: true })
    await generate(partial, options)
    renameSync(partial, cached)
    generatedSeconds = (performance.now() - started) / 1000
  }
  const { file, remove } = temporaryDatabaseFile('cooperation.db')
  copyFileSync(cached, file)
  return { db: await openDatabase(file), remove, generatedSeconds, file: cached }
}
