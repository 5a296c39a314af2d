import { describe, expect, it } from 'vitest'
import {
  dayNumber,
  isNamedZone,
  showTime,
  timingEndMillis,
  timingProblems,
  timingStartMillis,
  wallTimeToInstant,
} from './engagement-time.ts'

describe('engagement time', () => {
  it('accepts IANA names and refuses bare offsets', () => {
    expect(isNamedZone('Europe/Madrid')).toBe(true)
    expect(isNamedZone('America/New_York')).toBe(true)
    expect(isNamedZone('+02:00')).toBe(false)
    expect(isNamedZone('UTC+2')).toBe(false)
    expect(isNamedZone('Etc/GMT-2')).toBe(true)
    expect(isNamedZone('UTC')).toBe(true)
    expect(isNamedZone('Mars/Olympus')).toBe(false)
  })

  it('turns Madrid summer wall time into the right instant', () => {
    expect(wallTimeToInstant('2022-06-29T09:00', 'Europe/Madrid').toUTC().toISO()).toBe(
      '2022-06-29T07:00:00.000Z',
    )
  })

  it('refuses a wall time skipped by the spring-forward change', () => {
    expect(() => wallTimeToInstant('2024-03-31T02:30', 'Europe/Madrid')).toThrow(/does not exist/)
    expect(
      timingProblems({
        allDay: false,
        start: '2024-03-31T02:30',
        end: '2024-03-31T04:00',
        timeZone: 'Europe/Madrid',
      }),
    ).toEqual([
      { pointer: '#/start', detail: '2024-03-31T02:30 does not exist in Europe/Madrid: the clocks skip it' },
    ])
  })

  it('lists every problem with a timing', () => {
    const problems = timingProblems({
      allDay: false,
      start: '2024-13-01T10:00',
      end: 'soon',
      timeZone: '+01:00',
    })
    expect(problems.map((problem) => problem.pointer)).toEqual(['#/timeZone', '#/start', '#/end'])
  })

  it('refuses an end before the start', () => {
    expect(
      timingProblems({ allDay: true, start: '2022-06-30', end: '2022-06-28', timeZone: 'Europe/Madrid' }),
    ).toEqual([{ pointer: '#/end', detail: 'The end must not be before the start' }])
  })

  it('reports an unknown zone and an end before the start together', () => {
    const problems = timingProblems({
      allDay: false,
      start: '2026-12-03T10:00',
      end: '2026-12-03T09:00',
      timeZone: 'Tokyo',
    })
    expect(problems.map((problem) => problem.pointer)).toEqual(['#/timeZone', '#/end'])
  })

  it('ends an all-day engagement at midnight after its last day', () => {
    const timing = { allDay: true, start: '2022-06-28', end: '2022-06-30', timeZone: 'Europe/Madrid' }
    expect(new Date(timingStartMillis(timing)).toISOString()).toBe('2022-06-27T22:00:00.000Z')
    expect(new Date(timingEndMillis(timing)).toISOString()).toBe('2022-06-30T22:00:00.000Z')
  })

  it('shows a Washington meeting in Tokyo time with the local time alongside', () => {
    const shown = showTime('2024-07-11T10:00', 'America/New_York', false, 'Asia/Tokyo')
    expect(shown.place).toMatchObject({ local: '2024-07-11T10:00', offset: '-04:00' })
    expect(shown.viewer).toMatchObject({ local: '2024-07-11T23:00', zone: 'Asia/Tokyo', offset: '+09:00' })
    expect(shown.utc).toBe('2024-07-11T14:00:00Z')
  })

  it('numbers days from 1970', () => {
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('2022-06-29') - dayNumber('2022-05-30')).toBe(30)
  })
})

describe('showTime across daylight-saving changes', () => {
  it('agrees with Luxon on the hour after a change and in the southern hemisphere', () => {
    expect(showTime('2024-03-31T03:30', 'Europe/Madrid', false, 'UTC').utc).toBe('2024-03-31T01:30:00Z')
    expect(showTime('2024-10-27T01:30', 'Europe/Madrid', false, 'UTC').utc).toBe('2024-10-26T23:30:00Z')
    expect(showTime('2024-01-15T09:00', 'Australia/Sydney', false, 'Europe/London').viewer).toMatchObject({
      local: '2024-01-14T22:00',
      offset: '+00:00',
    })
    const madrid = showTime('2022-06-28', 'Europe/Madrid', true, 'Asia/Tokyo')
    expect(madrid.place).toMatchObject({ offset: '+02:00', abbreviation: 'CEST' })
    expect(madrid.viewer).toMatchObject({ local: '2022-06-28', offset: '+09:00' })
    expect(madrid.utc).toBe('2022-06-27T22:00:00Z')
  })
})
