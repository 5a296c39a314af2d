import { describe, expect, it } from 'vitest'
import { changedFields } from './audit-changes.ts'

describe('changedFields', () => {
  it('keeps only the fields that changed, with before and after', () => {
    expect(
      changedFields(
        { title: 'A', tags: ['x'], start: '2026-01-01', gone: 1 },
        { title: 'B', tags: ['x'], start: '2026-01-01', added: true },
      ),
    ).toEqual({
      added: { before: null, after: true },
      gone: { before: 1, after: null },
      title: { before: 'A', after: 'B' },
    })
  })
  it('never carries password hashes or tokens', () => {
    expect(
      changedFields({ passwordHash: 'a', feedToken: 'x' }, { passwordHash: 'b', feedToken: 'y' }),
    ).toEqual({})
  })
})
