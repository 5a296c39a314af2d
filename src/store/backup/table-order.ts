/** A table as the logical backup sees it: its copied columns, key and foreign keys. */
export interface TableInfo {
  readonly name: string
  /** Columns written back on restore (generated ones are left to the database). */
  readonly columns: readonly string[]
  readonly identityColumns: readonly string[]
  readonly primaryKey: readonly string[]
  readonly references: readonly TableReference[]
}

export interface TableReference {
  readonly parent: string
  readonly columns: readonly string[]
  readonly parentColumns: readonly string[]
}

export interface OrderedTable extends TableInfo {
  /** Foreign keys from the table to itself: its rows must be written parents first. */
  readonly selfReferences: readonly TableReference[]
}

/**
 * Tables in dependency order (every table after the tables it refers to), ties by name so the order
 * is the same on every run. A cycle between tables cannot be loaded row by row and is refused.
 */
export function orderTables(tables: readonly TableInfo[]): OrderedTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]))
  const done = new Set<string>()
  const ordered: OrderedTable[] = []
  const visiting = new Set<string>()
  const visit = (table: TableInfo) => {
    if (done.has(table.name)) return
    if (visiting.has(table.name)) {
      throw new Error(`tables refer to each other in a cycle through ${table.name}`)
    }
    visiting.add(table.name)
    const parents = [...new Set(table.references.map((reference) => reference.parent))]
      .filter((parent) => parent !== table.name)
      .sort()
    for (const parent of parents) {
      const found = byName.get(parent)
      if (found !== undefined) visit(found)
    }
    visiting.delete(table.name)
    done.add(table.name)
    ordered.push({
      ...table,
      selfReferences: table.references.filter((reference) => reference.parent === table.name),
    })
  }
  for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    visit(table)
  }
  return ordered
}
