import type { Db } from '../database.ts'
import { loadEngagementDemo } from '../engagement-demo.ts'
import { loadDecisionDemo } from './load-decisions.ts'
import { loadDemoData, readDemoData } from './load-demo.ts'
import { loadProgrammeDemo, readProgrammeDemo } from './load-programmes.ts'

/**
 * Loads every demo dataset in order: the foundation (countries, partners, frameworks) first, then
 * each feature's own data that refers to it. Each loader is idempotent. Features add their loader here.
 */
export async function loadAllDemoData(db: Db, now: Date): Promise<void> {
  await loadDemoData(db, await readDemoData(), now)
  await loadEngagementDemo(db, now)
  await loadProgrammeDemo(db, await readProgrammeDemo(), now)
  await loadDecisionDemo(db, now)
}
