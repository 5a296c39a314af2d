import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import {
  EngagementCsvQuery,
  LiaisonOfficeCsvQuery,
  PartnerCsvQuery,
  ProposalCsvQuery,
  StatementCsvQuery,
} from '../../contract/list-csv.ts'
import { ProgrammeListQuery } from '../../contract/programme.ts'
import { highestMarking, type Marking, markingLabel } from '../../domain/marking.ts'
import type { Db } from '../../store/database.ts'
import { listVisibleStatements } from '../../store/engagement-statement-store.ts'
import { listVisibleEngagements } from '../../store/engagement-store.ts'
import { listVisibleFrameworks } from '../../store/framework-store.ts'
import { listVisibleOffices } from '../../store/liaison-office-store.ts'
import { listVisibleMembers } from '../../store/member-store.ts'
import { listVisiblePartners } from '../../store/partner-store.ts'
import { programmeStats } from '../../store/programme-stats-store.ts'
import { listVisibleProgrammes } from '../../store/programme-store.ts'
import { proposalPage } from '../../store/proposal-store.ts'
import type { Clock } from '../clock.ts'
import { type CsvCell, csvMediaType, writeCsv } from '../csv.ts'
import { statementMarkings } from '../engagements/present.ts'

/** The most rows one download reads, in pages of the list's own largest page. */
const csvRowLimit = 100_000
const pageSize = 500

/** Every page of a paged list (up to the limit), with the markings each page counted. */
async function allPages<T>(
  read: (limit: number, offset: number) => Promise<{ items: readonly T[]; markings: readonly Marking[] }>,
): Promise<{ items: T[]; markings: Marking[] }> {
  const items: T[] = []
  const markings: Marking[] = []
  for (let offset = 0; offset < csvRowLimit; offset += pageSize) {
    const page = await read(pageSize, offset)
    items.push(...page.items)
    markings.push(...page.markings)
    if (page.items.length < pageSize) break
  }
  return { items, markings }
}

const list = (values: readonly string[]) => values.join('; ')

function sendCsv(
  reply: FastifyReply,
  name: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  markings: readonly Marking[],
) {
  // Each row's own marking as a column, and the file's (the highest of every row that made the
  // list, as the page's banner) in the writer's `marking` column.
  return reply
    .type(csvMediaType)
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(writeCsv([...header, 'recordMarking'], rows, markingLabel(highestMarking(markings))))
}

const csvResponse = { 200: z.string().meta({ description: 'text/csv' }), 400: Problem }
const about =
  'Every row the list would show for the same filters (no paging, up to 100,000), as UTF-8 CSV with a byte order mark; each row’s own marking in `recordMarking`, the file’s (the list’s banner) in `marking`.'

export async function listCsvRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get(
    '/api/v1/partners.csv',
    {
      schema: {
        tags: ['partners'],
        summary: 'Download the partner list as CSV',
        description: about,
        querystring: PartnerCsvQuery,
        produces: ['text/csv'],
        response: csvResponse,
      },
    },
    async (request, reply) => {
      const { items, markings } = await allPages((limit, offset) =>
        listVisiblePartners(db, request.principal, { ...request.query, limit, offset }),
      )
      const rows = items.map((p) => [
        p.code,
        p.name,
        p.capital,
        p.timeZone,
        p.status,
        p.dialogueSince?.value ?? null,
        list(p.frameworks.map((f) => f.shortName)),
        p.eventCount,
        markingLabel(p.marking),
      ])
      return sendCsv(
        reply,
        'partners',
        ['code', 'name', 'capital', 'timeZone', 'status', 'dialogueSince', 'frameworks', 'events'],
        rows,
        [...markings, ...items.map((p) => p.marking)],
      )
    },
  )

  api.get(
    '/api/v1/frameworks.csv',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Download the framework list as CSV',
        description: about,
        produces: ['text/csv'],
        response: csvResponse,
      },
    },
    async (request, reply) => {
      const frameworks = await listVisibleFrameworks(db, request.principal)
      const rows = frameworks.map((f) => [
        f.id,
        f.shortName,
        f.name,
        f.formal ? 'formal' : 'informal',
        f.started?.value ?? null,
        f.memberCount,
        f.source,
        markingLabel(f.marking),
      ])
      return sendCsv(
        reply,
        'frameworks',
        ['id', 'shortName', 'name', 'kind', 'started', 'members', 'source'],
        rows,
        frameworks.flatMap((f) => [f.marking, ...f.memberMarkings]),
      )
    },
  )

  api.get(
    '/api/v1/members.csv',
    {
      schema: {
        tags: ['members'],
        summary: 'Download the member states as CSV',
        description: about,
        produces: ['text/csv'],
        response: csvResponse,
      },
    },
    async (request, reply) => {
      const members = await listVisibleMembers(db, request.principal)
      const rows = members.map((m) => [
        m.code,
        m.name,
        m.capital,
        m.timeZone,
        m.accession.value,
        markingLabel(m.marking),
      ])
      return sendCsv(
        reply,
        'members',
        ['code', 'name', 'capital', 'timeZone', 'accession'],
        rows,
        members.map((m) => m.marking),
      )
    },
  )

  api.get(
    '/api/v1/programmes.csv',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Download the programme list as CSV',
        description: about,
        querystring: ProgrammeListQuery,
        produces: ['text/csv'],
        response: csvResponse,
      },
    },
    async (request, reply) => {
      const programmes = await listVisibleProgrammes(db.kysely, request.principal, request.query)
      // The progress the list shows, counted over the parts this principal may see (as of today).
      const stats = await programmeStats(
        db.kysely,
        request.principal,
        programmes.map((p) => p.id),
        clock.today(),
      )
      const rows = programmes.map((p) => [
        p.id,
        p.partnerCode,
        p.partnerName,
        p.kind,
        p.title,
        p.status,
        p.periodFrom.value,
        p.periodTo.value,
        p.agreedOn?.value ?? null,
        p.nextReview,
        p.illustrative ? 'yes' : 'no',
        stats.get(p.id)?.percentDone ?? 0,
        stats.get(p.id)?.late ?? 0,
        stats.get(p.id)?.atRisk ?? 0,
        markingLabel(p.marking),
      ])
      return sendCsv(
        reply,
        'programmes',
        [
          'id',
          'partner',
          'partnerName',
          'kind',
          'title',
          'status',
          'periodFrom',
          'periodTo',
          'agreedOn',
          'nextReview',
          'illustrative',
          'percentDone',
          'lateMilestones',
          'atRiskMilestones',
        ],
        rows,
        [...programmes.map((p) => p.marking), ...[...stats.values()].flatMap((s) => s.markings)],
      )
    },
  )

  api.get(
    '/api/v1/engagements.csv',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Download the engagement list as CSV',
        description: `${about} Times are local at the engagement's place, with its zone.`,
        querystring: EngagementCsvQuery,
        produces: ['text/csv'],
        response: csvResponse,
      },
    },
    async (request, reply) => {
      const { tz: _viewerZone, ...filter } = request.query
      const { items, markings } = await allPages((limit, offset) =>
        listVisibleEngagements(db, request.principal, { ...filter, limit, offset }),
      )
      const rows = items.map((e) => [
        e.id,
        e.title,
        e.kind,
        e.level,
        e.format,
        e.timing.start,
        e.timing.end,
        e.timing.allDay ? 'yes' : 'no',
        e.timing.timeZone,
        e.place,
        e.host,
        list(e.countries),
        list(e.priorityAreas),
        e.parentId,
        markingLabel(e.marking),
      ])
      return sendCsv(
        reply,
        'engagements',
        [
          'id',
          'title',
          'kind',
          'level',
          'format',
          'start',
          'end',
          'allDay',
          'timeZone',
          'place',
          'host',
          'countries',
          'priorityAreas',
          'parentId',
        ],
        rows,
        [...markings, ...items.map((e) => e.marking)],
      )
    },
  )

  api.get(
    '/api/v1/statements.csv',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Download the statement list as CSV',
        description: about,
        querystring: StatementCsvQuery,
        produces: ['text/csv'],
        response: csvResponse,
      },
    },
    async (request, reply) => {
      const { items, markings } = await allPages(async (limit, offset) => {
        const page = await listVisibleStatements(db.kysely, request.principal, {
          ...request.query,
          limit,
          offset,
        })
        return {
          items: page.items,
          markings: [...page.items.flatMap(statementMarkings), ...page.engagementMarkings],
        }
      })
      const rows = items.map((s) => [
        s.id,
        s.title,
        s.kind,
        s.status,
        s.issuedOn,
        list(s.issuers),
        list(s.associations.map((a) => a.country)),
        s.engagementId,
        s.engagementTitle,
        list(s.priorityAreas),
        markingLabel(s.marking),
      ])
      return sendCsv(
        reply,
        'statements',
        [
          'id',
          'title',
          'kind',
          'status',
          'issuedOn',
          'issuers',
          'associatedPartners',
          'engagementId',
          'engagementTitle',
          'priorityAreas',
        ],
        rows,
        markings,
      )
    },
  )

  api.get(
    '/api/v1/proposals.csv',
    {
      schema: {
        tags: ['decisions'],
        summary: 'Download the proposal list as CSV',
        description: about,
        querystring: ProposalCsvQuery,
        produces: ['text/csv'],
        response: csvResponse,
      },
    },
    async (request, reply) => {
      const { items, markings } = await allPages((limit, offset) =>
        proposalPage(db, request.principal, { ...request.query, limit, offset }, null),
      )
      const rows = items.map((p) => [
        p.id,
        p.title,
        p.kind,
        p.status,
        p.procedure,
        p.deadline,
        p.partner,
        p.programme,
        p.engagement,
        p.liaisonOffice,
        p.createdAt,
        markingLabel(p.marking),
      ])
      return sendCsv(
        reply,
        'proposals',
        [
          'id',
          'title',
          'kind',
          'status',
          'procedure',
          'deadline',
          'partner',
          'programme',
          'engagement',
          'liaisonOffice',
          'createdAt',
        ],
        rows,
        markings,
      )
    },
  )

  api.get(
    '/api/v1/liaison-offices.csv',
    {
      schema: {
        tags: ['decisions'],
        summary: 'Download the liaison office list as CSV',
        description: about,
        querystring: LiaisonOfficeCsvQuery,
        produces: ['text/csv'],
        response: csvResponse,
      },
    },
    async (request, reply) => {
      const { items, markings } = await allPages((limit, offset) =>
        listVisibleOffices(db.kysely, db.engine, request.principal, { ...request.query, limit, offset }),
      )
      const rows = items.map((o) => [
        o.id,
        o.city,
        o.country,
        o.countryName,
        o.timeZone,
        o.status,
        list(o.partners),
        o.proposal?.id ?? null,
        o.proposal?.status ?? null,
        markingLabel(o.marking),
      ])
      return sendCsv(
        reply,
        'liaison-offices',
        [
          'id',
          'city',
          'country',
          'countryName',
          'timeZone',
          'status',
          'partners',
          'proposalId',
          'proposalStatus',
        ],
        rows,
        markings,
      )
    },
  )
}
