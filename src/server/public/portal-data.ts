import type { Engagement } from '../../domain/engagement.ts'
import { publicPrincipal } from '../../domain/principal.ts'
import { childrenByParent, type Milestone, type ProgrammeNode, rootedNodes } from '../../domain/programme.ts'
import type { Db } from '../../store/database.ts'
import { listVisibleStatements, type StatementRecord } from '../../store/engagement-statement-store.ts'
import { listVisibleEngagements } from '../../store/engagement-store.ts'
import {
  type FrameworkRecord,
  findVisibleFramework,
  listVisibleFrameworks,
  listVisibleMemberships,
  type MembershipRecord,
} from '../../store/framework-store.ts'
import {
  findVisiblePartnerDetail,
  listVisiblePartners,
  type PartnerRecord,
  type TimelineEventRecord,
} from '../../store/partner-store.ts'
import {
  findVisibleProgramme,
  listVisibleProgrammes,
  type ProgrammeRecord,
} from '../../store/programme-store.ts'
import { listVisibleMilestones, listVisibleNodes } from '../../store/programme-tree-store.ts'

/*
 * What the portal shows, read through the same store functions as the API with the public
 * principal: the marking rule stays in SQL, and nothing here filters rows again. Whoever asks
 * (signed in or not) gets the public's answer, so every page is the same for everyone and cacheable.
 */

export type PortalEngagement = Omit<Engagement, 'participants'> & { readonly countries: readonly string[] }

/** Enough for the whole demo and any real alliance; the portal does not page partners. */
const everyPartner = 1000
const recentEngagements = 12
const recentStatements = 6
export const statementsPerPage = 25

export interface Overview {
  readonly partners: readonly PartnerRecord[]
  readonly frameworks: readonly FrameworkRecord[]
  readonly programmes: readonly ProgrammeRecord[]
  readonly engagements: readonly PortalEngagement[]
  readonly statements: readonly StatementRecord[]
}

export async function loadOverview(db: Db): Promise<Overview> {
  const [partners, frameworks, programmes, engagements, statements] = await Promise.all([
    listVisiblePartners(db, publicPrincipal, { limit: everyPartner, offset: 0 }),
    listVisibleFrameworks(db, publicPrincipal),
    listVisibleProgrammes(db.kysely, publicPrincipal, {}),
    listVisibleEngagements(db, publicPrincipal, { limit: recentEngagements, offset: 0, order: 'desc' }),
    issuedStatements(db, { limit: recentStatements, offset: 0 }),
  ])
  return {
    partners: partners.items,
    frameworks,
    programmes,
    engagements: engagements.items,
    statements: statements.items,
  }
}

export interface PartnerPageData {
  readonly partner: PartnerRecord
  readonly timeline: readonly TimelineEventRecord[]
  readonly programmes: readonly ProgrammeRecord[]
  readonly engagements: readonly PortalEngagement[]
  readonly statements: readonly StatementRecord[]
}

export async function loadPartner(db: Db, code: string): Promise<PartnerPageData | null> {
  const detail = await findVisiblePartnerDetail(db, publicPrincipal, code)
  if (detail === null) return null
  const [programmes, engagements, statements] = await Promise.all([
    listVisibleProgrammes(db.kysely, publicPrincipal, { partner: code }),
    listVisibleEngagements(db, publicPrincipal, { partner: code, limit: 50, offset: 0, order: 'desc' }),
    issuedStatements(db, { partner: code, limit: 50, offset: 0 }),
  ])
  return { ...detail, programmes, engagements: engagements.items, statements: statements.items }
}

export interface FrameworkPageData {
  readonly framework: FrameworkRecord
  readonly memberships: readonly MembershipRecord[]
  /** The codes among the members that have a partner page here. */
  readonly partnerCodes: ReadonlySet<string>
}

export async function loadFramework(db: Db, id: string): Promise<FrameworkPageData | null> {
  const framework = await findVisibleFramework(db, publicPrincipal, id)
  if (framework === null) return null
  const [memberships, partners] = await Promise.all([
    listVisibleMemberships(db.kysely, publicPrincipal, id),
    listVisiblePartners(db, publicPrincipal, { limit: everyPartner, offset: 0 }),
  ])
  return { framework, memberships, partnerCodes: new Set(partners.items.map((partner) => partner.code)) }
}

export interface ProgrammeTreeNode {
  readonly node: ProgrammeNode
  /** The node's milestones (goals have them), soonest first. */
  readonly milestones: readonly Milestone[]
  readonly children: readonly ProgrammeTreeNode[]
}

export interface ProgrammePageData {
  readonly programme: ProgrammeRecord
  readonly tree: readonly ProgrammeTreeNode[]
}

export async function loadProgramme(db: Db, id: string): Promise<ProgrammePageData | null> {
  const programme = await findVisibleProgramme(db.kysely, publicPrincipal, id)
  if (programme === null) return null
  const [nodes, milestones] = await Promise.all([
    listVisibleNodes(db.kysely, publicPrincipal, id),
    listVisibleMilestones(db.kysely, publicPrincipal, id),
  ])
  const children = childrenByParent(rootedNodes(nodes))
  const build = (parentId: string | null): ProgrammeTreeNode[] =>
    (children.get(parentId) ?? []).map((node) => ({
      node,
      milestones: milestones.filter((milestone) => milestone.goalId === node.id),
      children: build(node.id),
    }))
  return { programme, tree: build(null) }
}

export function issuedStatements(
  db: Db,
  page: { readonly partner?: string; readonly limit: number; readonly offset: number },
): Promise<{ items: StatementRecord[]; total: number }> {
  return listVisibleStatements(db.kysely, publicPrincipal, { ...page, status: 'issued' })
}
