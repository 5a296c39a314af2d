/** Whole per cent done, 0–100; an empty total counts as done so a bar never waits forever. */
export function percentDone(processed: number, total: number): number {
  if (total <= 0) {
    return 100
  }
  return Math.max(0, Math.min(100, Math.floor((processed / total) * 100)))
}

/** A terminal progress bar such as "[#######-------------]  35% 3500 rows". */
export function progressBar(processed: number, total: number, rows: number, width = 30): string {
  const percent = percentDone(processed, total)
  const filled = Math.round((percent / 100) * width)
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${rows} rows`
}
