import { describe, expect, it } from 'vitest'
import { mayTake } from './proposal-lifecycle.ts'

describe('mayTake', () => {
  it.each([
    ['open', 'draft', true],
    ['open', 'open', false],
    ['withdraw', 'open', true],
    ['withdraw', 'adopted', false],
    ['withdraw', 'withdrawn', false],
    ['break-silence', 'open', true],
    ['break-silence', 'draft', false],
  ] as const)('%s from %s → %s', (action, status, expected) => {
    expect(mayTake(action, status)).toBe(expected)
  })
})
