import { markingLabel } from '../../domain/marking.ts'
import { childrenByParent, type Milestone, outlineNumbers, rootedNodes } from '../../domain/programme.ts'
import { type MilestoneHealth, milestoneHealth } from '../../domain/programme-milestone.ts'
import { isMessageKey } from '../../i18n/catalogue.ts'
import { dayValue, fuzzyDateText, periodText } from '../../i18n/fuzzy-date.ts'
import type { Translator } from '../i18n.ts'
import type { LoadedProgramme } from '../programmes/load.ts'

/**
 * A programme laid out as a document, independent of the file format: the three renderers
 * (Markdown, DOCX, PDF) turn this same outline into text, so their contents cannot drift apart.
 * It holds only what the reader may see; its banner is the highest marking of that content.
 */
export interface ProgrammeDocument {
  /** The words around the content, in the reader's language; the content is as written. */
  readonly labels: DocumentLabels
  /** BCP 47 tag of the labels, for the file's language metadata. */
  readonly language: string
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
  readonly health: string
}

export interface DocumentLabels {
  readonly parts: {
    readonly general: string
    readonly objectives: string
    readonly milestones: string
    readonly publicDiplomacy: string
  }
  readonly milestoneColumns: readonly string[]
  readonly priorityAreas: (areas: string) => string
  /** A fact's label with the language's punctuation ("Period:", « Période : »). */
  readonly fact: (label: string) => string
  readonly noneRecorded: string
  readonly page: (page: number, pages: number) => string
  /** DOCX counts pages itself: the words around its page-number fields. */
  readonly pagePrefix: string
  readonly pageOf: string
}

function documentLabels({ t }: Translator): DocumentLabels {
  return {
    parts: {
      general: t('doc.part.general'),
      objectives: t('doc.part.objectives'),
      milestones: t('doc.part.milestones'),
      publicDiplomacy: t('doc.part.publicDiplomacy'),
    },
    milestoneColumns: [
      t('doc.column.goal'),
      t('doc.column.milestone'),
      t('doc.column.due'),
      t('doc.column.status'),
      t('doc.column.health'),
    ],
    priorityAreas: (areas) => t('doc.priorityAreas', { areas }),
    fact: (label) => t('doc.fact', { label }),
    noneRecorded: t('doc.noneRecorded'),
    page: (page, pages) => t('doc.page', { page, pages }),
    pagePrefix: t('doc.pagePrefix'),
    pageOf: t('doc.pageOf'),
  }
}

export function buildProgrammeDocument(
  loaded: LoadedProgramme,
  today: string,
  areaNames: ReadonlyMap<string, string>,
  translator: Translator,
): ProgrammeDocument {
  const { t } = translator
  const { programme, nodes, milestones } = loaded
  const kindName = t(`label.programmeKind.${programme.kind}`)
  // The catalogue names the demo's areas in every language; an area added later keeps its stored name.
  const areaName = (area: string): string => {
    const key = `label.area.${area}`
    return isMessageKey(key) ? t(key) : (areaNames.get(area) ?? area)
  }
  const placed = rootedNodes(nodes)
  const numbers = outlineNumbers(placed)
  const children = childrenByParent(placed)
  const section = (id: string | null): DocumentSection[] =>
    (children.get(id) ?? []).map((node) => ({
      number: numbers.get(node.id) ?? '',
      title: node.title,
      text: node.description,
      areas: node.priorityAreas.map(areaName).join(', '),
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
    .map((m) => ({
      ...m,
      due: t('doc.due', { due: dayValue(m.due) }),
      status: t(`label.milestoneStatus.${m.status}`),
      health: t(`label.health.${m.health satisfies MilestoneHealth}`),
    }))
  const illustrative =
    programme.illustrative || nodes.some((n) => n.illustrative) || milestones.some((m) => m.illustrative)
  return {
    labels: documentLabels(translator),
    language: translator.locale,
    banner: markingLabel(loaded.marking),
    title: programme.title,
    subtitle: kindName,
    fileName: `${programme.id}`,
    facts: [
      [t('doc.parties'), t('doc.partiesValue', { partner: programme.partnerName })],
      [t('doc.programme'), `${kindName} (${programme.kind})`],
      [t('doc.period'), periodText(t, programme.periodFrom, programme.periodTo)],
      [t('doc.status'), t(`label.programmeStatus.${programme.status}`)],
      [
        t('doc.agreed'),
        programme.agreedOn === null ? t('doc.notAgreed') : fuzzyDateText(t, programme.agreedOn),
      ],
      ...(programme.supersedes === null ? [] : [[t('doc.supersedes'), programme.supersedes.title] as const]),
      ...(programme.supersededBy === null
        ? []
        : [[t('doc.supersededBy'), programme.supersededBy.title] as const]),
      [t('doc.printed'), t('doc.printedOn', { today: dayValue(today) })],
    ],
    objectives: section(null),
    milestones: rows,
    publicDiplomacy: programme.publicDiplomacy,
    illustrativeNote: illustrative ? t('doc.illustrative') : null,
  }
}
