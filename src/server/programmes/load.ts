import type { z } from 'zod'
import type { ProgrammeDetail } from '../../contract/programme-view.ts'
import { highestMarking, type Marking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import type { Milestone, ProgrammeNode } from '../../domain/programme.ts'
import { programmeAbilities } from '../../domain/programme-policy.ts'
import { overallProgress } from '../../domain/programme-progress.ts'
import type { Db } from '../../store/database.ts'
import { listVisibleApprovals } from '../../store/programme-lifecycle-store.ts'
import { type ProgrammeRecord, requireVisibleProgramme } from '../../store/programme-store.ts'
import { listVisibleMilestones, listVisibleNodes } from '../../store/programme-tree-store.ts'
import { countVisibleVersions } from '../../store/programme-version-store.ts'
import { presentMarking } from '../present.ts'
import { presentAbilities, presentApproval, presentSummary, presentTree } from './present.ts'

export interface LoadedProgramme {
  readonly programme: ProgrammeRecord
  readonly nodes: ProgrammeNode[]
  readonly milestones: Milestone[]
  /** The highest marking of everything the principal sees in it: the banner of a page or document. */
  readonly marking: Marking
}

/** A programme with every part the principal may see; 404 when the programme is hidden or absent. */
export async function loadProgramme(db: Db, principal: Principal, id: string): Promise<LoadedProgramme> {
  const programme = await requireVisibleProgramme(db.kysely, principal, id)
  const nodes = await listVisibleNodes(db.kysely, principal, id)
  const milestones = await listVisibleMilestones(db.kysely, principal, id)
  const marking = highestMarking([
    programme.marking,
    ...nodes.map((n) => n.marking),
    ...milestones.map((m) => m.marking),
  ])
  return { programme, nodes, milestones, marking }
}

export async function loadProgrammeDetail(
  db: Db,
  principal: Principal,
  id: string,
  today: string,
): Promise<z.infer<typeof ProgrammeDetail>> {
  const { programme, nodes, milestones, marking } = await loadProgramme(db, principal, id)
  const approvals = await listVisibleApprovals(db.kysely, principal, id)
  const versionCount = await countVisibleVersions(db.kysely, principal, id)
  const areas = await db.kysely.selectFrom('priority_area').select(['id', 'name']).orderBy('name').execute()
  return {
    ...presentSummary(programme, overallProgress(nodes, milestones, today)),
    marking: presentMarking(marking),
    publicDiplomacy: programme.publicDiplomacy,
    today,
    objectives: presentTree(nodes, milestones, today),
    approvals: approvals.map((approval) => presentApproval(approval, programme.round)),
    abilities: presentAbilities(programmeAbilities(principal, programme)),
    versionCount,
    areaOptions: areas.map(({ id: areaId, name }) => ({ id: areaId, name })),
  }
}
