import { z } from 'zod'
import { CountryCode, Slug } from '../../../contract/common.ts'
import { earliestDay, fuzzyDate, precisions } from '../../../domain/fuzzy-date.ts'
import type { Marking } from '../../../domain/marking.ts'
import { markingToColumns } from '../../marking-columns.ts'
import type { ImportKind } from '../import-kind.ts'
import { takenIds, visiblePartners } from '../lookups.ts'
import {
  clearanceRowProblems,
  duplicateKeyProblems,
  FuzzyDateText,
  ImportMarking,
  newId,
  RecordId,
  unknownReferenceProblems,
} from './shared.ts'

/** How sure the record is of an event, as the timeline shows it. */
export const eventConfidences = ['high', 'medium', 'low'] as const

const EventRow = z
  .object({
    id: RecordId.optional(),
    partner: CountryCode,
    kind: Slug,
    title: z.string().trim().min(1, 'Enter a title').max(300, 'Keep the title under 300 characters'),
    description: z.string().max(5000, 'Keep the description under 5000 characters').default(''),
    date: FuzzyDateText,
    precision: z.enum(precisions).optional(),
    source: z.string().trim().min(1).max(1000).nullable().default(null),
    confidence: z.enum(eventConfidences).default('high'),
    illustrative: z.boolean().default(false),
    marking: ImportMarking,
  })
  .strict()
  .superRefine((row, context) => {
    // A stated precision must be the date's own: "2005" with "day" would invent a day.
    if (row.precision !== undefined && fuzzyDate(row.date).precision !== row.precision) {
      context.addIssue({
        code: 'custom',
        path: ['precision'],
        message: `${row.date} is a ${fuzzyDate(row.date).precision}, not a ${row.precision}`,
      })
    }
  })
type EventRow = z.infer<typeof EventRow>

/** Relationship events of partners' timelines. */
export const eventsImport: ImportKind<EventRow> = {
  name: 'events',
  noun: 'relationship event',
  columns: [
    { name: 'id', required: false },
    { name: 'partner', required: true },
    { name: 'kind', required: true },
    { name: 'title', required: true },
    { name: 'description', required: false },
    { name: 'date', required: true },
    { name: 'precision', required: false },
    { name: 'source', required: false },
    { name: 'confidence', required: false },
    { name: 'illustrative', required: false },
    { name: 'classification', required: false },
    { name: 'releasableTo', required: false },
  ],
  cells: { booleans: ['illustrative'] },
  schema: EventRow,
  start({ executor, principal }) {
    const seen = new Map<string, number>()
    return {
      async check(batch) {
        const partners = await visiblePartners(
          executor,
          principal,
          batch.map((item) => item.value.partner),
        )
        const taken = await takenIds(
          executor,
          'relationship_event',
          batch.flatMap((item) => (item.value.id === undefined ? [] : [item.value.id])),
        )
        return [
          ...unknownReferenceProblems(
            batch,
            (row) => [row.partner],
            (code) => partners.has(code),
            'partner',
            (code) => `No partner has the code ${code}`,
          ),
          ...duplicateKeyProblems(batch, (row) => row.id, 'id', seen, taken, 'relationship event'),
          ...clearanceRowProblems(principal, batch, (row): Marking[] => [row.marking]),
        ]
      },
      async write(batch) {
        await executor
          .insertInto('relationship_event')
          .values(
            batch.map(({ value }) => {
              const date = fuzzyDate(value.date)
              return {
                id: newId(value.id),
                partner_code: value.partner,
                kind: value.kind,
                title: value.title,
                description: value.description,
                event_date: earliestDay(date),
                event_precision: date.precision,
                source: value.source,
                confidence: value.confidence,
                illustrative: value.illustrative ? 1 : 0,
                version: 1,
                ...markingToColumns(value.marking),
              }
            }),
          )
          .execute()
        return batch.length
      },
    }
  },
}
