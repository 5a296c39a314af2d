import { enumReader } from './enum.ts'
import type { Marking } from './marking.ts'

export const statementKinds = ['declaration', 'joint-statement', 'chairs-statement', 'press-release'] as const
export type StatementKind = (typeof statementKinds)[number]

/**
 * Where a statement stands. `not-issued` records a deliberate absence: the leaders met and chose not
 * to put out a text, which analysts need to see as much as the texts that exist.
 */
export const statementStatuses = ['drafting', 'issued', 'not-issued'] as const
export type StatementStatus = (typeof statementStatuses)[number]

export interface StatementAssociation {
  readonly country: string
  readonly marking: Marking
}

export interface Statement {
  readonly id: string
  readonly kind: StatementKind
  readonly status: StatementStatus
  readonly title: string
  readonly summary: string
  /** Day issued (YYYY-MM-DD) at the place of issue; null while drafting or when none was issued. */
  readonly issuedOn: string | null
  /** Who issues it: "NATO" for the alliance, or country codes. */
  readonly issuers: readonly string[]
  readonly engagementId: string | null
  readonly priorityAreas: readonly string[]
  readonly associations: readonly StatementAssociation[]
  readonly marking: Marking
  readonly version: number
}

/** What a person writes about a statement; associations are recorded one by one, by the partners. */
export type StatementDraft = Omit<Statement, 'id' | 'version' | 'associations'>

export const toStatementKind = enumReader(statementKinds, 'statement kind')

export const toStatementStatus = enumReader(statementStatuses, 'statement status')

/** An issued statement has a day; one still drafting or not issued has none. */
export function statementProblems(input: {
  readonly status: StatementStatus
  readonly issuedOn: string | null
}): { pointer: string; detail: string }[] {
  if (input.status === 'issued' && input.issuedOn === null) {
    return [{ pointer: '#/issuedOn', detail: 'An issued statement needs the day it was issued' }]
  }
  if (input.status !== 'issued' && input.issuedOn !== null) {
    return [{ pointer: '#/issuedOn', detail: 'Only an issued statement has an issue day' }]
  }
  return []
}
