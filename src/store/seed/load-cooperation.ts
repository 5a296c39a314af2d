import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { AuditEntry } from '../audit-store.ts'
import { recordAudit } from '../audit-store.ts'
import { insertEvent } from '../cooperation-event-store.ts'
import { insertItem } from '../cooperation-item-store.ts'
import { insertRegistration, updateRegistration } from '../cooperation-registration-store.ts'
import { insertReport } from '../cooperation-report-store.ts'
import { insertRequest, partnerGoals, updateRequest } from '../cooperation-request-store.ts'
import type { Db } from '../database.ts'
import { type Executor, inTransaction } from '../executor.ts'
import { CooperationDemoData } from './cooperation-demo-schema.ts'
import { demoLoader } from './demo-loader.ts'

export const cooperationDataPath = fileURLToPath(new URL('../../../data/cooperation.json', import.meta.url))

export async function readCooperationDemo(path = cooperationDataPath): Promise<CooperationDemoData> {
  return CooperationDemoData.parse(JSON.parse(await readFile(path, 'utf8')))
}

function lookup<T extends { id: string }>(records: readonly T[], what: string) {
  const byId = new Map(records.map((record) => [record.id, record]))
  return (id: string, from: string): T => {
    const found = byId.get(id)
    if (found === undefined) throw new Error(`data/cooperation.json: ${from} names no ${what} ${id}`)
    return found
  }
}

async function existing(
  tx: Executor,
  table: 'coop_item' | 'coop_event' | 'coop_request' | 'coop_registration',
) {
  return new Set((await tx.selectFrom(table).select('id').execute()).map((row) => row.id))
}

/**
 * Loads data/cooperation.json in one transaction, after the programme demo (requests serve its
 * goals): items, their events, partner requests with the provider's decision and the invitation,
 * registrations and the feedback report, each flagged illustrative. Records that exist are left
 * alone, so a second start changes nothing.
 */
export async function loadCooperationDemo(db: Db, data: CooperationDemoData, now: Date): Promise<void> {
  const itemOf = lookup(data.items, 'item')
  const eventOf = lookup(data.events, 'event')
  const requestOf = lookup(data.requests, 'request')
  await inTransaction(db, async (tx) => {
    const audit = (entry: AuditEntry) => recordAudit(tx, demoLoader, entry, now)
    const items = await existing(tx, 'coop_item')
    for (const item of data.items) {
      if (items.has(item.id)) continue
      await insertItem(tx, item.id, item, new Date(item.createdAt))
      await audit({
        action: 'create',
        entity: 'cooperation-item',
        entityId: item.id,
        details: { code: item.code, title: item.title, illustrative: true },
      })
    }
    const events = await existing(tx, 'coop_event')
    for (const event of data.events) {
      if (events.has(event.id)) continue
      itemOf(event.item, `event ${event.id}`)
      await insertEvent(tx, event.id, event.item, event, new Date(event.createdAt), true)
      await audit({
        action: 'create',
        entity: 'cooperation-event',
        entityId: event.id,
        details: { itemId: event.item, startsOn: event.startsOn, place: event.place, illustrative: true },
      })
    }
    const requests = await existing(tx, 'coop_request')
    for (const request of data.requests) {
      if (requests.has(request.id)) continue
      const event = eventOf(request.event, `request ${request.id}`)
      const item = itemOf(event.item, `event ${event.id}`)
      const goals = await partnerGoals(tx, demoLoader, request.partner, request.goals)
      const missing = request.goals.filter((goal) => !goals.has(goal))
      if (missing.length > 0) {
        throw new Error(
          `data/cooperation.json: request ${request.id} names no goal of ${request.partner}: ${missing}`,
        )
      }
      await insertRequest(
        tx,
        {
          id: request.id,
          eventId: event.id,
          itemId: item.id,
          partner: request.partner,
          provider: item.provider,
          note: request.note,
          goals: request.goals.map((id) => ({ id, programmeId: goals.get(id) ?? '' })),
          marking: request.marking,
          illustrative: true,
        },
        new Date(request.createdAt),
      )
      const { decision, invitation } = request
      if (decision !== null) {
        await updateRequest(
          tx,
          demoLoader,
          request.id,
          1,
          {
            status: request.status,
            decidedAt: decision.at,
            decidedBy: decision.by,
            decisionNote: decision.note,
            ...(invitation === null
              ? {}
              : {
                  invitationStatus: invitation.status,
                  invitationIssuedAt: invitation.issuedAt,
                  invitationMessage: invitation.message,
                  ...(invitation.respondedAt === null
                    ? {}
                    : { invitationRespondedAt: invitation.respondedAt }),
                }),
          },
          new Date(invitation?.respondedAt ?? decision.at),
        )
      }
      await audit({
        action: 'create',
        entity: 'cooperation-request',
        entityId: request.id,
        details: { eventId: event.id, partner: request.partner, status: request.status, illustrative: true },
      })
    }
    const registrations = await existing(tx, 'coop_registration')
    for (const registration of data.registrations) {
      if (registrations.has(registration.id)) continue
      const request = requestOf(registration.request, `registration ${registration.id}`)
      const event = eventOf(request.event, `request ${request.id}`)
      const item = itemOf(event.item, `event ${event.id}`)
      await insertRegistration(
        tx,
        {
          id: registration.id,
          requestId: request.id,
          eventId: event.id,
          partner: request.partner,
          provider: item.provider,
          personName: registration.personName,
          nation: registration.nation,
          role: registration.role,
          status: registration.status,
          queueSeq: registration.queueSeq,
          marking: request.marking,
          illustrative: true,
        },
        new Date(registration.createdAt),
      )
      if (registration.attendance !== null) {
        const at = new Date(`${event.endsOn}T18:00:00Z`)
        await updateRegistration(
          tx,
          demoLoader,
          registration.id,
          1,
          { attendance: registration.attendance },
          at,
        )
      }
      // The person's name is personal data: the audit keeps the role and place, as the command does.
      await audit({
        action: 'create',
        entity: 'cooperation-registration',
        entityId: registration.id,
        details: {
          requestId: request.id,
          nation: registration.nation,
          role: registration.role,
          illustrative: true,
        },
      })
    }
    const reported = new Set(
      (await tx.selectFrom('coop_report').select('request_id').execute()).map((row) => row.request_id),
    )
    for (const report of data.reports) {
      if (reported.has(report.request)) continue
      requestOf(report.request, 'a report')
      await insertReport(tx, {
        requestId: report.request,
        rating: report.rating,
        summary: report.summary,
        outcomes: report.outcomes,
        goalIds: report.goals,
        filedAt: report.filedAt,
        filedBy: report.filedBy,
        illustrative: true,
      })
      await audit({
        action: 'create',
        entity: 'cooperation-report',
        entityId: report.request,
        details: { rating: report.rating, illustrative: true },
      })
    }
  })
}
