import { z } from 'zod'
import { membershipStatuses } from '../domain/registry.ts'
import { CountryCode, Slug } from './common.ts'
import { MarkingInput } from './engagement.ts'
import { FuzzyDateInput } from './fuzzy-date-input.ts'

/** Request schemas of the registry's framework writes (issue 11). The views are in framework.ts. */

const frameworkFields = {
  name: z.string().trim().min(1, 'Enter the framework’s name').max(200),
  shortName: z.string().trim().min(1, 'Enter a short name, e.g. IP4').max(40),
  formal: z.boolean(),
  started: FuzzyDateInput.nullable(),
  description: z.string().trim().max(5000),
  source: z.string().trim().min(1).max(500).nullable(),
  marking: MarkingInput,
}

export const FrameworkInput = z
  .object({
    id: Slug,
    ...frameworkFields,
    formal: frameworkFields.formal.default(false),
    started: frameworkFields.started.default(null),
    description: frameworkFields.description.default(''),
    source: frameworkFields.source.default(null),
  })
  .strict()

export const FrameworkRecordInput = z.object(frameworkFields).strict()

/** A change to a framework (JSON merge patch; If-Match required). */
export const FrameworkPatch = z
  .object({
    name: frameworkFields.name.optional(),
    shortName: frameworkFields.shortName.optional(),
    formal: frameworkFields.formal.optional(),
    started: frameworkFields.started.optional(),
    description: frameworkFields.description.optional(),
    source: frameworkFields.source.optional(),
    marking: MarkingInput.optional(),
  })
  .strict()

const membershipFields = {
  from: FuzzyDateInput.nullable(),
  to: FuzzyDateInput.nullable(),
  status: z.enum(membershipStatuses),
  note: z.string().trim().min(1).max(1000).nullable(),
  marking: MarkingInput,
}

/** A new membership span of a country in the framework. */
export const MembershipInput = z
  .object({
    country: CountryCode,
    ...membershipFields,
    to: membershipFields.to.default(null),
    status: membershipFields.status.default('active'),
    note: membershipFields.note.default(null),
  })
  .strict()

export const MembershipRecordInput = z.object(membershipFields).strict()

/** A change to a membership (JSON merge patch; If-Match required). */
export const MembershipPatch = z
  .object({
    from: membershipFields.from.optional(),
    to: membershipFields.to.optional(),
    status: membershipFields.status.optional(),
    note: membershipFields.note.optional(),
    marking: MarkingInput.optional(),
  })
  .strict()

/** Ends a running membership on a (fuzzy) day; it becomes former. */
export const MembershipEnd = z.object({ to: FuzzyDateInput, note: membershipFields.note.optional() }).strict()

const MembershipId = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'Use a membership id as returned by the API')
export const MembershipParams = z.object({ id: Slug, membershipId: MembershipId })
