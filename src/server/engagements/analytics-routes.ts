import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import {
  AnalyticsQuery,
  AnalyticsSeriesParams,
  EngagementAnalyticsView,
} from '../../contract/engagement-analytics.ts'
import { DomainError } from '../../domain/errors.ts'
import type { Marking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import type { Db } from '../../store/database.ts'
import { type AnalyticsScope, engagementAnalytics } from '../../store/engagement-analytics-store.ts'
import { findVisibleFramework } from '../../store/framework-store.ts'
import { findVisiblePartner } from '../../store/partner-store.ts'
import { csvMediaType } from '../csv.ts'
import { requestTranslator } from '../i18n.ts'
import { analyticsCsv, presentAnalytics } from './analytics-present.ts'
import { type EngagementLabels, requestLabels } from './labels.ts'

/** Resolves the scope to a partner or framework the principal may see; hidden or unknown is 404. */
export async function resolveScope(
  db: Db,
  principal: Principal,
  query: { partner?: string | undefined; framework?: string | undefined },
): Promise<{ scope: AnalyticsScope; id: string; name: string; marking: Marking }> {
  if (query.partner !== undefined) {
    const partner = await findVisiblePartner(db, principal, query.partner)
    if (partner === null) {
      throw new DomainError('not-found', `No partner has the code ${query.partner}.`)
    }
    return {
      scope: { kind: 'partner', code: partner.code },
      id: partner.code,
      name: partner.name,
      marking: partner.marking,
    }
  }
  const id = query.framework ?? ''
  const framework = await findVisibleFramework(db, principal, id)
  if (framework === null) {
    throw new DomainError('not-found', `No framework has the id ${id}.`)
  }
  return {
    scope: { kind: 'framework', id: framework.id },
    id: framework.id,
    name: framework.name,
    marking: framework.marking,
  }
}

export async function analyticsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  async function compute(
    principal: Principal,
    query: z.infer<typeof AnalyticsQuery>,
    labels: EngagementLabels,
  ) {
    const { scope, id, name, marking } = await resolveScope(db, principal, query)
    const analytics = await engagementAnalytics(db, principal, scope, query.window)
    // The partner or framework the answer is about is shown in it, so its marking counts too.
    const withScope = { ...analytics, markings: [marking, ...analytics.markings] }
    return presentAnalytics(withScope, { kind: scope.kind, id, name }, query.window, labels)
  }

  api.get(
    '/api/v1/analytics/engagements',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Engagement analytics for a partner or a framework',
        description:
          'Per year: counts by level and format, level-weighted intensity, regularity (share outside ±window days of a summit, longest gap, active months); first and latest engagement per level. Counted in SQL over what the caller may see.',
        querystring: AnalyticsQuery,
        response: { 200: EngagementAnalyticsView, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => compute(request.principal, request.query, requestLabels(request, reply)),
  )

  api.get(
    '/api/v1/analytics/engagements/:series.csv',
    {
      schema: {
        tags: ['analytics'],
        summary: 'One analytics series as CSV',
        description:
          'UTF-8 with a byte order mark; a header row, then one row per year (or level), each with the marking of the data in its `marking` column. Text cells that would start a formula begin with a single quote.',
        params: AnalyticsSeriesParams,
        querystring: AnalyticsQuery,
        produces: ['text/csv'],
        response: { 200: z.string().meta({ description: 'text/csv' }), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const view = await compute(request.principal, request.query, requestLabels(request, reply))
      const { series } = request.params
      return reply
        .type(csvMediaType)
        .header('content-disposition', `attachment; filename="engagements-${view.scope.id}-${series}.csv"`)
        .send(analyticsCsv(view, series, requestTranslator(request)))
    },
  )
}
