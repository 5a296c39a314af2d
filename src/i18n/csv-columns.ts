import type { MessageKey } from './catalogue.ts'

/** A CSV column that the catalogue names (`csv.<column>`): its English name is the column's id. */
export type CsvColumn = MessageKey extends infer K ? (K extends `csv.${infer C}` ? C : never) : never
