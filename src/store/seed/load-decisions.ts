import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { allianceHomeZone, dayInZone } from '../../domain/calendar-day.ts'
import { liaisonOfficeStatuses } from '../../domain/liaison-office.ts'
import type { Marking } from '../../domain/marking.ts'
import { positions, proposalKinds, proposalProcedures, statusFromPositions } from '../../domain/proposal.ts'
import { recordAudit } from '../audit-store.ts'
import type { Db } from '../database.ts'
import { inTransaction } from '../executor.ts'
import { insertOffice } from '../liaison-office-store.ts'
import { appendPosition, insertProposal, memberCodesOn, setProposalStatus } from '../proposal-store.ts'
import { demoLoader } from './demo-loader.ts'

export const decisionDataPath = fileURLToPath(new URL('../../../data/decisions.json', import.meta.url))

const Instant = z.iso.datetime({ offset: true })

const DecisionData = z.object({
  about: z.string(),
  offices: z.array(
    z.object({
      id: z.string().min(1),
      city: z.string().min(1),
      country: z.string().length(3),
      timeZone: z.string().min(1),
      partners: z.array(z.string().length(3)),
      status: z.enum(liaisonOfficeStatuses),
      createdAt: Instant,
      source: z.string().optional(),
    }),
  ),
  proposals: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().min(1),
      text: z.string(),
      kind: z.enum(proposalKinds),
      partner: z.string().length(3).nullable(),
      liaisonOffice: z.string().nullable(),
      procedure: z.enum(proposalProcedures),
      createdAt: Instant.optional(),
      /** A silence procedure's deadline, counted from the first start so a newcomer sees it fire. */
      deadlineMinutesAfterFirstStart: z.number().int().positive().optional(),
      source: z.string().optional(),
      positions: z.array(
        z.object({
          member: z.string().length(3),
          position: z.enum(positions),
          at: Instant,
          note: z.string().nullable(),
          source: z.string().optional(),
        }),
      ),
    }),
  ),
})

const publicMarking: Marking = { classification: 'PUBLIC', releasableTo: [] }

/**
 * Loads data/decisions.json in one transaction: the liaison offices, then the proposals, opened,
 * with their members' positions and the status the consensus rule gives them on `now`'s day.
 * Records that exist are left alone, so a silence deadline is set once, at the first start.
 */
export async function loadDecisionDemo(db: Db, now: Date, path = decisionDataPath): Promise<void> {
  const data = DecisionData.parse(JSON.parse(await readFile(path, 'utf8')))
  await inTransaction(db, async (tx) => {
    const offices = new Set(
      (await tx.selectFrom('liaison_office').select('id').execute()).map((row) => row.id),
    )
    for (const office of data.offices) {
      if (offices.has(office.id)) continue
      const draft = { ...office, partners: [...office.partners].sort(), marking: publicMarking }
      await insertOffice(tx, office.id, draft, new Date(office.createdAt))
      await recordAudit(
        tx,
        demoLoader,
        {
          action: 'create',
          entity: 'liaison-office',
          entityId: office.id,
          details: { city: office.city, country: office.country, status: office.status },
        },
        now,
      )
    }
    const proposals = new Set((await tx.selectFrom('proposal').select('id').execute()).map((row) => row.id))
    const members = await memberCodesOn(tx, dayInZone(now, allianceHomeZone))
    for (const proposal of data.proposals) {
      if (proposals.has(proposal.id)) continue
      const minutes = proposal.deadlineMinutesAfterFirstStart
      const deadline = minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000).toISOString()
      await insertProposal(
        tx,
        proposal.id,
        {
          title: proposal.title,
          text: proposal.text,
          kind: proposal.kind,
          links: {
            partner: proposal.partner,
            programme: null,
            engagement: null,
            liaisonOffice: proposal.liaisonOffice,
          },
          procedure: proposal.procedure,
          deadline,
          marking: publicMarking,
        },
        proposal.createdAt === undefined ? now : new Date(proposal.createdAt),
      )
      const history = proposal.positions.map((entry) => ({
        event: 'position' as const,
        member: entry.member,
        position: entry.position,
        note: entry.note,
        recordedBy: null,
        onBehalf: true,
        at: entry.at,
      }))
      for (const entry of history) await appendPosition(tx, proposal.id, entry)
      const status = proposal.procedure === 'consensus' ? statusFromPositions(members, history) : 'open'
      await setProposalStatus(tx, demoLoader, proposal.id, 1, status, now)
      await recordAudit(
        tx,
        demoLoader,
        {
          action: 'create',
          entity: 'proposal',
          entityId: proposal.id,
          details: { title: proposal.title, status },
        },
        now,
      )
    }
  })
}
