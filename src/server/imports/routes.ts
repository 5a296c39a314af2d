import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import {
  ImportJobList,
  ImportJobView,
  ImportListQuery,
  ImportParams,
  ImportQuery,
} from '../../contract/import.ts'
import { DomainError } from '../../domain/errors.ts'
import type { Db } from '../../store/database.ts'
import { findImportKind } from '../../store/import/import-kinds.ts'
import { findVisibleImportJob, listVisibleImportJobs } from '../../store/import-job-store.ts'
import type { Clock } from '../clock.ts'
import { ImportJobs } from './import-jobs.ts'
import { presentImportJob, presentImportSummary } from './present.ts'

/** Largest file an import accepts (LIAISON_IMPORT_LIMIT bytes; 64 MiB by default): a 413 above it. */
export const defaultImportLimit = 64 * 1024 * 1024

const csvTypes = ['text/csv', 'application/csv']

/** Import of files (issue 11, item 3): upload, then follow the job. */
export async function importRoutes(
  app: FastifyInstance,
  { db, clock, importLimit }: { db: Db; clock: Clock; importLimit?: number },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const jobs = new ImportJobs(db, clock.now)
  const bodyLimit = importLimit ?? defaultImportLimit
  app.addHook('onClose', async () => jobs.settle())

  // The file is read as it was sent (this plugin only): a JSON file is rows to check, not a request body.
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser(
    ['application/json', ...csvTypes],
    { parseAs: 'buffer', bodyLimit },
    (_request, body, done) => done(null, body),
  )

  api.post(
    '/api/v1/imports',
    {
      bodyLimit,
      schema: {
        tags: ['imports'],
        summary: 'Import a CSV or JSON file (staff)',
        description:
          'Send the file as the body, `text/csv` or `application/json` (an array of records). Answers 202 with the job at once; follow it at the `Location`. Every row is checked and every problem reported by row and field; the import is all or nothing, and a dry run changes nothing. Columns per kind: docs/import.md.',
        querystring: ImportQuery,
        response: { 202: ImportJobView, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const { principal } = request
      const kind = findImportKind(request.query.kind)
      if (kind === undefined) {
        throw new DomainError('not-found', `No import kind is named ${request.query.kind}.`)
      }
      const body = request.body
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new DomainError('invalid-input', 'The body is empty: send the file to import as the body.', {
          errors: [{ in: 'body', pointer: '#', detail: 'Send the file as the body' }],
        })
      }
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
      const format = csvTypes.includes(type) ? 'csv' : 'json'
      const id = await jobs.start(principal, { kind, format, dryRun: request.query.dryRun, body })
      const job = await findVisibleImportJob(db.kysely, principal, id)
      if (job === null) throw new DomainError('not-found', `No import has the id ${id}.`)
      return reply
        .code(202)
        .header('location', `/api/v1/imports/${id}`)
        .send(presentImportJob(jobs.withProgress(job)))
    },
  )

  api.get(
    '/api/v1/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'List past imports',
        description:
          'Newest first: the caller’s own imports, or everyone’s for those who may import (staff), with who ran each, how it ended and how many records it created. Problems are read on each job.',
        querystring: ImportListQuery,
        response: { 200: ImportJobList, 400: Problem, 401: Problem },
      },
    },
    async (request) => {
      if (request.principal.userId === null) {
        throw new DomainError('unauthenticated', 'Sign in to see your imports.')
      }
      const { items, total } = await listVisibleImportJobs(db.kysely, request.principal, request.query)
      return {
        items: items.map((job) =>
          presentImportSummary({ ...jobs.withProgress(job), importer: job.importer }),
        ),
        total,
      }
    },
  )

  api.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'Follow an import',
        description:
          'The job’s status, progress (bytes read of the file), rows read and problems. Its importer and staff may read it.',
        params: ImportParams,
        response: { 200: ImportJobView, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const job = await findVisibleImportJob(db.kysely, request.principal, request.params.id)
      if (job === null) throw new DomainError('not-found', `No import has the id ${request.params.id}.`)
      return presentImportJob(jobs.withProgress(job))
    },
  )
}
