import type { Executor } from './executor.ts'

/** Which of `codes` name a country; a write checks its references with this before it stores them. */
export async function existingCountries(executor: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = await executor
    .selectFrom('country')
    .select('code')
    .where('code', 'in', [...codes])
    .execute()
  return new Set(rows.map((row) => row.code))
}

/** Which of `ids` name a priority area. */
export async function existingPriorityAreas(
  executor: Executor,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await executor
    .selectFrom('priority_area')
    .select('id')
    .where('id', 'in', [...ids])
    .execute()
  return new Set(rows.map((row) => row.id))
}
