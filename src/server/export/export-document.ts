import type { ExportDocument } from '../../contract/export.ts'
import { highestMarking, type Marking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import type { ProgrammeNode } from '../../domain/programme.ts'
import type { Db } from '../../store/database.ts'
import { listVisibleStatements } from '../../store/engagement-statement-store.ts'
import { listVisibleEngagements, listVisibleParticipants } from '../../store/engagement-store.ts'
import { listVisibleFrameworks, listVisibleMemberships } from '../../store/framework-store.ts'
import { listVisibleOffices } from '../../store/liaison-office-store.ts'
import { listVisibleMembers } from '../../store/member-store.ts'
import { findVisiblePartnerDetail, listVisiblePartners } from '../../store/partner-store.ts'
import { listVisibleProgrammes } from '../../store/programme-store.ts'
import { listVisibleMilestones, listVisibleNodes } from '../../store/programme-tree-store.ts'
import { proposalPage } from '../../store/proposal-store.ts'
import { presentFuzzyDate, presentFuzzyDateOrNull, presentMarking } from '../present.ts'

/** Rows read per statement when walking a paged list to its end. */
const pageSize = 500

/** Code-unit order, the same on every machine and locale (localeCompare is not). */
function byKeys<T>(...keys: ((item: T) => string | number)[]) {
  return (a: T, b: T): number => {
    for (const key of keys) {
      const left = key(a)
      const right = key(b)
      if (left < right) return -1
      if (left > right) return 1
    }
    return 0
  }
}

/** Parts depth first, siblings by position: the order of the programme document, whatever the ids. */
function treeOrder(nodes: readonly ProgrammeNode[]): ProgrammeNode[] {
  const ids = new Set(nodes.map((node) => node.id))
  const children = new Map<string | null, ProgrammeNode[]>()
  for (const node of nodes) {
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), node])
  }
  const ordered: ProgrammeNode[] = []
  const walk = (parent: string | null) => {
    const siblings = (children.get(parent) ?? []).sort(
      byKeys(
        (n) => n.position,
        (n) => n.title,
        (n) => n.id,
      ),
    )
    for (const node of siblings) {
      ordered.push(node)
      walk(node.id)
    }
  }
  walk(null)
  return ordered
}

/** Reads every page of a paged store list. */
async function everyPage<T>(read: (limit: number, offset: number) => Promise<readonly T[]>): Promise<T[]> {
  const all: T[] = []
  for (let offset = 0; ; offset += pageSize) {
    const page = await read(pageSize, offset)
    all.push(...page)
    if (page.length < pageSize) return all
  }
}

/**
 * Ordered by what the records say (partner, date, title), the id only breaking ties, so the order
 * does not hang on generated ids and a record keeps its place among the others whoever reads.
 *
 * Everything the principal may read, through the same marking-filtered store reads as the API, so
 * an export never holds a row (or a link to one) that a list or a detail page would hide.
 */
export async function buildExport(db: Db, principal: Principal): Promise<ExportDocument> {
  const seen: Marking[] = []
  const mark = (marking: Marking) => {
    seen.push(marking)
    return presentMarking(marking)
  }

  const members = (await listVisibleMembers(db, principal)).sort(byKeys((m) => m.code)).map((member) => ({
    code: member.code,
    name: member.name,
    capital: member.capital,
    timeZone: member.timeZone,
    accession: presentFuzzyDate(member.accession),
    marking: mark(member.marking),
  }))

  const partnerCodes = (
    await everyPage(
      async (limit, offset) => (await listVisiblePartners(db, principal, { limit, offset })).items,
    )
  )
    .map((partner) => partner.code)
    .sort()
  const partners: ExportDocument['partners'] = []
  for (const code of partnerCodes) {
    const found = await findVisiblePartnerDetail(db, principal, code)
    if (found === null) continue
    const { partner, timeline } = found
    partners.push({
      code: partner.code,
      name: partner.name,
      capital: partner.capital,
      timeZone: partner.timeZone,
      status: partner.status,
      summary: partner.summary,
      dialogueSince: presentFuzzyDateOrNull(partner.dialogueSince),
      marking: mark(partner.marking),
      timeline: timeline
        .sort(
          byKeys(
            (event) => event.date.value,
            (event) => event.title,
            (event) => event.id,
          ),
        )
        .map((event) => ({
          id: event.id,
          kind: event.kind,
          title: event.title,
          description: event.description,
          date: presentFuzzyDate(event.date),
          source: event.source,
          confidence: event.confidence,
          illustrative: event.illustrative,
          marking: mark(event.marking),
        })),
    })
  }

  const frameworks: ExportDocument['frameworks'] = []
  for (const framework of (await listVisibleFrameworks(db, principal)).sort(byKeys((f) => f.id))) {
    const memberships = await listVisibleMemberships(db.kysely, principal, framework.id)
    frameworks.push({
      id: framework.id,
      name: framework.name,
      shortName: framework.shortName,
      formal: framework.formal,
      started: presentFuzzyDateOrNull(framework.started),
      description: framework.description,
      source: framework.source,
      marking: mark(framework.marking),
      memberships: memberships
        .sort(
          byKeys(
            (m) => m.code,
            (m) => m.from?.value ?? '',
            (m) => m.to?.value ?? '',
            (m) => m.status,
            (m) => m.note ?? '',
          ),
        )
        .map((membership) => ({
          country: membership.code,
          from: presentFuzzyDateOrNull(membership.from),
          to: presentFuzzyDateOrNull(membership.to),
          status: membership.status,
          note: membership.note,
          marking: mark(membership.marking),
        })),
    })
  }

  const programmes: ExportDocument['programmes'] = []
  const programmeRows = (await listVisibleProgrammes(db.kysely, principal, {})).sort(
    byKeys(
      (p) => p.partnerCode,
      (p) => p.startsOn,
      (p) => p.title,
      (p) => p.id,
    ),
  )
  for (const programme of programmeRows) {
    const nodes = await listVisibleNodes(db.kysely, principal, programme.id)
    const milestones = await listVisibleMilestones(db.kysely, principal, programme.id)
    programmes.push({
      id: programme.id,
      partnerCode: programme.partnerCode,
      kind: programme.kind,
      title: programme.title,
      status: programme.status,
      periodFrom: presentFuzzyDate(programme.periodFrom),
      periodTo: presentFuzzyDate(programme.periodTo),
      agreedOn: presentFuzzyDateOrNull(programme.agreedOn),
      round: programme.round,
      supersedesId: programme.supersedes?.id ?? null,
      supersededById: programme.supersededBy?.id ?? null,
      publicDiplomacy: programme.publicDiplomacy,
      nextReview: programme.nextReview,
      illustrative: programme.illustrative,
      marking: mark(programme.marking),
      version: programme.version,
      nodes: treeOrder(nodes).map((node) => ({
        id: node.id,
        kind: node.kind,
        parentId: node.parentId,
        position: node.position,
        title: node.title,
        description: node.description,
        priorityAreas: [...node.priorityAreas],
        illustrative: node.illustrative,
        marking: mark(node.marking),
        version: node.version,
      })),
      milestones: milestones
        .sort(
          byKeys(
            (m) => m.due,
            (m) => m.title,
            (m) => m.id,
          ),
        )
        .map((milestone) => ({
          id: milestone.id,
          goalId: milestone.goalId,
          title: milestone.title,
          due: milestone.due,
          status: milestone.status,
          illustrative: milestone.illustrative,
          marking: mark(milestone.marking),
          version: milestone.version,
        })),
    })
  }

  const engagementRows = (
    await everyPage(
      async (limit, offset) =>
        (
          await listVisibleEngagements(db, principal, { order: 'asc', limit, offset })
        ).items,
    )
  ).sort(
    byKeys(
      (e) => e.timing.start,
      (e) => e.title,
      (e) => e.id,
    ),
  )
  const engagements: ExportDocument['engagements'] = []
  for (const engagement of engagementRows) {
    const participants = await listVisibleParticipants(db.kysely, principal, engagement.id)
    engagements.push({
      id: engagement.id,
      kind: engagement.kind,
      level: engagement.level,
      format: engagement.format,
      title: engagement.title,
      summary: engagement.summary,
      host: engagement.host,
      place: engagement.place,
      timing: { ...engagement.timing },
      parentId: engagement.parentId,
      priorityAreas: [...engagement.priorityAreas],
      outcomes: [...engagement.outcomes],
      marking: mark(engagement.marking),
      version: engagement.version,
      // Recorded order is meaningful (who led the delegation), so it is kept as stored.
      participants: participants.map((participant) => ({
        country: participant.country,
        person: participant.person,
        role: participant.role,
        level: participant.level,
        marking: mark(participant.marking),
      })),
    })
  }

  const statements = (
    await everyPage(
      async (limit, offset) => (await listVisibleStatements(db.kysely, principal, { limit, offset })).items,
    )
  )
    .sort(
      byKeys(
        (s) => s.issuedOn ?? '',
        (s) => s.title,
        (s) => s.id,
      ),
    )
    .map((statement) => ({
      id: statement.id,
      kind: statement.kind,
      status: statement.status,
      title: statement.title,
      summary: statement.summary,
      issuedOn: statement.issuedOn,
      issuers: [...statement.issuers],
      engagementId: statement.engagementId,
      priorityAreas: [...statement.priorityAreas],
      associations: [...statement.associations]
        .sort(byKeys((a) => a.country))
        .map((association) => ({ country: association.country, marking: mark(association.marking) })),
      marking: mark(statement.marking),
      version: statement.version,
    }))

  const proposals = (
    await everyPage(
      async (limit, offset) => (await proposalPage(db, principal, { limit, offset }, null)).items,
    )
  )
    .sort(
      byKeys(
        (p) => p.createdAt,
        (p) => p.title,
        (p) => p.id,
      ),
    )
    .map((proposal) => {
      seen.push(...proposal.linkMarkings)
      return {
        id: proposal.id,
        title: proposal.title,
        text: proposal.text,
        kind: proposal.kind,
        status: proposal.status,
        procedure: proposal.procedure,
        deadline: proposal.deadline,
        partner: proposal.partner,
        programme: proposal.programme,
        engagement: proposal.engagement,
        liaisonOffice: proposal.liaisonOffice,
        createdAt: proposal.createdAt,
        marking: mark(proposal.marking),
        version: proposal.version,
      }
    })

  const offices = (
    await everyPage(
      async (limit, offset) =>
        (
          await listVisibleOffices(db.kysely, db.engine, principal, { limit, offset })
        ).items,
    )
  )
    .sort(
      byKeys(
        (o) => o.city,
        (o) => o.createdAt,
        (o) => o.id,
      ),
    )
    .map((office) => {
      seen.push(...office.linkMarkings)
      return {
        id: office.id,
        city: office.city,
        country: office.country,
        timeZone: office.timeZone,
        status: office.status,
        partners: [...office.partners].sort(),
        proposalId: office.proposal?.id ?? null,
        createdAt: office.createdAt,
        marking: mark(office.marking),
        version: office.version,
      }
    })

  return {
    format: 'liaison-export',
    formatVersion: 1,
    principal: { kind: principal.kind, country: principal.country, clearance: principal.clearance },
    marking: presentMarking(highestMarking(seen)),
    members,
    partners,
    frameworks,
    programmes,
    engagements,
    statements,
    proposals,
    offices,
  }
}
