import { z } from 'zod'
import {
  attendanceValues,
  eventStatuses,
  invitationStatuses,
  itemFormats,
  participantRoles,
  providerKinds,
  registrationStatuses,
  requestStatuses,
} from '../../domain/cooperation/vocabulary.ts'
import { classifications } from '../../domain/marking.ts'

/** The shape of data/cooperation.json (issue 13, item 5): every record says it is illustrative. */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const Instant = z.iso.datetime({ offset: true })
const Code = z.string().regex(/^[A-Z]{3}$/)
const Marking = z.object({ classification: z.enum(classifications), releasableTo: z.array(Code) })
const Id = z.string().min(1).max(100)
/** Demo records are flagged one way only: the column the API shows. */
const Illustrative = z.literal(true)

const SeedItem = z.object({
  id: Id,
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/),
  title: z.string().min(1),
  description: z.string(),
  provider: z.object({ kind: z.enum(providerKinds), code: z.string().min(1) }),
  format: z.enum(itemFormats),
  priorityAreas: z.array(z.string()),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
  eligibility: z.object({ partners: z.array(Code), frameworks: z.array(z.string()) }),
  illustrative: Illustrative,
  marking: Marking,
  createdAt: Instant,
})

const SeedEvent = z.object({
  id: Id,
  item: Id,
  startsOn: Day,
  endsOn: Day,
  place: z.string().min(1),
  timeZone: z.string().min(1),
  capacity: z.number().int().min(1),
  applicationDeadline: Day,
  status: z.enum(eventStatuses),
  illustrative: Illustrative,
  marking: Marking,
  createdAt: Instant,
})

const SeedRequest = z.object({
  id: Id,
  event: Id,
  partner: Code,
  goals: z.array(Id).min(1),
  note: z.string(),
  status: z.enum(requestStatuses),
  createdAt: Instant,
  decision: z.object({ at: Instant, by: z.string().min(1), note: z.string() }).nullable(),
  invitation: z
    .object({
      status: z.enum(invitationStatuses),
      issuedAt: Instant,
      message: z.string(),
      respondedAt: Instant.nullable(),
    })
    .nullable(),
  illustrative: Illustrative,
  marking: Marking,
})

const SeedRegistration = z.object({
  id: Id,
  request: Id,
  personName: z.string().min(1),
  nation: Code,
  role: z.enum(participantRoles),
  status: z.enum(registrationStatuses),
  queueSeq: z.number().int().min(1),
  attendance: z.enum(attendanceValues).nullable(),
  illustrative: Illustrative,
  createdAt: Instant,
})

const SeedReport = z.object({
  request: Id,
  rating: z.number().int().min(1).max(5),
  summary: z.string().min(1),
  outcomes: z.string(),
  goals: z.array(Id),
  filedAt: Instant,
  filedBy: z.string().min(1),
  illustrative: Illustrative,
})

export const CooperationDemoData = z.object({
  about: z.string(),
  items: z.array(SeedItem),
  events: z.array(SeedEvent),
  requests: z.array(SeedRequest),
  registrations: z.array(SeedRegistration),
  reports: z.array(SeedReport),
})
export type CooperationDemoData = z.infer<typeof CooperationDemoData>
