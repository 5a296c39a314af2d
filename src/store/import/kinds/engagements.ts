import { z } from 'zod'
import { EngagementInput } from '../../../contract/engagement.ts'
import type { ImportProblem } from '../../../domain/import/import-problem.ts'
import type { Marking } from '../../../domain/marking.ts'
import { derivedTimeColumns } from '../../engagement-write-store.ts'
import { encodeOrderedList } from '../../list-column.ts'
import { markingToColumns } from '../../marking-columns.ts'
import { existingCountries, existingPriorityAreas } from '../../reference-store.ts'
import type { ImportKind } from '../import-kind.ts'
import { takenIds, visibleEngagements } from '../lookups.ts'
import {
  clearanceRowProblems,
  duplicateKeyProblems,
  newId,
  RecordId,
  unknownReferenceProblems,
} from './shared.ts'

type EngagementFields = z.infer<typeof EngagementInput>

/**
 * An engagement as the API takes it (the same schema, so the same messages), with the file's own
 * id for it. In CSV, `participants` lists country codes ("JPN; KOR"); JSON may give each
 * participant in full (country, person, role, level, marking).
 */
const EngagementRow = z
  .looseObject({ id: RecordId.optional() })
  .transform((value, context): { id: string | undefined; fields: EngagementFields } => {
    const { id, participants, ...rest } = value
    const parsed = EngagementInput.safeParse({
      ...rest,
      ...(participants === undefined
        ? {}
        : {
            participants: Array.isArray(participants)
              ? participants.map((p: unknown) => (typeof p === 'string' ? { country: p } : p))
              : participants,
          }),
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        context.addIssue({ code: 'custom', message: issue.message, path: issue.path })
      }
      return z.NEVER
    }
    return { id, fields: parsed.data }
  })
type EngagementRow = z.infer<typeof EngagementRow>

function markingsOf(row: EngagementRow): Marking[] {
  return [
    row.fields.marking,
    ...row.fields.participants.flatMap((p) => (p.marking === null ? [] : [p.marking])),
  ]
}

/** Engagements with their participants. A parent (`parentId`) is an engagement already recorded or earlier in the file. */
export const engagementsImport: ImportKind<EngagementRow> = {
  name: 'engagements',
  noun: 'engagement',
  columns: [
    { name: 'id', required: false },
    { name: 'kind', required: true },
    { name: 'level', required: true },
    { name: 'format', required: true },
    { name: 'title', required: true },
    { name: 'summary', required: false },
    { name: 'host', required: false },
    { name: 'place', required: true },
    { name: 'timeZone', required: true },
    { name: 'allDay', required: false },
    { name: 'start', required: true },
    { name: 'end', required: true },
    { name: 'parentId', required: false },
    { name: 'priorityAreas', required: false },
    { name: 'outcomes', required: false },
    { name: 'participants', required: false },
    { name: 'classification', required: true },
    { name: 'releasableTo', required: false },
  ],
  cells: { lists: ['priorityAreas', 'outcomes', 'participants'], booleans: ['allDay'] },
  schema: EngagementRow,
  start({ executor, principal, now: at }) {
    const seen = new Map<string, number>()
    return {
      async check(batch) {
        const fields = batch.map((item) => item.value.fields)
        const countries = await existingCountries(executor, [
          ...new Set(
            fields.flatMap((f) => [
              ...f.participants.map((p) => p.country),
              ...(f.host === null ? [] : [f.host]),
            ]),
          ),
        ])
        const areas = await existingPriorityAreas(executor, [
          ...new Set(fields.flatMap((f) => f.priorityAreas)),
        ])
        const parents = await visibleEngagements(
          executor,
          principal,
          fields.flatMap((f) => (f.parentId === null ? [] : [f.parentId])),
        )
        const taken = await takenIds(
          executor,
          'engagement',
          batch.flatMap((item) => (item.value.id === undefined ? [] : [item.value.id])),
        )
        const problems: ImportProblem[] = [
          ...duplicateKeyProblems(batch, (row) => row.id, 'id', seen, taken, 'engagement'),
          ...unknownReferenceProblems(
            batch,
            (row) => row.fields.participants.map((p) => p.country),
            (code) => countries.has(code),
            'participants',
            (code) => `No country has the code ${code}`,
          ),
          ...unknownReferenceProblems(
            batch,
            (row) => (row.fields.host === null ? [] : [row.fields.host]),
            (code) => countries.has(code),
            'host',
            (code) => `No country has the code ${code}`,
          ),
          ...unknownReferenceProblems(
            batch,
            (row) => row.fields.priorityAreas,
            (area) => areas.has(area),
            'priorityAreas',
            (area) => `No priority area has the id ${area}`,
          ),
          // The parent must already be recorded, or be earlier in this file (seen holds this batch's ids too).
          ...unknownReferenceProblems(
            batch,
            (row) => (row.fields.parentId === null ? [] : [row.fields.parentId]),
            (id) => parents.has(id) || seen.has(id),
            'parentId',
            (id) => `No engagement has the id ${id}`,
          ),
          ...clearanceRowProblems(principal, batch, markingsOf),
        ]
        return problems
      },
      async write(batch) {
        const rows = batch.map(({ value }) => ({ id: newId(value.id), fields: value.fields }))
        const now = at.toISOString()
        await executor
          .insertInto('engagement')
          .values(
            rows.map(({ id, fields }) => ({
              id,
              kind: fields.kind,
              level: fields.level,
              format: fields.format,
              title: fields.title,
              summary: fields.summary,
              host: fields.host,
              place: fields.place,
              parent_id: fields.parentId,
              priority_areas: encodeOrderedList(fields.priorityAreas),
              outcomes: JSON.stringify(fields.outcomes),
              ...derivedTimeColumns(fields),
              ...markingToColumns(fields.marking),
              version: 1,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute()
        const participants = rows.flatMap(({ id, fields }) =>
          fields.participants.map((participant, position) => ({
            engagement_id: id,
            position,
            country_code: participant.country,
            person: participant.person,
            role: participant.role,
            level: participant.level,
            ...markingToColumns(participant.marking ?? fields.marking),
          })),
        )
        for (let start = 0; start < participants.length; start += 500) {
          await executor
            .insertInto('engagement_participant')
            .values(participants.slice(start, start + 500))
            .execute()
        }
        return rows.length
      },
    }
  },
}
