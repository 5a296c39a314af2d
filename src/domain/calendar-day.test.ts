import { describe, expect, it } from 'vitest'
import { allianceHomeZone, dayInZone } from './calendar-day.ts'

describe('dayInZone', () => {
  it('is already the next day in Brussels at 23:30Z on 31 December, unlike the UTC day', () => {
    const instant = new Date('2026-12-31T23:30:00Z')
    expect(instant.toISOString().slice(0, 10)).toBe('2026-12-31')
    expect(dayInZone(instant, allianceHomeZone)).toBe('2027-01-01')
    expect(dayInZone(instant, 'UTC')).toBe('2026-12-31')
  })

  it('is still the previous day west of UTC, and follows summer time', () => {
    expect(dayInZone(new Date('2027-01-01T03:00:00Z'), 'America/New_York')).toBe('2026-12-31')
    // Brussels is UTC+2 in summer: 22:30Z is 00:30 the next day there; in winter (UTC+1) it is not.
    expect(dayInZone(new Date('2026-07-14T22:30:00Z'), allianceHomeZone)).toBe('2026-07-15')
    expect(dayInZone(new Date('2026-01-14T22:30:00Z'), allianceHomeZone)).toBe('2026-01-14')
  })

  it('answers the day in Tokyo and Seoul, ahead of Brussels', () => {
    const instant = new Date('2026-11-27T16:00:00Z')
    expect(dayInZone(instant, 'Asia/Tokyo')).toBe('2026-11-28')
    expect(dayInZone(instant, 'Asia/Seoul')).toBe('2026-11-28')
    expect(dayInZone(instant, allianceHomeZone)).toBe('2026-11-27')
  })

  it('refuses what is not an IANA zone name rather than guessing one', () => {
    expect(() => dayInZone(new Date(), 'Mars/Olympus')).toThrow(RangeError)
    expect(() => dayInZone(new Date(), 'UTC+01:00')).toThrow(RangeError)
  })
})
