import { describe, expect, it } from 'vitest'
import { isSchedulingPlace, officeProblems, statusOnAdoption } from './liaison-office.ts'

describe('liaison office', () => {
  it.each([
    ['Asia/Tokyo', 0],
    ['Europe/Brussels', 0],
    ['Asia/Tokio', 1],
    ['UTC+9', 1],
    ['', 1],
  ])('zone %s gives %i problem(s)', (timeZone, count) => {
    expect(officeProblems({ timeZone })).toHaveLength(count)
  })

  it.each([
    ['proposed', 'open'],
    ['open', 'open'],
    ['closed', 'closed'],
  ] as const)('adoption moves %s to %s', (from, to) => {
    expect(statusOnAdoption(from)).toBe(to)
  })

  it('is a scheduling place only when open', () => {
    expect([isSchedulingPlace('proposed'), isSchedulingPlace('open'), isSchedulingPlace('closed')]).toEqual([
      false,
      true,
      false,
    ])
  })
})
