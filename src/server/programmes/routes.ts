import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import { DiffQuery, ProgrammeListQuery, ProgrammeParams } from '../../contract/programme.ts'
import {
  DiffView,
  PortfolioView,
  ProgrammeDetail,
  ProgrammeList,
  ProgressReport,
  VersionList,
} from '../../contract/programme-view.ts'
import { activityProgress } from '../../domain/cooperation/goal-progress.ts'
import { DomainError } from '../../domain/errors.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import { programmeStatuses } from '../../domain/programme.ts'
import { alignByTitle, diffSnapshots } from '../../domain/programme-diff.ts'
import { overallProgress, progressByArea } from '../../domain/programme-progress.ts'
import { listGoalActivities } from '../../store/cooperation-goal-store.ts'
import type { Db } from '../../store/database.ts'
import { type ProgrammeStats, programmeStats } from '../../store/programme-stats-store.ts'
import {
  listVisibleProgrammes,
  type ProgrammeRecord,
  requireVisibleProgramme,
} from '../../store/programme-store.ts'
import {
  currentSnapshot,
  listVisibleVersions,
  loadVersionItems,
} from '../../store/programme-version-store.ts'
import type { Clock } from '../clock.ts'
import { setEtag } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import { loadProgramme, loadProgrammeDetail } from './load.ts'
import { presentDiff, presentSummary } from './present.ts'

const tags = ['programmes']

/** Reads of programmes: lists, the tree, progress, versions and diffs. Writes are in write-routes.ts. */
export async function programmeRoutes(
  app: FastifyInstance,
  { db, clock: { today } }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get(
    '/api/v1/programmes',
    {
      schema: {
        tags,
        summary: 'List programmes',
        description: 'Programmes the caller may see, by partner; filter by partner, kind and status.',
        querystring: ProgrammeListQuery,
        response: { 200: ProgrammeList, 400: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      const programmes = await listVisibleProgrammes(db.kysely, principal, request.query)
      const stats = await programmeStats(
        db.kysely,
        principal,
        programmes.map((p) => p.id),
        today(),
      )
      return {
        items: programmes.map((p) => presentSummary(p, stats.get(p.id) ?? overallProgress([], [], today()))),
        total: programmes.length,
        marking: presentMarking(pageMarking(programmes, stats)),
      }
    },
  )

  api.get(
    '/api/v1/programmes/portfolio',
    {
      schema: {
        tags,
        summary: 'Portfolio of programmes across partners',
        description:
          'Kind, period, status, progress, late milestones, next milestone and next review of every visible programme, optionally of one partner, kind or status.',
        querystring: ProgrammeListQuery,
        response: { 200: PortfolioView, 400: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      const day = today()
      const programmes = await listVisibleProgrammes(db.kysely, principal, request.query)
      const stats = await programmeStats(
        db.kysely,
        principal,
        programmes.map((p) => p.id),
        day,
      )
      return {
        today: day,
        items: programmes.map((p) => {
          const s = stats.get(p.id)
          return {
            ...presentSummary(p, s ?? overallProgress([], [], day)),
            nextMilestone: s?.nextMilestone ?? null,
          }
        }),
        byStatus: programmeStatuses.map((status) => ({
          status,
          count: programmes.filter((p) => p.status === status).length,
        })),
        marking: presentMarking(pageMarking(programmes, stats)),
      }
    },
  )

  api.get(
    '/api/v1/programmes/:id',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Get a programme as a tree',
        description:
          'Objectives → goals (with milestones) → activities, numbered, with abilities. ETag = version.',
        params: ProgrammeParams,
        response: { 200: ProgrammeDetail, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const detail = await loadProgrammeDetail(db, request.principal, request.params.id, today())
      setEtag(reply, detail.version)
      return detail
    },
  )

  api.get(
    '/api/v1/programmes/:id/progress',
    {
      schema: {
        tags,
        summary: 'Progress by priority area',
        params: ProgrammeParams,
        response: { 200: ProgressReport, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { nodes, milestones, marking } = await loadProgramme(db, request.principal, request.params.id)
      // The menu's activities feed the progress: the requests the caller may see, under visible goals.
      const served = await listGoalActivities(db.kysely, request.principal, request.params.id)
      const areas = await db.kysely.selectFrom('priority_area').select(['id', 'name']).execute()
      const names = new Map(areas.map((area) => [area.id, area.name]))
      const day = today()
      return {
        today: day,
        marking: presentMarking(highestMarking([marking, ...served.markings])),
        menuActivities: activityProgress(nodes, served.activities),
        overall: overallProgress(nodes, milestones, day),
        byArea: progressByArea(nodes, milestones, day).map((area) => ({
          ...area,
          name: names.get(area.area) ?? 'No priority area',
        })),
      }
    },
  )

  api.get(
    '/api/v1/programmes/:id/versions',
    {
      schema: {
        tags,
        summary: 'Agreed versions of a programme',
        params: ProgrammeParams,
        response: { 200: VersionList, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      await requireVisibleProgramme(db.kysely, principal, request.params.id)
      const versions = await listVisibleVersions(db.kysely, principal, request.params.id)
      return { items: versions.map(({ id: _id, ...version }) => version) }
    },
  )

  api.get(
    '/api/v1/programmes/:id/diff',
    {
      schema: {
        tags,
        summary: 'Structured difference between two versions',
        description:
          'Objectives, goals, activities and milestones added, removed and changed (field by field). Use "current" for the live text.',
        params: ProgrammeParams,
        querystring: DiffQuery,
        response: { 200: DiffView, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      const { id } = request.params
      const programme = await requireVisibleProgramme(db.kysely, principal, id)
      const side = (programmeId: string, ref: number | 'current') =>
        ref === 'current'
          ? currentSnapshot(db.kysely, principal, programmeId)
          : loadVersionItems(db.kysely, principal, programmeId, ref)
      const after = await side(id, request.query.to)
      const { from } = request.query
      const before =
        from === 'predecessor'
          ? alignByTitle(await predecessorText(db, principal, programme), after)
          : await side(id, from)
      const diff = diffSnapshots(before, after)
      const marking = highestMarking([
        programme.marking,
        ...before.map((i) => i.marking),
        ...after.map((i) => i.marking),
      ])
      return presentDiff(request.query.from, request.query.to, diff, marking)
    },
  )
}

/** The last agreed text of the programme this one supersedes (its live text if none was agreed). */
async function predecessorText(db: Db, principal: Principal, programme: ProgrammeRecord) {
  if (programme.supersedes === null) {
    throw new DomainError('not-found', 'This programme supersedes no programme you may see.')
  }
  const versions = await listVisibleVersions(db.kysely, principal, programme.supersedes.id)
  const last = versions.at(-1)
  return last === undefined
    ? currentSnapshot(db.kysely, principal, programme.supersedes.id)
    : loadVersionItems(db.kysely, principal, programme.supersedes.id, last.number)
}

/** The banner of a list: the highest marking of the programmes and of every part counted in it. */
function pageMarking(programmes: readonly ProgrammeRecord[], stats: ReadonlyMap<string, ProgrammeStats>) {
  return highestMarking([
    ...programmes.map((p) => p.marking),
    ...[...stats.values()].flatMap((s) => s.markings),
  ])
}
