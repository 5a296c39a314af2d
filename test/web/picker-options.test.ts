import { describe, expect, it } from 'vitest'
import { matchOptions, zoneOffset, zoneOptions } from '../../web/src/lib/picker-options.ts'

const at = new Date('2026-12-03T09:00:00Z')

describe('the time-zone picker options', () => {
  it('finds Tokyo by its city and by its country, with the offset now', () => {
    const options = zoneOptions(at)
    const byCity = matchOptions(options, 'Tokyo')
    expect(byCity[0]).toEqual({
      value: 'Asia/Tokyo',
      label: 'Tokyo, Japan — Asia/Tokyo, UTC+09:00',
      keywords: 'JP',
    })
    expect(matchOptions(options, 'japan').map((option) => option.value)).toContain('Asia/Tokyo')
  })

  it('shows the offset in force on the day (Brussels in summer and winter)', () => {
    expect(zoneOffset('Europe/Brussels', at)).toBe('UTC+01:00')
    expect(zoneOffset('Europe/Brussels', new Date('2026-07-01T09:00:00Z'))).toBe('UTC+02:00')
  })

  it('ignores case and accents and needs every word', () => {
    const options = [
      { value: 'CIV', label: 'Côte d’Ivoire', keywords: 'CIV' },
      { value: 'JPN', label: 'Japan', keywords: 'JPN' },
    ]
    expect(matchOptions(options, 'cote').map((option) => option.value)).toEqual(['CIV'])
    expect(matchOptions(options, 'jpn').map((option) => option.value)).toEqual(['JPN'])
    expect(matchOptions(options, 'japan cote')).toEqual([])
  })
})
