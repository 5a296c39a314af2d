import { z } from 'zod'
import { precisions } from '../domain/fuzzy-date.ts'
import { classifications } from '../domain/marking.ts'

export const CountryCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'Use an ISO 3166-1 alpha-3 code, e.g. JPN')
  .transform((code) => code.toUpperCase())
  .meta({ description: 'ISO 3166-1 alpha-3 country code', example: 'JPN' })

export const Slug = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'Use a short lower-case id, e.g. ip4')
  .meta({ example: 'ip4' })

export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')
  .refine(
    (day) =>
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
      new Date(`${day}T00:00:00Z`).toISOString().startsWith(day),
    'Not a real calendar day',
  )
  .meta({ example: '2023-07-12' })

export const MarkingView = z
  .object({
    classification: z.enum(classifications),
    releasableTo: z.array(z.string()).meta({ description: 'Partner codes; empty means alliance only' }),
    label: z.string().meta({ example: 'RESTRICTED — ALLIANCE ONLY' }),
  })
  .meta({ id: 'Marking' })

export const FuzzyDateView = z
  .object({
    date: z
      .string()
      .meta({ description: 'EDTF (ISO 8601-2): 199X, 2005, 2012-09 or 2014-05-06', example: '199X' }),
    precision: z.enum(precisions),
    label: z.string().meta({ example: 'the 1990s' }),
  })
  .meta({ id: 'FuzzyDate' })

/** Open to extension members (RFC 9457 §3.2) such as `currentVersion` or `currentStatus` on a 409. */
export const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z
      .string()
      .optional()
      .meta({ description: 'The X-Request-Id of the request: quote it when reporting a problem' }),
    errors: z
      .array(
        z.object({
          in: z.enum(['body', 'query', 'path', 'header']).optional(),
          pointer: z.string(),
          detail: z.string(),
        }),
      )
      .optional(),
    currentVersion: z.number().int().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' })

export const Paging = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit must be at least 1')
    .max(500, 'limit must be at most 500')
    .default(100),
  offset: z.coerce.number().int().min(0, 'offset must not be negative').default(0),
})

/** A code's name for people, beside the code itself: the words the web app shows for it. */
export const CodeLabel = z.string().meta({
  description:
    'The name of the code beside it, in the request’s language: the liaison-lang cookie (en, fr), else Accept-Language, else English.',
})
