import { z } from 'zod'
import { CountryCode, IsoDay, Slug } from '../../../contract/common.ts'
import { earliestDay, fuzzyDate, latestDay } from '../../../domain/fuzzy-date.ts'
import type { ImportProblem } from '../../../domain/import/import-problem.ts'
import type { Marking } from '../../../domain/marking.ts'
import {
  markingWithin,
  milestoneStatuses,
  type NodeKind,
  parentKindOf,
  programmeKinds,
} from '../../../domain/programme.ts'
import { encodeOrderedList } from '../../list-column.ts'
import { markingToColumns } from '../../marking-columns.ts'
import { periodColumns } from '../../programme-store.ts'
import { existingPriorityAreas } from '../../reference-store.ts'
import type { ImportKind, RowAt } from '../import-kind.ts'
import { takenIds, visiblePartners } from '../lookups.ts'
import { clearanceRowProblems, FuzzyDateText, ImportMarking, RecordId } from './shared.ts'

const Title = z.string().trim().min(1, 'Enter a title').max(300, 'Keep the title under 300 characters')
const Description = z.string().max(5000, 'Keep the description under 5000 characters').default('')

const ProgrammeRow = z
  .object({
    type: z.literal('programme'),
    key: RecordId,
    partner: CountryCode,
    kind: z.enum(programmeKinds),
    title: Title,
    periodFrom: FuzzyDateText,
    periodTo: FuzzyDateText,
    publicDiplomacy: z.string().max(5000).default(''),
    marking: ImportMarking,
  })
  .strict()
  .superRefine((row, context) => {
    if (earliestDay(fuzzyDate(row.periodFrom)) > latestDay(fuzzyDate(row.periodTo))) {
      context.addIssue({
        code: 'custom',
        path: ['periodTo'],
        message: 'The period must not end before it starts',
      })
    }
  })

const NodeRow = z
  .object({
    type: z.enum(['objective', 'goal', 'activity']),
    key: RecordId,
    programme: RecordId,
    parent: RecordId.optional(),
    title: Title,
    description: Description,
    priorityAreas: z.array(Slug).max(20).default([]),
    marking: ImportMarking,
  })
  .strict()

const MilestoneRow = z
  .object({
    type: z.literal('milestone'),
    key: RecordId,
    programme: RecordId,
    parent: RecordId,
    title: Title,
    due: IsoDay,
    status: z.enum(milestoneStatuses).default('planned'),
    marking: ImportMarking,
  })
  .strict()

const TreeRow = z.discriminatedUnion('type', [ProgrammeRow, NodeRow, MilestoneRow], {
  error: 'Use programme, objective, goal, activity or milestone',
})
type TreeRow = z.infer<typeof TreeRow>

/** What the run remembers of each key of the file: enough to check the rows that hang under it. */
interface Seen {
  readonly row: number
  readonly type: TreeRow['type']
  /** The programme a part belongs to (a programme's own key for a programme). */
  readonly programme: string
  readonly marking: Marking
}

/**
 * Programme trees: each programme (a new draft) with its objectives → goals → activities and the
 * milestones of its goals, one row each, every part after what contains it. `parent` is the key of
 * the objective (for a goal), the goal (for an activity or a milestone); objectives have none.
 */
export const programmesImport: ImportKind<TreeRow> = {
  name: 'programmes',
  noun: 'programme record',
  columns: [
    { name: 'type', required: true },
    { name: 'key', required: true },
    { name: 'programme', required: false },
    { name: 'parent', required: false },
    { name: 'partner', required: false },
    { name: 'kind', required: false },
    { name: 'title', required: true },
    { name: 'description', required: false },
    { name: 'periodFrom', required: false },
    { name: 'periodTo', required: false },
    { name: 'publicDiplomacy', required: false },
    { name: 'priorityAreas', required: false },
    { name: 'due', required: false },
    { name: 'status', required: false },
    { name: 'classification', required: false },
    { name: 'releasableTo', required: false },
  ],
  cells: { lists: ['priorityAreas'] },
  schema: TreeRow,
  start({ executor, principal, now }) {
    const seen = new Map<string, Seen>()
    const positions = new Map<string, number>()
    return {
      async check(batch) {
        const programmes = batch.filter((item) => item.value.type === 'programme')
        const partners = await visiblePartners(
          executor,
          principal,
          programmes.flatMap((item) => (item.value.type === 'programme' ? [item.value.partner] : [])),
        )
        const keys = (type: TreeRow['type'][]) =>
          batch.filter((item) => type.includes(item.value.type)).map((item) => item.value.key)
        const taken = new Set([
          ...(await takenIds(executor, 'programme', keys(['programme']))),
          ...(await takenIds(executor, 'programme_node', keys(['objective', 'goal', 'activity']))),
          ...(await takenIds(executor, 'programme_milestone', keys(['milestone']))),
        ])
        const areas = await existingPriorityAreas(executor, [
          ...new Set(
            batch.flatMap((item) => ('priorityAreas' in item.value ? item.value.priorityAreas : [])),
          ),
        ])
        const problems: ImportProblem[] = [...clearanceRowProblems(principal, batch, (row) => [row.marking])]
        for (const item of batch) {
          problems.push(...rowProblems(item, seen, taken, partners, areas))
        }
        return problems
      },
      async write(batch) {
        const programmeRows = batch.flatMap((item) => (item.value.type === 'programme' ? [item.value] : []))
        if (programmeRows.length > 0) {
          await executor
            .insertInto('programme')
            .values(
              programmeRows.map((p) => ({
                id: p.key,
                partner_code: p.partner,
                kind: p.kind,
                title: p.title,
                status: 'draft',
                ...periodColumns(fuzzyDate(p.periodFrom), fuzzyDate(p.periodTo)),
                agreed_on: null,
                round: 0,
                supersedes_id: null,
                superseded_by_id: null,
                public_diplomacy: p.publicDiplomacy,
                next_review: null,
                illustrative: 0,
                version: 1,
                header_revision: 1,
                created_at: now.toISOString(),
                updated_at: now.toISOString(),
                ...markingToColumns(p.marking),
              })),
            )
            .execute()
        }
        const nodes = batch.flatMap((item) =>
          item.value.type === 'objective' || item.value.type === 'goal' || item.value.type === 'activity'
            ? [item.value]
            : [],
        )
        if (nodes.length > 0) {
          await executor
            .insertInto('programme_node')
            .values(
              nodes.map((node) => {
                const siblings = `${node.programme}/${node.parent ?? ''}`
                const position = positions.get(siblings) ?? 0
                positions.set(siblings, position + 1)
                return {
                  id: node.key,
                  programme_id: node.programme,
                  parent_id: node.parent ?? null,
                  kind: node.type,
                  position,
                  title: node.title,
                  description: node.description,
                  priority_areas: encodeOrderedList(node.priorityAreas),
                  illustrative: 0,
                  version: 1,
                  ...markingToColumns(node.marking),
                }
              }),
            )
            .execute()
        }
        const milestones = batch.flatMap((item) => (item.value.type === 'milestone' ? [item.value] : []))
        if (milestones.length > 0) {
          await executor
            .insertInto('programme_milestone')
            .values(
              milestones.map((m) => ({
                id: m.key,
                programme_id: m.programme,
                goal_id: m.parent,
                title: m.title,
                due: m.due,
                status: m.status,
                illustrative: 0,
                version: 1,
                ...markingToColumns(m.marking),
              })),
            )
            .execute()
        }
        return batch.length
      },
    }
  },
}

/** One row against the rows before it: its key, its programme, its parent's kind and marking. */
function rowProblems(
  { row, value }: RowAt<TreeRow>,
  seen: Map<string, Seen>,
  taken: ReadonlySet<string>,
  partners: ReadonlySet<string>,
  areas: ReadonlySet<string>,
): ImportProblem[] {
  const problems: ImportProblem[] = []
  const earlier = seen.get(value.key)
  if (earlier !== undefined) {
    problems.push({
      row,
      field: 'key',
      message: `${value.key} is already used on row ${earlier.row} of this file`,
    })
  } else if (taken.has(value.key)) {
    problems.push({ row, field: 'key', message: `A ${value.type} with the key ${value.key} already exists` })
  }
  if (value.type === 'programme') {
    if (!partners.has(value.partner)) {
      problems.push({ row, field: 'partner', message: `No partner has the code ${value.partner}` })
    }
    if (earlier === undefined) {
      seen.set(value.key, { row, type: 'programme', programme: value.key, marking: value.marking })
    }
    return problems
  }
  const programme = seen.get(value.programme)
  if (programme === undefined || programme.type !== 'programme') {
    problems.push({
      row,
      field: 'programme',
      message: `No programme has the key ${value.programme} earlier in this file`,
    })
  } else if (!markingWithin(value.marking, programme.marking)) {
    problems.push({ row, field: 'classification', message: 'Less restrictive than its programme' })
  }
  const expected: NodeKind | null = value.type === 'milestone' ? 'goal' : parentKindOf[value.type]
  const parent = value.parent === undefined ? undefined : seen.get(value.parent)
  if (expected === null) {
    if (value.parent !== undefined) {
      problems.push({
        row,
        field: 'parent',
        message: 'An objective belongs at the top level: leave parent empty',
      })
    }
  } else if (value.parent === undefined) {
    problems.push({ row, field: 'parent', message: `Required: a ${value.type} belongs under a ${expected}` })
  } else if (parent === undefined || parent.type !== expected || parent.programme !== value.programme) {
    problems.push({
      row,
      field: 'parent',
      message: `No ${expected} of programme ${value.programme} has the key ${value.parent} earlier in this file`,
    })
  } else if (!markingWithin(value.marking, parent.marking)) {
    problems.push({ row, field: 'classification', message: `Less restrictive than its ${expected}` })
  }
  if ('priorityAreas' in value) {
    for (const area of value.priorityAreas) {
      if (!areas.has(area)) {
        problems.push({ row, field: 'priorityAreas', message: `No priority area has the id ${area}` })
      }
    }
  }
  if (earlier === undefined) {
    seen.set(value.key, { row, type: value.type, programme: value.programme, marking: value.marking })
  }
  return problems
}
