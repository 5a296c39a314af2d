import { z } from 'zod'
import { Paging } from './common.ts'

/** The kinds a file can be imported as (the store's registry; a test keeps the two lists equal). */
export const importKindValues = [
  'partners',
  'events',
  'engagements',
  'programmes',
  'cooperation-items',
  'cooperation-events',
] as const
export const ImportKindName = z.enum(importKindValues).meta({ id: 'ImportKind' })

export const ImportQuery = z
  .object({
    kind: ImportKindName,
    dryRun: z
      .enum(['true', 'false'], 'Use true or false')
      .default('false')
      .transform((value) => value === 'true')
      .meta({ description: 'Check the file and report what would be created, changing nothing' }),
  })
  .strict()

export const ImportParams = z.object({ id: z.string().min(1).max(100) })

export const ImportProblemView = z
  .object({
    row: z
      .number()
      .int()
      .meta({ description: 'As a spreadsheet numbers it: the CSV header is row 1; 0 is the file' }),
    field: z.string().meta({ description: 'The column (CSV) or field path (JSON); empty for the whole row' }),
    message: z.string(),
  })
  .meta({ id: 'ImportProblem' })

export const importStatuses = ['running', 'succeeded', 'failed', 'error', 'interrupted'] as const

export const ImportJobView = z
  .object({
    id: z.string(),
    kind: ImportKindName,
    format: z.enum(['csv', 'json']),
    dryRun: z.boolean(),
    status: z.enum(importStatuses).meta({
      description:
        'running; succeeded (written, or for a dry run: would be); failed (problems found, nothing written); error (nothing written); interrupted (the server stopped, nothing written)',
    }),
    processed: z.number().int().meta({ description: 'Bytes of the file read so far' }),
    total: z.number().int().meta({ description: 'Size of the file in bytes' }),
    percent: z.number().int().min(0).max(100),
    rows: z.number().int().meta({ description: 'Records read so far' }),
    created: z.number().int().meta({ description: 'Records created (a dry run: that would be)' }),
    errorCount: z.number().int(),
    errors: z.array(ImportProblemView).meta({ description: 'The first 1000 problems, in file order' }),
    message: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' })

export const ImportListQuery = Paging.extend({}).strict()

/** A past import in the list: what and when, how it ended and who ran it, without its problems. */
export const ImportJobSummary = ImportJobView.omit({
  errors: true,
  processed: true,
  total: true,
  percent: true,
})
  .extend({ importer: z.string().nullable().meta({ description: 'Username of who ran it' }) })
  .meta({ id: 'ImportJobSummary' })

export const ImportJobList = z
  .object({ items: z.array(ImportJobSummary), total: z.number().int() })
  .meta({ id: 'ImportJobList' })
