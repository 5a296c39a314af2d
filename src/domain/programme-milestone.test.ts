import { describe, expect, it } from 'vitest'
import { daysBetween, milestoneHealth } from './programme-milestone.ts'

const today = '2026-11-27'

describe('milestoneHealth', () => {
  it('is late when open and past its due day', () => {
    expect(milestoneHealth({ due: '2026-11-26', status: 'in-progress' }, today)).toBe('late')
    expect(milestoneHealth({ due: '2026-01-01', status: 'planned' }, today)).toBe('late')
  })
  it('is at risk when open and due within 30 days, today included', () => {
    expect(milestoneHealth({ due: today, status: 'planned' }, today)).toBe('at-risk')
    expect(milestoneHealth({ due: '2026-12-27', status: 'in-progress' }, today)).toBe('at-risk')
  })
  it('is on track when due later than 30 days from today', () => {
    expect(milestoneHealth({ due: '2026-12-28', status: 'planned' }, today)).toBe('on-track')
  })
  it('keeps done and cancelled whatever the date', () => {
    expect(milestoneHealth({ due: '2020-01-01', status: 'done' }, today)).toBe('done')
    expect(milestoneHealth({ due: '2020-01-01', status: 'cancelled' }, today)).toBe('cancelled')
  })
})

describe('daysBetween', () => {
  it('counts whole days across a month end', () => {
    expect(daysBetween('2026-11-27', '2026-12-27')).toBe(30)
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1)
  })
})
