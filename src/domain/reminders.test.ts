import { describe, expect, it } from 'vitest'
import type { Position } from './decision-consensus.ts'
import {
  defaultBackoff,
  dueReminders,
  nextAttemptAfter,
  parseDuration,
  parseReminderOffsets,
} from './reminders.ts'

const deadline = '2026-12-10T12:00:00.000Z'
const open = { status: 'open', procedure: 'silence', deadline }
const offsets = parseReminderOffsets('24h,1h')
const members = ['DEU', 'FRA', 'ITA']

describe('parseDuration', () => {
  it.each([
    ['24h', 86_400_000],
    ['1h', 3_600_000],
    ['30m', 1_800_000],
    ['90s', 90_000],
    ['2d', 172_800_000],
    [' 5m ', 300_000],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text)?.ms).toBe(ms)
  })
  it.each(['', 'h', '0h', '1.5h', '-1h', '1w', '24', 'h24', '01h'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull()
  })
})

describe('parseReminderOffsets', () => {
  it('defaults to 24h,1h when unset or blank', () => {
    expect(parseReminderOffsets(undefined).map((o) => o.label)).toEqual(['24h', '1h'])
    expect(parseReminderOffsets('  ').map((o) => o.label)).toEqual(['24h', '1h'])
  })
  it.each(['24h,,1h', 'soon', '24h,1x', '1h,1h'])('refuses %j naming the setting', (setting) => {
    expect(() => parseReminderOffsets(setting)).toThrow(/LIAISON_REMINDERS/)
  })
})

describe('dueReminders', () => {
  const none = new Map<string, Position>()
  it.each([
    // now, positions, expected "member/offset"
    ['2026-12-09T11:59:59.999Z', none, []],
    ['2026-12-09T12:00:00.000Z', none, ['DEU/24h', 'FRA/24h', 'ITA/24h']],
    ['2026-12-10T11:00:00.000Z', none, ['DEU/24h', 'DEU/1h', 'FRA/24h', 'FRA/1h', 'ITA/24h', 'ITA/1h']],
    [
      '2026-12-09T13:00:00.000Z',
      new Map<string, Position>([
        ['FRA', 'concur'],
        ['DEU', 'none'],
      ]),
      ['DEU/24h', 'ITA/24h'],
    ],
    [
      '2026-12-09T13:00:00.000Z',
      new Map<string, Position>([
        ['FRA', 'object'],
        ['ITA', 'reserve'],
      ]),
      ['DEU/24h'],
    ],
    ['2026-12-10T12:00:00.000Z', none, []],
  ] as const)('at %s', (now, positions, expected) => {
    const due = dueReminders(open, new Date(now), members, positions, offsets)
    expect(due.map((r) => `${r.member}/${r.offset}`)).toEqual(expected)
  })
  it('gives the instant of the reminder, not now', () => {
    const [first] = dueReminders(open, new Date('2026-12-10T11:30:00Z'), ['FRA'], none, offsets)
    expect(first).toEqual({ member: 'FRA', offset: '24h', dueAt: '2026-12-09T12:00:00.000Z' })
  })
  it.each([
    { status: 'draft', procedure: 'silence', deadline },
    { status: 'adopted', procedure: 'silence', deadline },
    { status: 'open', procedure: 'consensus', deadline },
    { status: 'open', procedure: 'silence', deadline: null },
  ])('owes nothing for %j', (proposal) => {
    expect(dueReminders(proposal, new Date('2026-12-10T11:30:00Z'), members, none, offsets)).toEqual([])
  })
})

describe('nextAttemptAfter', () => {
  const failedAt = new Date('2026-12-10T00:00:00Z')
  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [5, 160_000],
  ])('after attempt %d waits %d ms', (attempts, delay) => {
    expect(nextAttemptAfter(attempts, failedAt, defaultBackoff)?.getTime()).toBe(failedAt.getTime() + delay)
  })
  it('caps the delay', () => {
    const backoff = { baseMs: 10_000, capMs: 15_000, maxAttempts: 6 }
    expect(nextAttemptAfter(4, failedAt, backoff)?.getTime()).toBe(failedAt.getTime() + 15_000)
  })
  it('gives up after the last attempt', () => {
    expect(nextAttemptAfter(6, failedAt, defaultBackoff)).toBeNull()
    expect(nextAttemptAfter(1, failedAt, { ...defaultBackoff, maxAttempts: 1 })).toBeNull()
  })
})
