import type { ImportContext, ImportKind } from './import-kind.ts'
import { cooperationEventsImport } from './kinds/cooperation-events.ts'
import { cooperationItemsImport } from './kinds/cooperation-items.ts'
import { engagementsImport } from './kinds/engagements.ts'
import { eventsImport } from './kinds/events.ts'
import { partnersImport } from './kinds/partners.ts'
import { programmesImport } from './kinds/programmes.ts'
import { type ImportProgress, type ImportSource, type ImportTally, importRows } from './run-import.ts'

/** A kind as the CLI, the API and the page see it: its file format and the one way to run it. */
export interface RegisteredImportKind {
  readonly name: string
  readonly noun: string
  readonly columns: ImportKind<unknown>['columns']
  run(
    context: ImportContext,
    source: ImportSource,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportTally>
}

/** Closes over the kind's own row type, so the list can hold kinds of different rows. */
function register<Row>(kind: ImportKind<Row>): RegisteredImportKind {
  return {
    name: kind.name,
    noun: kind.noun,
    columns: kind.columns,
    run: (context, source, onProgress) => importRows(context, kind, source, onProgress),
  }
}

/**
 * Every kind a file can be imported as. A new kind (as the cooperation catalogue, issue 13) is one
 * module in kinds/ and one line here; the CLI, the API and the page offer what this list holds.
 */
export const importKinds: readonly RegisteredImportKind[] = [
  register(partnersImport),
  register(eventsImport),
  register(engagementsImport),
  register(programmesImport),
  register(cooperationItemsImport),
  register(cooperationEventsImport),
]

export const importKindNames = importKinds.map((kind) => kind.name)

export function findImportKind(name: string): RegisteredImportKind | undefined {
  return importKinds.find((kind) => kind.name === name)
}
