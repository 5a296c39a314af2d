import { formatFuzzyDate } from '../../domain/fuzzy-date.ts'
import { markingLabel } from '../../domain/marking.ts'
import {
  childrenByParent,
  type Milestone,
  outlineNumbers,
  programmeKindNames,
  rootedNodes,
} from '../../domain/programme.ts'
import { type MilestoneHealth, milestoneHealth } from '../../domain/programme-milestone.ts'
import type { LoadedProgramme } from '../programmes/load.ts'
import { periodLabel } from '../programmes/present.ts'

/**
 * A programme laid out as a document, independent of the file format: the three renderers
 * (Markdown, DOCX, PDF) turn this same outline into text, so their contents cannot drift apart.
 * It holds only what the reader may see; its banner is the highest marking of that content.
 */
export interface ProgrammeDocument {
  readonly banner: string
  readonly title: string
  readonly subtitle: string
  readonly fileName: string
  readonly facts: ReadonlyArray<readonly [string, string]>
  readonly objectives: readonly DocumentSection[]
  readonly milestones: readonly MilestoneRow[]
  readonly publicDiplomacy: string
  readonly illustrativeNote: string | null
}

export interface DocumentSection {
  readonly number: string
  readonly title: string
  readonly text: string
  readonly areas: string
  readonly children: readonly DocumentSection[]
}

export interface MilestoneRow {
  readonly goal: string
  readonly title: string
  readonly due: string
  readonly status: string
  readonly health: MilestoneHealth
}

export const milestoneColumns = ['Goal', 'Milestone', 'Due', 'Status', 'Health'] as const

export const partHeadings = {
  general: 'Part I — General provisions',
  objectives: 'Part II — Strategic objectives, partnership goals and supporting activities',
  milestones: 'Part III — Milestones',
  publicDiplomacy: 'Part IV — Public diplomacy',
} as const

export function buildProgrammeDocument(
  loaded: LoadedProgramme,
  today: string,
  areaNames: ReadonlyMap<string, string>,
): ProgrammeDocument {
  const { programme, nodes, milestones } = loaded
  const placed = rootedNodes(nodes)
  const numbers = outlineNumbers(placed)
  const children = childrenByParent(placed)
  const section = (id: string | null): DocumentSection[] =>
    (children.get(id) ?? []).map((node) => ({
      number: numbers.get(node.id) ?? '',
      title: node.title,
      text: node.description,
      areas: node.priorityAreas.map((area) => areaNames.get(area) ?? area).join(', '),
      children: section(node.id),
    }))
  const goalNumbers = new Map(
    placed.filter((n) => n.kind === 'goal').map((n) => [n.id, numbers.get(n.id) ?? '']),
  )
  const rows = milestones
    .filter((m: Milestone) => goalNumbers.has(m.goalId))
    .map((m) => ({
      goal: goalNumbers.get(m.goalId) ?? '',
      title: m.title,
      due: m.due,
      status: m.status,
      health: milestoneHealth(m, today),
    }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.goal.localeCompare(b.goal, 'en', { numeric: true }))
  const illustrative =
    programme.illustrative || nodes.some((n) => n.illustrative) || milestones.some((m) => m.illustrative)
  return {
    banner: markingLabel(loaded.marking),
    title: programme.title,
    subtitle: programmeKindNames[programme.kind],
    fileName: `${programme.id}`,
    facts: [
      ['Parties', `North Atlantic Treaty Organization and ${programme.partnerName}`],
      ['Programme', `${programmeKindNames[programme.kind]} (${programme.kind})`],
      ['Period', periodLabel(programme.periodFrom, programme.periodTo)],
      ['Status', programme.status],
      ['Agreed', programme.agreedOn === null ? 'not yet agreed' : formatFuzzyDate(programme.agreedOn)],
      ...(programme.supersedes === null ? [] : [['Supersedes', programme.supersedes.title] as const]),
      ...(programme.supersededBy === null ? [] : [['Superseded by', programme.supersededBy.title] as const]),
      ['Printed', today],
    ],
    objectives: section(null),
    milestones: rows,
    publicDiplomacy: programme.publicDiplomacy,
    illustrativeNote: illustrative
      ? 'Illustrative content: the real text of this programme is not public. Objectives, goals, activities and milestones shown here are illustrative.'
      : null,
  }
}
