import { dayInZone } from '../../../domain/calendar-day.ts'
import { eventPhase } from '../../../domain/cooperation/lifecycle.ts'
import type { EventPhase, EventStatus } from '../../../domain/cooperation/vocabulary.ts'
import { DomainError } from '../../../domain/errors.ts'
import type { Principal } from '../../../domain/principal.ts'
import { lockEvent } from '../../../store/cooperation-event-store.ts'
import {
  findVisibleRequest,
  lockRequest,
  type RequestRecord,
} from '../../../store/cooperation-request-store.ts'
import type { Db } from '../../../store/database.ts'
import type { Executor } from '../../../store/executor.ts'

/** The phase of an event at `now`, reckoned on the day in the event's own zone. */
export function phaseAt(
  event: {
    status: EventStatus
    startsOn: string
    endsOn: string
    applicationDeadline: string
    timeZone: string
  },
  now: Date,
): EventPhase {
  return eventPhase(event, dayInZone(now, event.timeZone))
}

/**
 * Locks a request's event, then the request (always in this order, so commands on the same event
 * queue instead of deadlocking), and loads the request as the principal sees it: hidden is 404.
 */
export async function lockAndLoadRequest(
  tx: Executor,
  db: Db,
  principal: Principal,
  id: string,
): Promise<RequestRecord> {
  const row = await tx.selectFrom('coop_request').select('event_id').where('id', '=', id).executeTakeFirst()
  if (row !== undefined) {
    await lockEvent(tx, db.engine, row.event_id)
    await lockRequest(tx, db.engine, id)
  }
  const request = row === undefined ? null : await findVisibleRequest(tx, principal, id)
  if (request === null) throw new DomainError('not-found', `No cooperation request has the id ${id}.`)
  return request
}

/** The facts `authorize` needs about a request. */
export function requestResource(request: RequestRecord, now: Date) {
  return {
    type: 'cooperation-request',
    partner: request.partner.code,
    provider: request.item.provider,
    status: request.status,
    invitation: request.invitation?.status ?? null,
    phase: phaseAt(request.event, now),
    reported: request.report !== null,
  } as const
}
