// The part of autocannon's programmatic API the benchmarks use; the package ships no types.
declare module 'autocannon' {
  interface Histogram {
    readonly average: number
    readonly mean: number
    readonly p50: number
    readonly p90: number
    readonly p99: number
    readonly max: number
    readonly total: number
  }

  export interface Options {
    readonly url: string
    readonly connections?: number
    readonly duration?: number
    /** Stop after this many requests instead of after `duration`. */
    readonly amount?: number
    readonly workers?: number
    readonly method?: string
    readonly headers?: Record<string, string>
    readonly title?: string
  }

  interface Result {
    readonly title?: string
    readonly requests: Histogram
    readonly latency: Histogram
    readonly duration: number
    readonly errors: number
    readonly timeouts: number
    readonly non2xx: number
  }

  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
