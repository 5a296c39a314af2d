import { z } from 'zod'
import {
  attendanceValues,
  eventPhases,
  eventStatuses,
  invitationStatuses,
  itemFormats,
  participantRoles,
  providerKinds,
  registrationStatuses,
  requestStatuses,
} from '../domain/cooperation/vocabulary.ts'
import { CountryCode, IsoDay, MarkingView, Paging, Slug } from './common.ts'
import { MarkingInput } from './engagement.ts'

/*
 * The cooperation menu (issue 13): items offered by members and alliance bodies, their events,
 * partner requests linked to programme goals, invitations, registrations with a waiting list,
 * attendance and feedback reports. docs/cooperation.md lists the routes and state machines.
 */

export const CooperationFormat = z.enum(itemFormats).meta({ id: 'CooperationFormat' })
export const CooperationRequestStatus = z.enum(requestStatuses).meta({ id: 'CooperationRequestStatus' })
export const CooperationInvitationStatus = z
  .enum(invitationStatuses)
  .meta({ id: 'CooperationInvitationStatus' })
export const CooperationRegistrationStatus = z
  .enum(registrationStatuses)
  .meta({ id: 'CooperationRegistrationStatus' })
export const CooperationAttendance = z.enum(attendanceValues).meta({ id: 'CooperationAttendance' })
export const CooperationEventStatus = z.enum(eventStatuses).meta({ id: 'CooperationEventStatus' })
export const CooperationEventPhase = z.enum(eventPhases).meta({
  id: 'CooperationEventPhase',
  description:
    'Derived from the day in the event’s zone: open (before the application deadline), closed (deadline passed), running, finished, or cancelled',
})
export const CooperationParticipantRole = z.enum(participantRoles).meta({ id: 'CooperationParticipantRole' })

/** A query flag sent as text: only `true` and `false` mean something. */
const QueryFlag = z
  .enum(['true', 'false'], { message: 'Use true or false' })
  .transform((flag) => flag === 'true')

const Id = z.string().min(1).max(100)
const PriorityAreaId = Slug.meta({ description: 'A priority area id, e.g. cyber-defence' })
const Language = z
  .string()
  .regex(/^[a-z]{2}$/, 'Use a two-letter ISO 639-1 language code, e.g. en')
  .meta({ example: 'en' })
const TimeZone = z
  .string()
  .trim()
  .min(1, 'A time zone is required, e.g. Asia/Seoul')
  .max(64)
  .meta({ description: 'IANA time zone of the place', example: 'Europe/Rome' })

// ---- providers ---------------------------------------------------------------------------------

export const ProviderInput = z
  .object({
    kind: z.enum(providerKinds),
    code: z
      .string()
      .trim()
      .min(1, 'Name the provider: a member’s country code or an alliance body’s id')
      .max(40)
      .meta({ description: 'ISO alpha-3 code of a member, or the id of an alliance body' }),
  })
  .strict()

export const ProviderView = z
  .object({ kind: z.enum(providerKinds), code: z.string(), name: z.string() })
  .meta({ id: 'CooperationProvider' })

// ---- items ------------------------------------------------------------------------------------

const itemShape = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'Use an upper-case code of letters, digits and dashes, e.g. CYB-101')
    .meta({ example: 'CYB-101' }),
  title: z.string().trim().min(1, 'Enter a title').max(300, 'Keep the title under 300 characters'),
  description: z.string().trim().max(5000, 'Keep the description under 5,000 characters'),
  provider: ProviderInput,
  format: CooperationFormat,
  priorityAreas: z.array(PriorityAreaId).max(14),
  languages: z.array(Language).min(1, 'Name at least one working language').max(10),
  eligibility: z
    .object({
      partners: z.array(CountryCode).max(200).default([]),
      frameworks: z.array(Slug).max(20).default([]),
    })
    .strict()
    .meta({
      description:
        'Who may request it: these partners and members of these frameworks; both empty = every partner',
    }),
  illustrative: z.boolean().meta({ description: 'Demo content, not an actual offer' }),
  marking: MarkingInput,
}

export const CooperationItemInput = z
  .object({
    ...itemShape,
    description: itemShape.description.default(''),
    priorityAreas: itemShape.priorityAreas.default([]),
    illustrative: itemShape.illustrative.default(false),
    eligibility: itemShape.eligibility.default({ partners: [], frameworks: [] }),
  })
  .strict()

/** A change to an item (JSON merge patch; If-Match required). */
export const CooperationItemPatch = z
  .object({
    code: itemShape.code.optional(),
    title: itemShape.title.optional(),
    description: itemShape.description.optional(),
    provider: ProviderInput.optional(),
    format: CooperationFormat.optional(),
    priorityAreas: itemShape.priorityAreas.optional(),
    languages: itemShape.languages.optional(),
    eligibility: itemShape.eligibility.optional(),
    illustrative: itemShape.illustrative.optional(),
    marking: MarkingInput.optional(),
  })
  .strict()

export const CooperationIdParams = z.object({ id: Id })

export const CooperationItemListQuery = Paging.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Words in the code, title or description' }),
  priorityArea: PriorityAreaId.optional(),
  provider: z.string().trim().min(1).max(40).optional().meta({ description: 'A member code or body id' }),
  format: CooperationFormat.optional(),
  eligible: QueryFlag.optional().meta({
    description: 'true: only the items the caller’s country may request',
  }),
}).strict()

export const CooperationItemView = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    provider: ProviderView,
    format: CooperationFormat,
    priorityAreas: z.array(z.string()),
    languages: z.array(z.string()),
    eligibility: z.object({ partners: z.array(z.string()), frameworks: z.array(z.string()) }),
    /** True when the caller's country may request it (false for staff, allies and the public). */
    eligibleForMe: z.boolean(),
    illustrative: z.boolean(),
    createdAt: z.string(),
    marking: MarkingView,
    version: z.number().int(),
    abilities: z.object({ edit: z.boolean(), addEvent: z.boolean() }),
  })
  .meta({ id: 'CooperationItem' })

export const CooperationItemDetail = CooperationItemView.extend({ pageMarking: MarkingView }).meta({
  id: 'CooperationItemDetail',
})

export const CooperationItemList = z
  .object({ items: z.array(CooperationItemView), total: z.number().int(), marking: MarkingView })
  .meta({ id: 'CooperationItemList' })

// ---- events -----------------------------------------------------------------------------------

const eventShape = {
  itemId: Id,
  startsOn: IsoDay.meta({ description: 'First day, in the event’s zone' }),
  endsOn: IsoDay.meta({ description: 'Last day, in the event’s zone' }),
  place: z.string().trim().min(1, 'Enter a place').max(200),
  timeZone: TimeZone,
  capacity: z
    .number()
    .int()
    .min(1, 'Capacity must be at least 1')
    .max(10000, 'Capacity must be at most 10,000'),
  applicationDeadline: IsoDay.meta({ description: 'Last day to request and register, in the event’s zone' }),
  status: CooperationEventStatus,
  marking: MarkingInput,
}

export const CooperationEventInput = z
  .object({ ...eventShape, status: eventShape.status.default('scheduled') })
  .strict()

/** A change to an event (JSON merge patch; If-Match required). Its item does not change. */
export const CooperationEventPatch = z
  .object({
    startsOn: eventShape.startsOn.optional(),
    endsOn: eventShape.endsOn.optional(),
    place: eventShape.place.optional(),
    timeZone: eventShape.timeZone.optional(),
    capacity: eventShape.capacity.optional(),
    applicationDeadline: eventShape.applicationDeadline.optional(),
    status: eventShape.status.optional(),
    marking: MarkingInput.optional(),
  })
  .strict()

export const CooperationEventListQuery = Paging.extend({
  item: Id.optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: 'Words in the item’s code or title, or the place' }),
  priorityArea: PriorityAreaId.optional(),
  provider: z.string().trim().min(1).max(40).optional(),
  from: IsoDay.optional().meta({ description: 'Events ending on or after this day' }),
  to: IsoDay.optional().meta({ description: 'Events starting on or before this day' }),
  upcoming: QueryFlag.optional().meta({ description: 'true: events not yet finished (alliance day)' }),
  status: CooperationEventStatus.optional(),
}).strict()

export const CooperationItemSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    format: CooperationFormat,
    provider: ProviderView,
    priorityAreas: z.array(z.string()),
  })
  .meta({ id: 'CooperationItemSummary' })

export const CooperationEventView = z
  .object({
    id: z.string(),
    item: CooperationItemSummary,
    startsOn: z.string(),
    endsOn: z.string(),
    place: z.string(),
    timeZone: z.string(),
    capacity: z.number().int(),
    applicationDeadline: z.string(),
    status: CooperationEventStatus,
    phase: CooperationEventPhase,
    /** Counted over the registrations the caller may see (a partner: its own). */
    registered: z.number().int(),
    waitlisted: z.number().int(),
    /** The caller's own country's latest request for this event, if any. */
    ownRequest: z.object({ id: z.string(), status: CooperationRequestStatus }).nullable(),
    illustrative: z.boolean().meta({ description: 'Demo content, not an actual record' }),
    marking: MarkingView,
    version: z.number().int(),
    abilities: z.object({
      edit: z.boolean(),
      request: z.boolean(),
      seeParticipants: z.boolean(),
    }),
  })
  .meta({ id: 'CooperationEvent' })

export const CooperationEventDetail = CooperationEventView.extend({ pageMarking: MarkingView }).meta({
  id: 'CooperationEventDetail',
})

export const CooperationEventList = z
  .object({ items: z.array(CooperationEventView), total: z.number().int(), marking: MarkingView })
  .meta({ id: 'CooperationEventList' })

// ---- requests and invitations -----------------------------------------------------------------

export const CooperationRequestInput = z
  .object({
    eventId: Id,
    goalIds: z
      .array(Id)
      .min(1, 'Link the request to at least one goal of the partner’s programme')
      .max(20, 'Link at most 20 goals'),
    partner: CountryCode.optional().meta({
      description: 'The requesting partner; a partner’s user may leave it out (its own country)',
    }),
    note: z.string().trim().max(2000, 'Keep the note under 2,000 characters').default(''),
    marking: MarkingInput.optional().meta({
      description: 'Defaults to UNCLASSIFIED, releasable to the requesting partner',
    }),
  })
  .strict()

/** Approve or decline (If-Match on the request); approving issues the invitation with `message`. */
export const CooperationDecisionInput = z
  .object({
    note: z.string().trim().max(2000, 'Keep the note under 2,000 characters').default(''),
    message: z
      .string()
      .trim()
      .max(2000, 'Keep the message under 2,000 characters')
      .default('')
      .meta({ description: 'The invitation’s joining instructions (approval only)' }),
  })
  .strict()

export const CooperationInvitationResponse = z.object({ response: z.enum(['accept', 'decline']) }).strict()

export const CooperationRequestListQuery = Paging.extend({
  event: Id.optional(),
  item: Id.optional(),
  partner: CountryCode.optional(),
  status: CooperationRequestStatus.optional(),
  programme: Id.optional().meta({ description: 'Requests linked to goals of this programme' }),
  goal: Id.optional().meta({ description: 'Requests linked to this goal' }),
  provider: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .meta({ description: 'The approval queue of a provider' }),
}).strict()

export const CooperationGoalRef = z
  .object({ id: z.string(), title: z.string(), programmeId: z.string() })
  .meta({ id: 'CooperationGoalRef' })

export const CooperationInvitationView = z
  .object({
    status: CooperationInvitationStatus,
    issuedAt: z.string(),
    message: z.string(),
    respondedAt: z.string().nullable(),
  })
  .meta({ id: 'CooperationInvitation' })

export const CooperationRequestView = z
  .object({
    id: z.string(),
    event: z.object({
      id: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      place: z.string(),
      timeZone: z.string(),
      phase: CooperationEventPhase,
    }),
    item: CooperationItemSummary,
    partner: z.object({ code: z.string(), name: z.string() }),
    status: CooperationRequestStatus,
    note: z.string(),
    /** The goals it serves that the caller may see. */
    goals: z.array(CooperationGoalRef),
    decision: z
      .object({ at: z.string(), by: z.string(), note: z.string() })
      .nullable()
      .meta({ description: 'The provider’s approval or refusal' }),
    invitation: CooperationInvitationView.nullable(),
    registered: z.number().int(),
    waitlisted: z.number().int(),
    report: z.object({ filedAt: z.string(), rating: z.number().int() }).nullable(),
    createdAt: z.string(),
    illustrative: z.boolean().meta({ description: 'Demo content, not an actual record' }),
    marking: MarkingView,
    version: z.number().int(),
    abilities: z.object({
      approve: z.boolean(),
      decline: z.boolean(),
      withdraw: z.boolean(),
      respond: z.boolean().meta({ description: 'Accept or decline the invitation' }),
      register: z.boolean(),
      recordAttendance: z.boolean(),
      fileReport: z.boolean(),
    }),
  })
  .meta({ id: 'CooperationRequest' })

export const CooperationRequestDetail = CooperationRequestView.extend({ pageMarking: MarkingView }).meta({
  id: 'CooperationRequestDetail',
})

export const CooperationRequestList = z
  .object({ items: z.array(CooperationRequestView), total: z.number().int(), marking: MarkingView })
  .meta({ id: 'CooperationRequestList' })

// ---- registrations ----------------------------------------------------------------------------

export const CooperationRegistrationInput = z
  .object({
    personName: z.string().trim().min(1, 'Enter the participant’s name').max(200),
    nation: CountryCode.meta({ description: 'The participant’s nation' }),
    role: CooperationParticipantRole.default('participant'),
  })
  .strict()

export const CooperationAttendanceInput = z.object({ attendance: CooperationAttendance }).strict()

export const CooperationRegistrationListQuery = Paging.extend({
  request: Id.optional(),
  status: CooperationRegistrationStatus.optional(),
}).strict()

export const CooperationRegistrationView = z
  .object({
    id: z.string(),
    requestId: z.string(),
    eventId: z.string(),
    partner: z.string(),
    personName: z.string(),
    nation: z.string(),
    role: CooperationParticipantRole,
    status: CooperationRegistrationStatus,
    /** 1-based place on the waiting list (among the waiting registrations the caller may see). */
    waitlistPosition: z.number().int().nullable(),
    attendance: CooperationAttendance.nullable(),
    createdAt: z.string(),
    illustrative: z.boolean().meta({ description: 'Demo content, not an actual record' }),
    marking: MarkingView,
    version: z.number().int(),
    abilities: z.object({ cancel: z.boolean(), recordAttendance: z.boolean() }),
  })
  .meta({ id: 'CooperationRegistration' })

export const CooperationRegistrationList = z
  .object({ items: z.array(CooperationRegistrationView), total: z.number().int(), marking: MarkingView })
  .meta({ id: 'CooperationRegistrationList' })

// ---- feedback reports -------------------------------------------------------------------------

export const CooperationReportInput = z
  .object({
    rating: z.number().int().min(1, 'Rate from 1 to 5').max(5, 'Rate from 1 to 5'),
    summary: z.string().trim().min(1, 'Summarise the activity').max(5000),
    outcomes: z.string().trim().max(5000).default(''),
    goalIds: z.array(Id).max(20).default([]).meta({
      description: 'The request’s goals the activity served (feeds the programme’s progress)',
    }),
  })
  .strict()

export const CooperationReportView = z
  .object({
    requestId: z.string(),
    rating: z.number().int(),
    summary: z.string(),
    outcomes: z.string(),
    goals: z.array(CooperationGoalRef),
    filedAt: z.string(),
    filedBy: z.string(),
    illustrative: z.boolean().meta({ description: 'Demo content, not an actual record' }),
    marking: MarkingView,
  })
  .meta({ id: 'CooperationReport' })
