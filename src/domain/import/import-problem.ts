/**
 * One thing wrong with an imported file, where a person looks for it: the row as a spreadsheet
 * numbers it (the CSV header is row 1, so the first record is row 2; a JSON array's first item is
 * row 1), the column or field, and what to do about it. Row 0 stands for the file as a whole.
 */
export interface ImportProblem {
  readonly row: number
  readonly field: string
  readonly message: string
}

/** How many problems an import reports in detail; past this it counts them only. */
export const reportedProblemLimit = 1000

/** Problems found so far: the first `limit` kept for the report, all of them counted. */
export class ProblemLog {
  readonly kept: ImportProblem[] = []
  count = 0

  constructor(private readonly limit: number = reportedProblemLimit) {}

  add(problems: readonly ImportProblem[]): void {
    for (const problem of problems) {
      this.count += 1
      if (this.kept.length < this.limit) {
        this.kept.push(problem)
      }
    }
  }

  get empty(): boolean {
    return this.count === 0
  }
}

/** A one-line rendering for terminals and logs: "row 7, partner: No partner has the code XYZ". */
export function describeProblem(problem: ImportProblem): string {
  const where = problem.row === 0 ? 'file' : `row ${problem.row}`
  return problem.field === ''
    ? `${where}: ${problem.message}`
    : `${where}, ${problem.field}: ${problem.message}`
}
