import { z } from 'zod'
import { CountryCode, Slug } from './common.ts'

export const CalendarFeedStatus = z
  .object({ active: z.boolean(), createdAt: z.string().nullable() })
  .meta({ id: 'CalendarFeedStatus' })

export const CalendarFeedCreated = z
  .object({
    token: z.string().meta({ description: 'Shown once; only its hash is kept' }),
    createdAt: z.string(),
    partnerUrlTemplate: z.string().meta({ example: '/api/v1/calendar/TOKEN/partners/JPN.ics' }),
    frameworkUrlTemplate: z.string().meta({ example: '/api/v1/calendar/TOKEN/frameworks/ip4.ics' }),
    allUrl: z
      .string()
      .meta({ description: 'Every engagement you may see', example: '/api/v1/calendar/TOKEN/all.ics' }),
  })
  .meta({ id: 'CalendarFeedCreated' })

const Token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a feed token')

export const AllFeedParams = z.object({ token: Token })

export const PartnerFeedParams = z.object({
  token: Token,
  file: z
    .string()
    .regex(/^[A-Za-z]{3}\.ics$/, 'Use the partner code followed by .ics, e.g. JPN.ics')
    .transform((file) => CountryCode.parse(file.slice(0, 3))),
})

export const FrameworkFeedParams = z.object({
  token: Token,
  file: z
    .string()
    .regex(/^[a-z0-9-]{1,40}\.ics$/, 'Use the framework id followed by .ics, e.g. ip4.ics')
    .transform((file) => Slug.parse(file.slice(0, -4))),
})
