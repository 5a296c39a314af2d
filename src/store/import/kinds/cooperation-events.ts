import { IANAZone } from 'luxon'
import { z } from 'zod'
import { IsoDay } from '../../../contract/common.ts'
import { eventDayProblems } from '../../../domain/cooperation/lifecycle.ts'
import { eventStatuses } from '../../../domain/cooperation/vocabulary.ts'
import type { Marking } from '../../../domain/marking.ts'
import { insertEvents } from '../../cooperation-event-store.ts'
import type { ImportKind } from '../import-kind.ts'
import { takenIds, visibleItemsByCode } from '../lookups.ts'
import {
  clearanceRowProblems,
  duplicateKeyProblems,
  ImportMarking,
  newId,
  RecordId,
  unknownReferenceProblems,
} from './shared.ts'

/** A CSV cell is text: a whole number written in it is read as one; anything else is refused by name. */
const Capacity = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
  z
    .number({ message: 'Use a whole number of seats, e.g. 20' })
    .int('Use a whole number of seats, e.g. 20')
    .min(1, 'Capacity must be at least 1')
    .max(10000, 'Capacity must be at most 10,000'),
)

/** One event of an item already in the catalogue, named by the item's code. */
const EventRow = z
  .object({
    id: RecordId.optional(),
    item: z.string().trim().min(1, 'Name the item by its code, e.g. CYB-101').max(40),
    startsOn: IsoDay,
    endsOn: IsoDay,
    place: z.string().trim().min(1, 'Enter a place').max(200),
    timeZone: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine((zone) => IANAZone.isValidZone(zone), 'Not an IANA time zone; use one such as Asia/Seoul'),
    capacity: Capacity,
    applicationDeadline: IsoDay,
    status: z.enum(eventStatuses, { message: 'Use scheduled or cancelled' }).default('scheduled'),
    marking: ImportMarking,
  })
  .strict()
  .superRefine((row, context) => {
    for (const problem of eventDayProblems(row)) {
      context.addIssue({ code: 'custom', path: [problem.pointer.slice(2)], message: problem.detail })
    }
  })
type EventRow = z.infer<typeof EventRow>

/** Events of catalogue items: dates, place and zone, capacity, application deadline. */
export const cooperationEventsImport: ImportKind<EventRow> = {
  name: 'cooperation-events',
  noun: 'cooperation event',
  columns: [
    { name: 'id', required: false },
    { name: 'item', required: true },
    { name: 'startsOn', required: true },
    { name: 'endsOn', required: true },
    { name: 'place', required: true },
    { name: 'timeZone', required: true },
    { name: 'capacity', required: true },
    { name: 'applicationDeadline', required: true },
    { name: 'status', required: false },
    { name: 'classification', required: false },
    { name: 'releasableTo', required: false },
  ],
  cells: {},
  schema: EventRow,
  start({ executor, principal, now }) {
    const seen = new Map<string, number>()
    // Resolved in check(), used by write(): the run checks every batch before writing it.
    const items = new Map<string, string>()
    return {
      async check(batch) {
        const found = await visibleItemsByCode(
          executor,
          principal,
          batch.map((item) => item.value.item),
        )
        for (const [code, id] of found) items.set(code, id)
        const taken = await takenIds(
          executor,
          'coop_event',
          batch.flatMap((item) => (item.value.id === undefined ? [] : [item.value.id])),
        )
        return [
          ...unknownReferenceProblems(
            batch,
            (row) => [row.item],
            (code) => found.has(code),
            'item',
            (code) => `No cooperation item has the code ${code}`,
          ),
          ...duplicateKeyProblems(batch, (row) => row.id, 'id', seen, taken, 'cooperation event'),
          ...clearanceRowProblems(principal, batch, (row): Marking[] => [row.marking]),
        ]
      },
      async write(batch) {
        await insertEvents(
          executor,
          batch.map(({ value }) => ({
            id: newId(value.id),
            itemId: items.get(value.item) ?? value.item,
            draft: {
              startsOn: value.startsOn,
              endsOn: value.endsOn,
              place: value.place,
              timeZone: value.timeZone,
              capacity: value.capacity,
              applicationDeadline: value.applicationDeadline,
              status: value.status,
              marking: value.marking,
            },
          })),
          now,
        )
        return batch.length
      },
    }
  },
}
