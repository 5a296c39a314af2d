import { z } from 'zod'
import { CountryCode, Slug } from '../../../contract/common.ts'
import { allianceBodies, itemFormats, providerKinds } from '../../../domain/cooperation/vocabulary.ts'
import type { ImportProblem } from '../../../domain/import/import-problem.ts'
import type { Marking } from '../../../domain/marking.ts'
import { insertItems, unknownCodes } from '../../cooperation-item-store.ts'
import type { ImportKind, RowAt } from '../import-kind.ts'
import { takenIds, takenItemCodes, visiblePartners } from '../lookups.ts'
import {
  clearanceRowProblems,
  duplicateKeyProblems,
  ImportMarking,
  newId,
  RecordId,
  unknownReferenceProblems,
} from './shared.ts'

/** One catalogue entry per row, with the rules of `POST /api/v1/cooperation/items` (issue 13, item 4). */
const ItemRow = z
  .object({
    id: RecordId.optional(),
    code: z
      .string()
      .trim()
      .regex(
        /^[A-Z0-9][A-Z0-9-]{1,39}$/,
        'Use an upper-case code of letters, digits and dashes, e.g. CYB-101',
      ),
    title: z.string().trim().min(1, 'Enter a title').max(300, 'Keep the title under 300 characters'),
    description: z.string().trim().max(5000, 'Keep the description under 5000 characters').default(''),
    providerKind: z.enum(providerKinds, { message: 'Use member or body' }).default('member'),
    provider: z
      .string()
      .trim()
      .min(1, 'Name the provider: a member’s country code or an alliance body’s id')
      .max(40),
    format: z.enum(itemFormats, { message: `Use one of ${itemFormats.join(', ')}` }),
    priorityAreas: z.array(Slug).max(14).default([]),
    languages: z
      .array(z.string().regex(/^[a-z]{2}$/, 'Use two-letter ISO 639-1 language codes, e.g. en; fr'))
      .min(1, 'Name at least one working language')
      .max(10),
    eligiblePartners: z.array(CountryCode).max(200).default([]),
    eligibleFrameworks: z.array(Slug).max(20).default([]),
    illustrative: z.boolean().default(false),
    marking: ImportMarking,
  })
  .strict()
type ItemRow = z.infer<typeof ItemRow>

function providerCode(row: ItemRow): string {
  return row.providerKind === 'member' ? row.provider.toUpperCase() : row.provider
}

/** Providers that are neither a member nor an alliance body, by row. */
async function providerProblems(
  executor: Parameters<typeof unknownCodes>[0],
  batch: readonly RowAt<ItemRow>[],
): Promise<ImportProblem[]> {
  const members = batch
    .filter((item) => item.value.providerKind === 'member')
    .map((item) => providerCode(item.value))
  const unknownMembers = new Set(await unknownCodes(executor, 'member', [...new Set(members)]))
  return batch.flatMap(({ row, value }): ImportProblem[] => {
    const code = providerCode(value)
    if (value.providerKind === 'body' && allianceBodies[code] === undefined) {
      return [
        {
          row,
          field: 'provider',
          message: `No alliance body has the id ${code}; use one of ${Object.keys(allianceBodies).join(', ')}`,
        },
      ]
    }
    if (value.providerKind === 'member' && unknownMembers.has(code)) {
      return [{ row, field: 'provider', message: `No member has the code ${code}` }]
    }
    return []
  })
}

/** The cooperation catalogue: items offered by members and alliance bodies. */
export const cooperationItemsImport: ImportKind<ItemRow> = {
  name: 'cooperation-items',
  noun: 'cooperation item',
  columns: [
    { name: 'id', required: false },
    { name: 'code', required: true },
    { name: 'title', required: true },
    { name: 'description', required: false },
    { name: 'providerKind', required: false },
    { name: 'provider', required: true },
    { name: 'format', required: true },
    { name: 'priorityAreas', required: false },
    { name: 'languages', required: true },
    { name: 'eligiblePartners', required: false },
    { name: 'eligibleFrameworks', required: false },
    { name: 'illustrative', required: false },
    { name: 'classification', required: false },
    { name: 'releasableTo', required: false },
  ],
  cells: {
    lists: ['priorityAreas', 'languages', 'eligiblePartners', 'eligibleFrameworks'],
    booleans: ['illustrative'],
  },
  schema: ItemRow,
  start({ executor, principal, now }) {
    const seenIds = new Map<string, number>()
    const seenCodes = new Map<string, number>()
    return {
      async check(batch) {
        const rows = batch.map((item) => item.value)
        const partners = await visiblePartners(
          executor,
          principal,
          rows.flatMap((row) => row.eligiblePartners),
        )
        const areas = new Set(rows.flatMap((row) => row.priorityAreas))
        const unknownAreas = new Set(await unknownCodes(executor, 'priority_area', [...areas]))
        const frameworks = new Set(rows.flatMap((row) => row.eligibleFrameworks))
        const unknownFrameworks = new Set(await unknownCodes(executor, 'framework', [...frameworks]))
        const takenId = await takenIds(
          executor,
          'coop_item',
          rows.flatMap((row) => (row.id === undefined ? [] : [row.id])),
        )
        const takenCode = await takenItemCodes(
          executor,
          rows.map((row) => row.code),
        )
        return [
          ...duplicateKeyProblems(batch, (row) => row.id, 'id', seenIds, takenId, 'cooperation item'),
          ...duplicateKeyProblems(batch, (row) => row.code, 'code', seenCodes, takenCode, 'cooperation item'),
          ...(await providerProblems(executor, batch)),
          ...unknownReferenceProblems(
            batch,
            (row) => row.priorityAreas,
            (area) => !unknownAreas.has(area),
            'priorityAreas',
            (area) => `No priority area has the id ${area}`,
          ),
          ...unknownReferenceProblems(
            batch,
            (row) => row.eligiblePartners,
            (code) => partners.has(code),
            'eligiblePartners',
            (code) => `No partner has the code ${code}`,
          ),
          ...unknownReferenceProblems(
            batch,
            (row) => row.eligibleFrameworks,
            (id) => !unknownFrameworks.has(id),
            'eligibleFrameworks',
            (id) => `No framework has the id ${id}`,
          ),
          ...clearanceRowProblems(principal, batch, (row): Marking[] => [row.marking]),
        ]
      },
      async write(batch) {
        await insertItems(
          executor,
          batch.map(({ value }) => ({
            id: newId(value.id),
            draft: {
              code: value.code,
              title: value.title,
              description: value.description,
              provider: { kind: value.providerKind, code: providerCode(value) },
              format: value.format,
              priorityAreas: [...new Set(value.priorityAreas)],
              languages: [...new Set(value.languages)],
              eligibility: {
                partners: [...new Set(value.eligiblePartners)].sort(),
                frameworks: [...new Set(value.eligibleFrameworks)].sort(),
              },
              illustrative: value.illustrative,
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
