import { describe, expect, it } from 'vitest'
import { orderTables, type TableInfo } from './table-order.ts'

const table = (name: string, ...parents: string[]): TableInfo => ({
  name,
  columns: ['id'],
  identityColumns: [],
  primaryKey: ['id'],
  references: parents.map((parent) => ({ parent, columns: [`${parent}_id`], parentColumns: ['id'] })),
})

describe('orderTables', () => {
  it('puts every table after the tables it refers to, ties by name', () => {
    const order = orderTables([table('c', 'b'), table('b', 'a'), table('a'), table('d', 'a')]).map(
      (t) => t.name,
    )
    expect(order).toEqual(['a', 'b', 'c', 'd'])
  })

  it('keeps a reference to the table itself apart, to order its rows', () => {
    const [only] = orderTables([table('engagement', 'engagement')])
    expect(only?.selfReferences).toHaveLength(1)
  })

  it('refuses a cycle between tables', () => {
    expect(() => orderTables([table('a', 'b'), table('b', 'a')])).toThrow(/cycle/)
  })
})
