import { z } from 'zod'
import { parseFuzzyDate, precisions } from '../domain/fuzzy-date.ts'

const examples: Record<(typeof precisions)[number], string> = {
  decade: '199X for the 1990s',
  year: '2005',
  month: '2012-09',
  day: '2014-05-06',
}

/**
 * A date known to a decade, year, month or day, as EDTF text with its precision named too, so a
 * form's precision select and its text cannot disagree unnoticed.
 */
export const FuzzyDateInput = z
  .object({
    date: z.string().trim().max(10).meta({ description: 'EDTF: 199X, 2005, 2012-09 or 2014-05-06' }),
    precision: z.enum(precisions),
  })
  .strict()
  .superRefine((value, context) => {
    const parsed = parseFuzzyDate(value.date)
    if (parsed === null || parsed.precision !== value.precision) {
      context.addIssue({
        code: 'custom',
        path: ['date'],
        message: `Enter a ${value.precision} as ${examples[value.precision]}`,
      })
    }
  })
  .meta({ example: { date: '199X', precision: 'decade' } })
