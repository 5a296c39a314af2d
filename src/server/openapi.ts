import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { errorCatalogue } from './error-catalogue.ts'
import { documentEtag } from './if-match.ts'
import { finishDocument } from './openapi-finish.ts'

/** Registers the OpenAPI 3.1 document, generated from the routes' Zod schemas. Call before routes. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Liaison API',
        version: '1.0.0',
        description:
          'Partnership programmes, frameworks and engagements of an alliance and its partners. Every read is filtered by the caller’s marking rights. Errors are RFC 9457 problem+json; see /api/docs/errors. A method that a path does not list answers 405 with an Allow header (components/responses/MethodNotAllowed).',
      },
      tags: [
        { name: 'session', description: 'Sign in and out' },
        { name: 'partners', description: 'Partner countries and their relationship history' },
        { name: 'frameworks', description: 'Partnership frameworks and membership over time' },
        { name: 'members', description: 'Member states of the alliance' },
        { name: 'engagements', description: 'Summits, ministerials, council sessions and other meetings' },
        { name: 'statements', description: 'Declarations and joint statements, and who associates' },
        { name: 'analytics', description: 'Engagement trends by level, format, intensity and regularity' },
        {
          name: 'health',
          description: 'Liveness and readiness probes for process managers and load balancers',
        },
        { name: 'calendar', description: 'Secret per-user iCalendar feeds of engagements' },
        {
          name: 'decisions',
          description: 'Proposals decided by consensus or silence, and members’ positions',
        },
        {
          name: 'programmes',
          description:
            'Partnership programmes (ITPP, IPCP): tree, milestones, lifecycle, versions, documents',
        },
        {
          name: 'cooperation',
          description:
            'The cooperation menu: items, events, partner requests, invitations, registrations, attendance, reports',
        },
      ],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' } },
      },
    },
    transform: (document) => documentEtag(jsonSchemaTransform(document), document.route),
    transformObject: jsonSchemaTransformObject,
  })
}

/** Serves the document and the human docs once every route is registered. */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  // Built on the first request: swagger() is only available once the app is ready.
  let document: object | undefined
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => {
    document ??= finishDocument(structuredClone(app.swagger()))
    return document
  })
  app.get('/api/docs/errors', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(errorCatalogue()),
  )
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
}
