import type { Db } from '../database.ts'
import { loadEngagementDemo } from '../engagement-demo.ts'
import { loadCooperationDemo, readCooperationDemo } from './load-cooperation.ts'
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
  // The cooperation menu's requests serve goals of the programmes just loaded.
  await loadCooperationDemo(db, await readCooperationDemo(), now)
  await loadDecisionDemo(db, now)
}
