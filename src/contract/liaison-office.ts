import { z } from 'zod'
import { liaisonOfficeStatuses } from '../domain/liaison-office.ts'
import { CountryCode, MarkingView, Paging } from './common.ts'
import { MarkingInput } from './engagement.ts'
import { ProposalStatusName } from './proposal.ts'

export const LiaisonOfficeStatusName = z.enum(liaisonOfficeStatuses).meta({ id: 'LiaisonOfficeStatus' })

const officeFields = {
  city: z.string().trim().min(1, 'A city is required').max(120),
  country: CountryCode.meta({ description: 'The host country' }),
  timeZone: z
    .string()
    .trim()
    .min(1, 'A time zone is required, e.g. Asia/Tokyo')
    .max(64)
    .meta({ description: 'IANA time zone the office keeps its hours in', example: 'Asia/Tokyo' }),
  partners: z.array(CountryCode).max(60).default([]).meta({ description: 'Partner countries it serves' }),
  status: LiaisonOfficeStatusName.default('proposed'),
  marking: MarkingInput,
}

/** A new liaison office; it usually starts proposed and opens when its proposal is adopted. */
export const LiaisonOfficeInput = z.object(officeFields).strict()

/** A change to an office (JSON merge patch; If-Match required). */
export const LiaisonOfficePatch = z
  .object({
    city: officeFields.city.optional(),
    country: officeFields.country.optional(),
    timeZone: officeFields.timeZone.optional(),
    partners: z.array(CountryCode).max(60).optional(),
    status: LiaisonOfficeStatusName.optional(),
    marking: MarkingInput.optional(),
  })
  .strict()

export const LiaisonOfficeParams = z.object({ id: z.string().min(1).max(100) })

export const LiaisonOfficeListQuery = Paging.extend({
  status: LiaisonOfficeStatusName.optional(),
  partner: CountryCode.optional().meta({ description: 'Offices serving this partner' }),
}).strict()

export const LiaisonOfficeView = z
  .object({
    id: z.string(),
    city: z.string(),
    country: z.string(),
    countryName: z.string(),
    timeZone: z.string(),
    status: LiaisonOfficeStatusName,
    partners: z.array(z.string()),
    proposal: z.object({ id: z.string(), status: ProposalStatusName }).nullable(),
    createdAt: z.string(),
    marking: MarkingView,
    version: z.number().int(),
    abilities: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'LiaisonOffice' })

export const LiaisonOfficeDetail = LiaisonOfficeView.extend({ pageMarking: MarkingView }).meta({
  id: 'LiaisonOfficeDetail',
})

export const LiaisonOfficeList = z
  .object({ items: z.array(LiaisonOfficeView), total: z.number().int(), marking: MarkingView })
  .meta({ id: 'LiaisonOfficeList' })
