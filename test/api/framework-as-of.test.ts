import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FrameworkDetail } from '../../src/contract/framework.ts'
import { engines } from '../support/databases.ts'
import { demoNow, startTestServer, type TestServer } from '../support/server.ts'

describe.each(engines)('framework membership as of a day on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine, { now: demoNow })
  })
  afterAll(() => server.close())

  async function statuses(query: string): Promise<Record<string, string>> {
    const response = await fetch(`${server.url}/api/v1/frameworks/pfp${query}`)
    expect(response.status).toBe(200)
    const detail = FrameworkDetail.parse(await response.json())
    return Object.fromEntries(detail.members.map((member) => [member.code, member.status]))
  }

  it('shows the statuses of 1996 beside the 1996 members, not today’s', async () => {
    const in1996 = await statuses('?asOf=1996-01-01')
    expect(in1996.ALB).toBe('active')
    expect(in1996.RUS).toBe('active')
  })

  it('shows today’s suspension today', async () => {
    const now = await statuses('')
    expect(now.RUS).toBe('suspended')
    expect(now.ALB).toBeUndefined()
  })
})
