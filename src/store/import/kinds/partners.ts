import { z } from 'zod'
import { CountryCode } from '../../../contract/common.ts'
import { TimeZoneName } from '../../../contract/engagement.ts'
import { partnerStatuses } from '../../../contract/partner.ts'
import { earliestDay, fuzzyDate } from '../../../domain/fuzzy-date.ts'
import type { ImportProblem } from '../../../domain/import/import-problem.ts'
import { markingToColumns } from '../../marking-columns.ts'
import { existingCountries } from '../../reference-store.ts'
import type { ImportKind } from '../import-kind.ts'
import { registeredCountries } from '../lookups.ts'
import { clearanceRowProblems, duplicateKeyProblems, FuzzyDateText, ImportMarking } from './shared.ts'

const PartnerRow = z
  .object({
    code: CountryCode,
    name: z.string().trim().min(1).max(200, 'Keep the name under 200 characters').optional(),
    capital: z.string().trim().min(1).max(200).optional(),
    timeZone: TimeZoneName.optional(),
    status: z.enum(partnerStatuses).default('active'),
    summary: z.string().max(5000, 'Keep the summary under 5000 characters').default(''),
    dialogueSince: FuzzyDateText.optional(),
    marking: ImportMarking,
  })
  .strict()
type PartnerRow = z.infer<typeof PartnerRow>

/**
 * Partner countries. A country the registry does not know yet is added with the partner, so its
 * name and time zone are then needed; a known country keeps its own.
 */
export const partnersImport: ImportKind<PartnerRow> = {
  name: 'partners',
  noun: 'partner',
  columns: [
    { name: 'code', required: true },
    { name: 'name', required: false },
    { name: 'capital', required: false },
    { name: 'timeZone', required: false },
    { name: 'status', required: false },
    { name: 'summary', required: false },
    { name: 'dialogueSince', required: false },
    { name: 'classification', required: false },
    { name: 'releasableTo', required: false },
  ],
  cells: {},
  schema: PartnerRow,
  start({ executor, principal }) {
    const seen = new Map<string, number>()
    let newCountries = new Set<string>()
    return {
      async check(batch) {
        const codes = batch.map((item) => item.value.code)
        const { partners, members } = await registeredCountries(executor, codes)
        const known = await existingCountries(executor, codes)
        newCountries = new Set(codes.filter((code) => !known.has(code)))
        const problems: ImportProblem[] = [
          ...duplicateKeyProblems(batch, (row) => row.code, 'code', seen, partners, 'partner'),
          ...clearanceRowProblems(principal, batch, (row) => [row.marking]),
        ]
        for (const { row, value } of batch) {
          if (members.has(value.code)) {
            problems.push({
              row,
              field: 'code',
              message: `${value.code} is an alliance member, not a partner`,
            })
          }
          if (!known.has(value.code)) {
            if (value.name === undefined) {
              problems.push({
                row,
                field: 'name',
                message: `Required: ${value.code} is not yet a known country`,
              })
            }
            if (value.timeZone === undefined) {
              problems.push({
                row,
                field: 'timeZone',
                message: `Required: ${value.code} is not yet a known country`,
              })
            }
          }
        }
        return problems
      },
      async write(batch) {
        const countries = batch.filter((item) => newCountries.has(item.value.code))
        if (countries.length > 0) {
          await executor
            .insertInto('country')
            .values(
              countries.map(({ value }) => ({
                code: value.code,
                name: value.name ?? value.code,
                capital: value.capital ?? null,
                time_zone: value.timeZone ?? 'UTC',
              })),
            )
            .execute()
        }
        await executor
          .insertInto('partner')
          .values(
            batch.map(({ value }) => {
              const since = value.dialogueSince === undefined ? null : fuzzyDate(value.dialogueSince)
              return {
                country_code: value.code,
                status: value.status,
                summary: value.summary,
                dialogue_date: since === null ? null : earliestDay(since),
                dialogue_precision: since?.precision ?? null,
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
