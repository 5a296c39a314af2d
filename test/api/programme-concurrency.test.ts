import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProgrammeDetail } from '../../src/contract/programme-view.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { send } from './programmes-support.ts'

const japan = '/api/v1/programmes/jpn-itpp-2023'
const writers = 50

/**
 * Finding 4 of issue 7: concurrent writes to one programme's tree. Each command takes the
 * programme's row lock first, so on PostgreSQL they queue instead of deadlocking (40P01 → 500), and
 * a unique index keeps sibling positions distinct whatever happens.
 */
describe.each(engines)('concurrent writes to one programme on %s', (engine) => {
  let server: TestServer
  let staff: string
  let jpn: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    jpn = await server.signIn('jpn')
  })
  afterAll(() => server.close())

  /** The stored positions of the children of `parentId`, in order. */
  const positions = async (parentId: string | null) => {
    const rows = await server.db.kysely
      .selectFrom('programme_node')
      .select('position')
      .where('programme_id', '=', 'jpn-itpp-2023')
      .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
      .orderBy('position')
      .execute()
    return rows.map((row) => Number(row.position))
  }

  it(`answers ${writers} concurrent node inserts without a 5xx and keeps sibling positions contiguous`, async () => {
    const programme = ProgrammeDetail.parse((await send(server, 'GET', japan, staff)).body)
    const goalId = programme.objectives[0]?.goals[0]?.id ?? ''
    const answers = await Promise.all(
      Array.from({ length: writers }, async (_, i) => {
        // Half at the front, half appended, as the partner and staff: every insert renumbers.
        const answer = await send(server, 'POST', `${japan}/nodes`, i % 2 === 0 ? staff : jpn, {
          body: {
            kind: i % 3 === 0 ? 'objective' : 'activity',
            parentId: i % 3 === 0 ? null : goalId,
            title: `Concurrent part ${i}`,
            ...(i % 4 < 2 ? { position: 0 } : {}),
          },
        })
        return answer.status
      }),
    )
    expect(answers.filter((status) => status >= 500)).toEqual([])
    expect(answers.every((status) => status === 201 || status === 409)).toBe(true)
    for (const parentId of [null, goalId]) {
      const stored = await positions(parentId)
      expect(stored).toEqual(stored.map((_, index) => index))
    }
    const after = ProgrammeDetail.parse((await send(server, 'GET', japan, staff)).body)
    const created = after.objectives.flatMap((o) => [
      o.title,
      ...o.goals.flatMap((g) => g.activities.map((a) => a.title)),
    ])
    expect(created.filter((title) => title.startsWith('Concurrent part')).length).toBe(
      answers.filter((status) => status === 201).length,
    )
  })

  it('refuses two siblings in one place at the top level and under a parent', async () => {
    const node = (id: string, parentId: string | null, position: number) => ({
      id,
      programme_id: 'jpn-itpp-2023',
      parent_id: parentId,
      kind: parentId === null ? 'objective' : 'activity',
      position,
      title: id,
      description: '',
      priority_areas: '',
      illustrative: 0,
      version: 1,
      classification: 0,
      releasable_to: '',
    })
    const goalId =
      ProgrammeDetail.parse((await send(server, 'GET', japan, staff)).body).objectives[0]?.goals[0]?.id ?? ''
    await expect(
      server.db.kysely
        .insertInto('programme_node')
        .values(node('dup-top', null, 0))
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i)
    await expect(
      server.db.kysely
        .insertInto('programme_node')
        .values(node('dup-child', goalId, 0))
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i)
  })
})
