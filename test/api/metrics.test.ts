import { statSync } from 'node:fs'
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/**
 * /metrics speaks the Prometheus text format (checked by an independent parser), labels requests
 * by route pattern and status class (never the raw URL), reports the database, and is readable
 * only from the host itself or with the configured bearer token.
 */

async function scrape(server: TestServer, headers: Record<string, string> = {}): Promise<PrometheusFamily[]> {
  const response = await fetch(`${server.url}/metrics`, { headers })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return parsePrometheusTextFormat(await response.text())
}

function family(families: PrometheusFamily[], name: string): PrometheusFamily {
  const found = families.find((each) => each.name === name)
  if (found === undefined) {
    throw new Error(`no metric family ${name} in ${families.map((each) => each.name).join(', ')}`)
  }
  return found
}

describe.each(engines)('/metrics on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(async () => {
    await server.close()
  })

  it('counts requests by route pattern and status class, with no id in any label', async () => {
    for (const code of ['JPN', 'KOR', 'MNG']) {
      expect((await fetch(`${server.url}/api/v1/partners/${code}`)).status).toBeLessThan(500)
    }
    await fetch(`${server.url}/api/v1/partners/XXX`)
    await fetch(`${server.url}/api/v1/no-such-route-${Date.now()}`)
    const requests = family(await scrape(server), 'liaison_http_requests_total')
    expect(requests.type).toBe('COUNTER')
    const partnerSeries = requests.metrics.filter(
      (sample) => sample.labels?.route === '/api/v1/partners/:code',
    )
    const total = partnerSeries.reduce((sum, sample) => sum + Number(sample.value), 0)
    expect(total).toBe(4)
    expect(partnerSeries.map((sample) => sample.labels?.status_class).sort()).toEqual(
      [...new Set(partnerSeries.map((sample) => sample.labels?.status_class))].sort(),
    )
    expect(partnerSeries.some((sample) => sample.labels?.status_class === '4xx')).toBe(true)
    for (const sample of requests.metrics) {
      expect(Object.keys(sample.labels ?? {}).sort()).toEqual(['method', 'route', 'status_class'])
      expect(sample.labels?.route).not.toMatch(/JPN|KOR|MNG|XXX|no-such-route/)
      expect(sample.labels?.status_class).toMatch(/^[1-5]xx$/)
    }
    expect(requests.metrics.some((sample) => sample.labels?.route === 'unmatched')).toBe(true)
  })

  it('keeps a latency histogram per route whose buckets are cumulative and end in +Inf = count', async () => {
    await fetch(`${server.url}/healthz`)
    const response = await fetch(`${server.url}/metrics`)
    const text = await response.text()
    expect(family(parsePrometheusTextFormat(text), 'liaison_http_request_duration_seconds').type).toBe(
      'HISTOGRAM',
    )
    // The parser drops the labels, sum and count of a labelled histogram it groups, so its series
    // are read again with the TYPE line removed: each _bucket/_sum/_count sample then keeps its labels.
    const samples = parsePrometheusTextFormat(
      text.replace(/^# TYPE liaison_http_request_duration_seconds histogram$/m, ''),
    )
    // Untyped, a family restarts at every change of sample name, so each name's samples are gathered.
    const ofHealth = (name: string) =>
      samples
        .filter((each) => each.name === `liaison_http_request_duration_seconds_${name}`)
        .flatMap((each) => each.metrics)
        .filter((sample) => sample.labels?.route === '/healthz' && sample.labels?.status_class === '2xx')
    const buckets = ofHealth('bucket')
    expect(buckets.at(-1)?.labels?.le).toBe('+Inf')
    const bounds = buckets.map((sample) =>
      sample.labels?.le === '+Inf' ? Infinity : Number(sample.labels?.le),
    )
    expect(bounds).toEqual([...bounds].sort((a, b) => a - b))
    const counts = buckets.map((sample) => Number(sample.value))
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    const count = Number(ofHealth('count')[0]?.value)
    expect(counts.at(-1)).toBe(count)
    expect(count).toBeGreaterThanOrEqual(1)
    expect(Number(ofHealth('sum')[0]?.value)).toBeGreaterThan(0)
  })

  it('reports the database and the process', async () => {
    const families = await scrape(server)
    if (engine === 'postgres') {
      const total = Number(family(families, 'liaison_db_pool_connections_total').metrics[0]?.value)
      const idle = Number(family(families, 'liaison_db_pool_connections_idle').metrics[0]?.value)
      expect(total).toBeGreaterThanOrEqual(1)
      expect(idle).toBeLessThanOrEqual(total)
      expect(family(families, 'liaison_db_pool_clients_waiting').metrics[0]?.value).toBe('0')
    } else {
      const sizes = family(families, 'liaison_sqlite_file_bytes').metrics
      const sizeOf = (file: string) => Number(sizes.find((sample) => sample.labels?.file === file)?.value)
      expect(sizeOf('main')).toBe(statSync(server.db.location).size)
      // The demo data sits in the write-ahead log until a checkpoint moves it into the main file.
      expect(sizeOf('main') + sizeOf('wal')).toBeGreaterThan(64 * 1024)
      expect(sizes.map((sample) => sample.labels?.file).sort()).toEqual(['main', 'wal'])
    }
    expect(Number(family(families, 'process_resident_memory_bytes').metrics[0]?.value)).toBeGreaterThan(0)
    expect(family(families, 'nodejs_eventloop_lag_seconds').type).toBe('GAUGE')
  })

  it('refuses a request relayed by a proxy when no token is set, even from loopback', async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    expect(((await response.json()) as { type: string }).type).toMatch(/#metrics-restricted$/)
    const forwarded = await fetch(`${server.url}/metrics`, { headers: { forwarded: 'for=203.0.113.9' } })
    expect(forwarded.status).toBe(403)
  })
})

describe('/metrics with LIAISON_METRICS_TOKEN', () => {
  let server: TestServer
  const token = 'scrape-token-3f9a1c'

  beforeAll(async () => {
    server = await startTestServer('sqlite', { metricsToken: token })
  })
  afterAll(async () => {
    await server.close()
  })

  it('asks for the token, even from loopback, and refuses a wrong one', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-000000' },
      { authorization: token },
    ]
    for (const headers of attempts) {
      const response = await fetch(`${server.url}/metrics`, { headers })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"')
      expect(response.headers.get('content-type')).toContain('application/problem+json')
    }
  })

  it('answers the right token, also through a proxy', async () => {
    const families = await scrape(server, {
      authorization: `Bearer ${token}`,
      'x-forwarded-for': '203.0.113.9',
    })
    expect(family(families, 'liaison_http_requests_total').metrics.length).toBeGreaterThan(0)
  })
})
