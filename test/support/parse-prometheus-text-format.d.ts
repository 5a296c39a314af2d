declare module 'parse-prometheus-text-format' {
  /** A sample of a counter, gauge or untyped family: the value as written, and its labels. */
  export interface PrometheusSample {
    readonly value: string
    readonly labels?: Readonly<Record<string, string>>
  }
  /** A histogram series: cumulative bucket counts keyed by upper bound ("+Inf" last). */
  export interface PrometheusHistogram {
    readonly buckets: Readonly<Record<string, string>>
    readonly count: string
    readonly sum: string
    readonly labels?: Readonly<Record<string, string>>
  }
  export interface PrometheusFamily {
    readonly name: string
    readonly help: string
    readonly type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED'
    readonly metrics: ReadonlyArray<PrometheusSample & Partial<PrometheusHistogram>>
  }
  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[]
}
