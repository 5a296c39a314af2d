import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors.ts'
import {
  assertReportable,
  cancelRegistration,
  eventDayProblems,
  eventPhase,
  placeRegistration,
  promotions,
  recordAttendance,
  stepInvitation,
  stepRequest,
} from './lifecycle.ts'

const event = {
  status: 'scheduled',
  startsOn: '2027-03-10',
  endsOn: '2027-03-12',
  applicationDeadline: '2027-02-20',
} as const

function invalidState(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError)
    return (error as DomainError).code
  }
  return 'allowed'
}

describe('event phase', () => {
  it('follows the day in the event’s zone', () => {
    expect(eventPhase(event, '2027-02-20')).toBe('open')
    expect(eventPhase(event, '2027-02-21')).toBe('closed')
    expect(eventPhase(event, '2027-03-10')).toBe('running')
    expect(eventPhase(event, '2027-03-12')).toBe('running')
    expect(eventPhase(event, '2027-03-13')).toBe('finished')
    expect(eventPhase({ ...event, status: 'cancelled' }, '2027-01-01')).toBe('cancelled')
  })

  it('names every problem of the days at once', () => {
    expect(
      eventDayProblems({ startsOn: '2027-03-10', endsOn: '2027-03-09', applicationDeadline: '2027-03-11' }),
    ).toEqual([
      expect.objectContaining({ pointer: '#/endsOn' }),
      expect.objectContaining({ pointer: '#/applicationDeadline' }),
    ])
  })
})

describe('request', () => {
  it('goes requested → approved | declined, and requested | approved → withdrawn', () => {
    expect(stepRequest('approve', 'requested')).toBe('approved')
    expect(stepRequest('decline', 'requested')).toBe('declined')
    expect(stepRequest('withdraw', 'requested')).toBe('withdrawn')
    expect(stepRequest('withdraw', 'approved')).toBe('withdrawn')
  })

  it('refuses every other step as invalid-state', () => {
    expect(invalidState(() => stepRequest('approve', 'approved'))).toBe('invalid-state')
    expect(invalidState(() => stepRequest('decline', 'approved'))).toBe('invalid-state')
    expect(invalidState(() => stepRequest('approve', 'declined'))).toBe('invalid-state')
    expect(invalidState(() => stepRequest('withdraw', 'declined'))).toBe('invalid-state')
    expect(invalidState(() => stepRequest('approve', 'withdrawn'))).toBe('invalid-state')
  })
})

describe('invitation', () => {
  it('is accepted or declined once, and revoked while live', () => {
    expect(stepInvitation('accept', 'issued')).toBe('accepted')
    expect(stepInvitation('decline', 'issued')).toBe('declined')
    expect(stepInvitation('revoke', 'accepted')).toBe('revoked')
    expect(invalidState(() => stepInvitation('accept', 'declined'))).toBe('invalid-state')
    expect(invalidState(() => stepInvitation('decline', 'accepted'))).toBe('invalid-state')
    expect(invalidState(() => stepInvitation('revoke', 'declined'))).toBe('invalid-state')
  })
})

describe('registration', () => {
  const open = { requestStatus: 'approved', invitation: 'issued', phase: 'open' } as const

  it('takes a seat while one is free, then the waiting list', () => {
    expect(placeRegistration(open, 2, 1)).toBe('registered')
    expect(placeRegistration(open, 2, 2)).toBe('waitlisted')
  })

  it('needs an approved request, a live invitation and an event not yet started', () => {
    expect(invalidState(() => placeRegistration({ ...open, requestStatus: 'requested' }, 2, 0))).toBe(
      'invalid-state',
    )
    expect(invalidState(() => placeRegistration({ ...open, invitation: 'declined' }, 2, 0))).toBe(
      'invalid-state',
    )
    expect(invalidState(() => placeRegistration({ ...open, phase: 'running' }, 2, 0))).toBe('invalid-state')
    expect(placeRegistration({ ...open, phase: 'closed' }, 2, 0)).toBe('registered')
  })

  it('frees a seat only when a seated registration is cancelled', () => {
    expect(cancelRegistration('registered', 'open')).toEqual({ freesSeat: true })
    expect(cancelRegistration('waitlisted', 'closed')).toEqual({ freesSeat: false })
    expect(invalidState(() => cancelRegistration('cancelled', 'open'))).toBe('invalid-state')
    expect(invalidState(() => cancelRegistration('registered', 'running'))).toBe('invalid-state')
  })

  it('promotes the earliest waiting, as many as seats are free', () => {
    expect(promotions(['a', 'b', 'c'], 3, 2)).toEqual(['a'])
    expect(promotions(['a', 'b'], 3, 0)).toEqual(['a', 'b'])
    expect(promotions(['a'], 2, 2)).toEqual([])
    expect(promotions(['a'], 2, 5)).toEqual([])
  })
})

describe('attendance and report', () => {
  it('records attendance of seated participants once the event started', () => {
    expect(recordAttendance('registered', 'running', 'attended')).toBe('attended')
    expect(recordAttendance('registered', 'finished', 'absent')).toBe('absent')
    expect(invalidState(() => recordAttendance('waitlisted', 'running', 'attended'))).toBe('invalid-state')
    expect(invalidState(() => recordAttendance('registered', 'open', 'attended'))).toBe('invalid-state')
  })

  it('takes one report per approved request after the event', () => {
    expect(invalidState(() => assertReportable('approved', 'finished', false))).toBe('allowed')
    expect(invalidState(() => assertReportable('approved', 'running', false))).toBe('invalid-state')
    expect(invalidState(() => assertReportable('approved', 'finished', true))).toBe('invalid-state')
    expect(invalidState(() => assertReportable('withdrawn', 'finished', false))).toBe('invalid-state')
  })
})
