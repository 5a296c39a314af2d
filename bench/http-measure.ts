import { Agent, request } from 'node:http'
import autocannon, { type Options } from 'autocannon'

/** One route to measure, as a client sees it. */
export interface Target {
  readonly label: string
  readonly path: string
  /** Cookie header to send; empty for none. */
  readonly cookie: string
}

export interface Measurement {
  readonly target: Target
  readonly requestsPerSecond: number
  readonly loadedP50Ms: number
  readonly loadedP99Ms: number
  readonly unloadedMedianMs: number
  readonly failures: number
}

export interface LoadSettings {
  readonly seconds: number
  readonly connections: number
  readonly sequentialRequests: number
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 })

/** GET over a kept-alive loopback socket; resolves with status and body. */
export function get(baseUrl: string, target: Target): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = target.cookie === '' ? {} : { cookie: target.cookie }
    const req = request(`${baseUrl}${target.path}`, { agent, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      )
      response.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** Requests a measured window should hold at least (its duration grows to fit, up to 20 s). */
const minimumRequests = 200

/** Median time of sequential requests, one at a time: the latency a single user feels. */
async function unloadedMedianMs(baseUrl: string, target: Target, count: number): Promise<number> {
  // Warm-up: as many requests as measured, at most 50 (a slow page need not pay 50).
  for (let index = 0; index < Math.min(50, count); index++) {
    await get(baseUrl, target)
  }
  const times: number[] = []
  for (let index = 0; index < count; index++) {
    const started = performance.now()
    const { status } = await get(baseUrl, target)
    times.push(performance.now() - started)
    if (status !== 200) {
      throw new Error(`${target.path} answered ${status}`)
    }
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? Number.NaN
}

/**
 * Unloaded latency first (it also warms the route up), then a warm-up and a fixed-duration load
 * with a fixed number of connections. autocannon fires from its own worker thread so that the load generator
 * does not share the server's event loop.
 */
export async function measure(baseUrl: string, target: Target, settings: LoadSettings): Promise<Measurement> {
  const unloaded = await unloadedMedianMs(baseUrl, target, settings.sequentialRequests)
  const load: Options = {
    url: `${baseUrl}${target.path}`,
    connections: settings.connections,
    workers: 1,
    headers: target.cookie === '' ? {} : { cookie: target.cookie },
  }
  // Warm-up under the same concurrency, ten requests a connection, not measured: every database
  // connection behind the route gets to prepare its statements and past PostgreSQL's first five
  // custom plans. A slow page (60 ms) serves only ~50 requests in a 3 s window, so without it the
  // window measured mostly cold connections, of the API or of the raw route, whichever had fewer.
  const warmUp = await autocannon({ ...load, amount: settings.connections * 10 })
  // At least ~200 requests a window: a slow page's rate over a few dozen swings by a third
  // between windows (PostgreSQL analytics measured 0.82 × raw over 3 s and 1.07 over 10 s).
  const warmRate = warmUp.requests.total / Math.max(warmUp.duration, 0.001)
  const seconds = Math.max(settings.seconds, Math.min(20, Math.ceil(minimumRequests / warmRate)))
  const result = await autocannon({ ...load, duration: seconds })
  return {
    target,
    requestsPerSecond: result.requests.total / result.duration,
    loadedP50Ms: result.latency.p50,
    loadedP99Ms: result.latency.p99,
    unloadedMedianMs: unloaded,
    failures: result.errors + result.timeouts + result.non2xx,
  }
}

export function closeAgent(): void {
  agent.destroy()
}
