import type { Marking } from '../../src/domain/marking.ts'
import { markingToColumns } from '../../src/store/marking-columns.ts'
import { hashPassword } from '../../src/store/password.ts'
import { upsertUser } from '../../src/store/user-store.ts'
import { addCooperationFixtures } from './leak-cooperation.ts'
import { addOfficeFixtures } from './leak-offices.ts'
import { addProposalFixtures } from './leak-proposals.ts'
import { addReminderFixtures } from './leak-reminders.ts'
import { fixedNow, type TestServer, testPassword } from './server.ts'

/**
 * Hidden fixtures for the leak guard, at every level a marking can sit on. Each server of the
 * guard gets the same visible fixtures; only some get the hidden ones, so a principal who may
 * not see them must get byte-for-byte the same answers from both (after the random ids of the
 * fixtures are replaced by their labels).
 */

/** Alliance only, above a partner's clearance: hidden from the public, every partner and low-cleared allies. */
export const confidential: Marking = { classification: 'CONFIDENTIAL', releasableTo: [] }
/** Released to Korea only: hidden from the public, Japan and allies cleared below RESTRICTED. */
export const koreaOnly: Marking = { classification: 'RESTRICTED', releasableTo: ['KOR'] }

/** Marker strings in every hidden title, person and note: the response text must never hold them. */
export const confidentialMarker = 'CONFMARK'
export const koreaMarker = 'KORMARK'

export type HiddenSet = 'confidential' | 'korea'

/** A user the demo lacks: an ally cleared only to UNCLASSIFIED. */
export const lowAlly = 'lowally'

export interface Fixtures {
  /** label → id on this server, for every fixture created through the API. */
  readonly ids: Map<string, string>
  /** The ids of the hidden fixtures of each set (empty when the set was not created). */
  readonly hiddenIds: Record<HiddenSet, string[]>
}

async function call(
  server: TestServer,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: string,
): Promise<{ status: number; etag: string | null; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { cookie }
  if (body !== undefined) {
    headers['content-type'] = 'application/json'
  }
  if (ifMatch !== undefined) {
    headers['if-match'] = ifMatch
  }
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  if (response.status >= 300) {
    throw new Error(`fixture ${method} ${path} answered ${response.status}: ${text}`)
  }
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: text === '' ? {} : JSON.parse(text),
  }
}

function engagement(title: string, day: string, marking: Marking, extra: Record<string, unknown> = {}) {
  return {
    kind: 'staff-talks',
    level: 'working-level',
    format: 'bilateral',
    title,
    place: 'NATO Headquarters, Brussels',
    timeZone: 'Europe/Brussels',
    start: `${day}T10:00`,
    end: `${day}T12:00`,
    participants: [{ country: 'JPN', person: null }],
    priorityAreas: ['maritime-security'],
    marking,
    ...extra,
  }
}

const publicMarking: Marking = { classification: 'PUBLIC', releasableTo: [] }

/**
 * Creates the fixtures as staff: the visible ones always, the hidden sets named. References from a
 * visible fixture to a hidden one (a sideline's parent) are left out when the hidden one is absent,
 * which is what a principal who cannot see it must be shown.
 */
export async function addLeakFixtures(server: TestServer, sets: readonly HiddenSet[]): Promise<Fixtures> {
  await upsertUser(
    server.db,
    {
      username: lowAlly,
      passwordHash: await hashPassword(testPassword),
      kind: 'ally',
      country: 'DEU',
      clearance: 'UNCLASSIFIED',
      displayName: 'Delegation cleared to UNCLASSIFIED',
      roles: ['delegation'],
    },
    fixedNow,
  )
  const staff = await server.signIn('staff')
  const ids = new Map<string, string>()
  const hiddenIds: Record<HiddenSet, string[]> = { confidential: [], korea: [] }
  const withConf = sets.includes('confidential')
  const withKor = sets.includes('korea')
  const remember = (label: string, id: unknown, set?: HiddenSet) => {
    ids.set(label, String(id))
    if (set !== undefined) {
      hiddenIds[set].push(String(id))
    }
  }

  // Engagements: one per hidden set, and a PUBLIC one whose participation and statement are hidden.
  if (withConf) {
    // Japan's participation is PUBLIC: a visible row of a hidden engagement, so that every read that
    // reaches engagements through participations must still filter the engagement itself.
    const e = await call(server, staff, 'POST', '/api/v1/engagements', {
      ...engagement(`${confidentialMarker} engagement`, '2026-03-02', confidential),
      participants: [{ country: 'JPN', person: null, marking: publicMarking }],
    })
    remember('engagement-conf', e.body.id, 'confidential')
    // A hidden summit beside the visible engagement: it must not count in the summit window.
    const summit = await call(server, staff, 'POST', '/api/v1/engagements', {
      ...engagement(`${confidentialMarker} summit`, '2026-03-05', confidential),
      kind: 'summit',
      level: 'heads-of-state-government',
      format: 'group',
    })
    remember('summit-conf', summit.body.id, 'confidential')
  }
  if (withKor) {
    const e = await call(server, staff, 'POST', '/api/v1/engagements', {
      ...engagement(`${koreaMarker} engagement`, '2026-03-03', koreaOnly),
      participants: [{ country: 'KOR', person: null }],
    })
    remember('engagement-kor', e.body.id, 'korea')
  }
  // Mongolia takes part visibly and hiddenly: its visible participation puts the engagement in
  // Mongolia's answers, and the hidden one must not raise their banners.
  const participants: Record<string, unknown>[] = [
    { country: 'JPN', person: 'Visible head of delegation' },
    { country: 'MNG', person: 'Visible Mongolian delegate' },
  ]
  if (withConf) {
    participants.push({ country: 'MNG', person: `${confidentialMarker} person`, marking: confidential })
  }
  if (withKor) {
    participants.push({ country: 'KOR', person: `${koreaMarker} person`, marking: koreaOnly })
  }
  const visible = await call(server, staff, 'POST', '/api/v1/engagements', {
    ...engagement('Visible public engagement', '2026-03-04', publicMarking),
    participants,
  })
  remember('engagement-public', visible.body.id)
  // In IP4 only through a hidden row: Korea's hidden participation, or Mongolia's hidden membership.
  const mongolian: Record<string, unknown>[] = [{ country: 'MNG', person: null, marking: publicMarking }]
  if (withConf) {
    mongolian.push({ country: 'KOR', person: `${confidentialMarker} person`, marking: confidential })
  }
  const talks = await call(server, staff, 'POST', '/api/v1/engagements', {
    ...engagement('Visible talks with Mongolia', '2026-03-07', publicMarking),
    participants: mongolian,
  })
  remember('engagement-mongolia', talks.body.id)
  if (withConf) {
    // A hidden sideline of the visible engagement.
    const hiddenSideline = await call(server, staff, 'POST', '/api/v1/engagements', {
      ...engagement(`${confidentialMarker} sideline`, '2026-03-04', confidential),
      kind: 'sideline',
      parentId: visible.body.id,
    })
    remember('sideline-conf', hiddenSideline.body.id, 'confidential')
  }
  // A visible sideline of the hidden engagement. Without the hidden set, the same sideline whose
  // parent is unknown: what a principal who cannot see the parent must be shown.
  const sideline = await call(server, staff, 'POST', '/api/v1/engagements', {
    ...engagement('Visible sideline', '2026-03-01', publicMarking),
    kind: 'sideline',
    parentId: withConf ? ids.get('engagement-conf') : ids.get('engagement-public'),
  })
  remember('engagement-sideline', sideline.body.id)
  if (!withConf) {
    await server.db.kysely
      .updateTable('engagement')
      .set({ parent_id: null })
      .where('id', '=', String(sideline.body.id))
      .execute()
  }

  // Statements: hidden ones on the PUBLIC engagement, beside a visible one.
  // Distinct days, so that lists order them the same on every server whatever their random ids.
  const statement = (title: string, marking: Marking, issuedOn: string) => ({
    kind: 'joint-statement',
    status: 'issued',
    title,
    issuedOn,
    issuers: ['NATO', 'JPN'],
    engagementId: ids.get('engagement-public'),
    marking,
  })
  if (withConf) {
    const s = await call(
      server,
      staff,
      'POST',
      '/api/v1/statements',
      statement(`${confidentialMarker} statement`, confidential, '2026-03-06'),
    )
    remember('statement-conf', s.body.id, 'confidential')
  }
  if (withKor) {
    const s = await call(
      server,
      staff,
      'POST',
      '/api/v1/statements',
      statement(`${koreaMarker} statement`, koreaOnly, '2026-03-05'),
    )
    remember('statement-kor', s.body.id, 'korea')
  }
  const s = await call(
    server,
    staff,
    'POST',
    '/api/v1/statements',
    statement('Visible statement', publicMarking, '2026-03-04'),
  )
  remember('statement-public', s.body.id)

  // Programme nodes and milestones in Japan's PUBLIC draft programme; a hidden objective first,
  // so that visible siblings' positions would move if hidden ones were counted.
  const programmePath = '/api/v1/programmes/jpn-itpp-2023'
  const programmeEtag = async () => (await call(server, staff, 'GET', programmePath)).etag ?? ''
  const detail = await call(server, staff, 'GET', programmePath)
  const objectives = detail.body.objectives as { id: string; goals: { id: string }[] }[]
  const goalId = objectives[0]?.goals[0]?.id ?? ''
  for (const [set, marker, marking] of [
    ['confidential', confidentialMarker, confidential],
    ['korea', koreaMarker, koreaOnly],
  ] as const) {
    if (!sets.includes(set)) {
      continue
    }
    const node = await call(
      server,
      staff,
      'POST',
      `${programmePath}/nodes`,
      { kind: 'objective', parentId: null, title: `${marker} objective`, marking, position: 0 },
      await programmeEtag(),
    )
    remember(`node-${set}`, node.body.id, set)
    const milestone = await call(
      server,
      staff,
      'POST',
      `${programmePath}/milestones`,
      { goalId, title: `${marker} milestone`, due: '2026-06-30', marking },
      await programmeEtag(),
    )
    remember(`milestone-${set}`, milestone.body.id, set)
    // A hidden programme of a partner without one, and a hidden membership and relationship event.
    const programme = await call(server, staff, 'POST', '/api/v1/programmes', {
      partner: set === 'confidential' ? 'MNG' : 'KOR',
      kind: 'ITPP',
      title: `${marker} programme`,
      periodFrom: '2027',
      periodTo: '2030',
      marking,
    })
    remember(`programme-${set}`, programme.body.id, set)
    const membershipId = `hidden-${set}-membership`
    await server.db.kysely
      .insertInto('framework_membership')
      .values({
        id: membershipId,
        framework_id: 'ip4',
        country_code: set === 'confidential' ? 'MNG' : 'KOR',
        from_date: '2024-01-01',
        from_precision: 'day',
        to_date: null,
        to_precision: null,
        status: 'active',
        note: `${marker} membership`,
        ...markingToColumns(marking),
      })
      .execute()
    hiddenIds[set].push(membershipId)
    const eventId = `hidden-${set}-event`
    await server.db.kysely
      .insertInto('relationship_event')
      .values({
        id: eventId,
        partner_code: 'JPN',
        kind: 'meeting',
        title: `${marker} relationship event`,
        event_date: '2025-05-05',
        event_precision: 'day',
        description: '',
        source: null,
        confidence: 'high',
        illustrative: 0,
        version: 1,
        ...markingToColumns(marking),
      })
      .execute()
    hiddenIds[set].push(eventId)
  }
  // A hidden partner, and a hidden framework that Japan visibly belongs to.
  for (const [set, marker, marking] of [
    ['confidential', confidentialMarker, confidential],
    ['korea', koreaMarker, koreaOnly],
  ] as const) {
    if (!sets.includes(set)) {
      continue
    }
    const code = set === 'confidential' ? 'XCF' : 'XKR'
    await server.db.kysely
      .insertInto('country')
      .values({ code, name: `${marker} land`, capital: null, time_zone: 'UTC' })
      .execute()
    await server.db.kysely
      .insertInto('partner')
      .values({
        country_code: code,
        status: 'active',
        summary: `${marker} partner`,
        dialogue_date: null,
        dialogue_precision: null,
        version: 1,
        ...markingToColumns(marking),
      })
      .execute()
    hiddenIds[set].push(code)
    const frameworkId = `hidden-${set}-framework`
    await server.db.kysely
      .insertInto('framework')
      .values({
        id: frameworkId,
        name: `${marker} framework`,
        short_name: `${marker} framework`,
        formal: 0,
        started_date: null,
        started_precision: null,
        description: '',
        source: null,
        version: 1,
        ...markingToColumns(marking),
      })
      .execute()
    hiddenIds[set].push(frameworkId)
    await server.db.kysely
      .insertInto('framework_membership')
      .values({
        id: `visible-jpn-in-${frameworkId}`,
        framework_id: frameworkId,
        country_code: 'JPN',
        from_date: '2024-01-01',
        from_precision: 'day',
        to_date: null,
        to_precision: null,
        status: 'active',
        note: null,
        ...markingToColumns(publicMarking),
      })
      .execute()
  }
  const proposals = await addProposalFixtures(
    server,
    staff,
    sets.map((set) => ({
      label: `proposal-${set}`,
      title: `${set === 'confidential' ? confidentialMarker : koreaMarker} proposal`,
      marking: set === 'confidential' ? confidential : koreaOnly,
    })),
    ids.get('engagement-conf'),
  )
  for (const [label, id] of proposals) {
    remember(
      label,
      id,
      label === 'proposal-public' ? undefined : (label.slice('proposal-'.length) as HiddenSet),
    )
  }
  const silenceProposals = await addReminderFixtures(
    server,
    staff,
    fixedNow,
    sets.map((set) => ({
      label: `silence-proposal-${set}`,
      title: `${set === 'confidential' ? confidentialMarker : koreaMarker} silence proposal`,
      marking: set === 'confidential' ? confidential : koreaOnly,
    })),
  )
  for (const [label, id] of silenceProposals) {
    remember(label, id, label.slice('silence-proposal-'.length) as HiddenSet)
  }
  const offices = await addOfficeFixtures(
    server,
    staff,
    sets.map((set) => ({
      label: set,
      city: `${set === 'confidential' ? confidentialMarker : koreaMarker} office`,
      partner: set === 'confidential' ? 'XCF' : 'XKR',
      marking: set === 'confidential' ? confidential : koreaOnly,
    })),
  )
  for (const [label, id] of offices) {
    const set = (['confidential', 'korea'] as const).find((name) => label.endsWith(name))
    remember(label, id, set)
  }
  const cooperation = await addCooperationFixtures(
    server,
    staff,
    sets.map((set) => ({
      label: set,
      marker: set === 'confidential' ? confidentialMarker : koreaMarker,
      marking: set === 'confidential' ? confidential : koreaOnly,
    })),
  )
  for (const [label, id] of cooperation) {
    const set = (['confidential', 'korea'] as const).find((name) => label.endsWith(name))
    remember(label, id, set)
  }
  return { ids, hiddenIds }
}
