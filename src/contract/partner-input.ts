import { z } from 'zod'
import { confidences, eventKinds } from '../domain/registry.ts'
import { CountryCode } from './common.ts'
import { MarkingInput } from './engagement.ts'
import { FuzzyDateInput } from './fuzzy-date-input.ts'
import { partnerStatuses } from './partner.ts'

/** Request schemas of the registry's partner writes (issue 11). The views are in partner.ts. */

const partnerFields = {
  name: z.string().trim().min(1, 'Enter the country’s name').max(120),
  capital: z.string().trim().min(1).max(120).nullable(),
  timeZone: z
    .string()
    .trim()
    .min(1, 'A time zone is required, e.g. Asia/Tokyo')
    .max(64)
    .meta({ description: 'IANA time zone of the capital', example: 'Asia/Tokyo' }),
  status: z.enum(partnerStatuses),
  summary: z.string().trim().max(2000),
  dialogueSince: FuzzyDateInput.nullable(),
  marking: MarkingInput,
}

/** A new partner: a country (new, or in the register already) the alliance has a relationship with. */
export const PartnerInput = z
  .object({
    code: CountryCode,
    ...partnerFields,
    capital: partnerFields.capital.default(null),
    status: partnerFields.status.default('active'),
    summary: partnerFields.summary.default(''),
    dialogueSince: partnerFields.dialogueSince.default(null),
  })
  .strict()

/** The fields a partner's record holds, in full: what a patch is merged over. */
export const PartnerRecordInput = z.object(partnerFields).strict()

/** A change to a partner's profile (JSON merge patch; If-Match required). */
export const PartnerPatch = z
  .object({
    name: partnerFields.name.optional(),
    capital: partnerFields.capital.optional(),
    timeZone: partnerFields.timeZone.optional(),
    status: partnerFields.status.optional(),
    summary: partnerFields.summary.optional(),
    dialogueSince: partnerFields.dialogueSince.optional(),
    marking: MarkingInput.optional(),
  })
  .strict()

const RecordId = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'Use an id as returned by the API')

export const EventLinkInput = z
  .object({ type: z.enum(['engagement', 'programme']), id: RecordId })
  .strict()
  .meta({ description: 'The engagement or programme the event records' })

const eventFields = {
  kind: z.enum(eventKinds),
  title: z.string().trim().min(1, 'Enter a title').max(300, 'Keep the title under 300 characters'),
  description: z.string().trim().max(5000),
  date: FuzzyDateInput,
  source: z.string().trim().min(1).max(500).nullable(),
  confidence: z.enum(confidences),
  link: EventLinkInput.nullable(),
  marking: MarkingInput,
}

/** A new relationship event on a partner's timeline. */
export const EventInput = z
  .object({
    ...eventFields,
    description: eventFields.description.default(''),
    source: eventFields.source.default(null),
    confidence: eventFields.confidence.default('high'),
    link: eventFields.link.default(null),
  })
  .strict()

export const EventRecordInput = z.object(eventFields).strict()

/** A change to an event (JSON merge patch; If-Match required). */
export const EventPatch = z
  .object({
    kind: eventFields.kind.optional(),
    title: eventFields.title.optional(),
    description: eventFields.description.optional(),
    date: eventFields.date.optional(),
    source: eventFields.source.optional(),
    confidence: eventFields.confidence.optional(),
    link: eventFields.link.optional(),
    marking: MarkingInput.optional(),
  })
  .strict()

export const EventParams = z.object({ code: CountryCode, id: RecordId })
