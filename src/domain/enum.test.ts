import { describe, expect, it } from 'vitest'
import { enumReader } from './enum.ts'

const colours = ['red', 'green'] as const
const toColour = enumReader(colours, 'colour')

describe('enumReader', () => {
  it('returns a listed value', () => {
    expect(toColour('green')).toBe('green')
  })
  it('throws, naming what it read, on anything else', () => {
    expect(() => toColour('blue')).toThrow('Unknown colour "blue"')
    expect(() => toColour('')).toThrow(RangeError)
  })
})
