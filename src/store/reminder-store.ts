import { sql } from 'kysely'
import type { Position } from '../domain/decision-consensus.ts'
import type { Principal } from '../domain/principal.ts'
import type { DueReminder } from '../domain/reminders.ts'
import type { Executor } from './executor.ts'
import './proposal-tables.ts'
import './reminder-tables.ts'
import { visibleTo } from './visibility.ts'

/*
 * Reminders before silence deadlines. The system's writes (the tick) run for no principal; the
 * one read that is presented (`visibleReminders`) goes through the proposal's marking filter.
 */

export interface OpenSilenceProposal {
  readonly id: string
  readonly status: string
  readonly procedure: string
  readonly deadline: string
  /** Each member's current position (its latest row). */
  readonly positions: Map<string, Position>
}

/** Open silence procedures whose deadline is still ahead of `now`, with their current positions. */
export async function openSilenceProposals(executor: Executor, now: Date): Promise<OpenSilenceProposal[]> {
  const proposals = await executor
    .selectFrom('proposal')
    .select(['id', 'status', 'procedure', 'deadline'])
    .where('status', '=', 'open')
    .where('procedure', '=', 'silence')
    .where('deadline', '>', now.toISOString())
    .orderBy('id')
    .execute()
  const result = proposals.flatMap((row) =>
    row.deadline === null ? [] : [{ ...row, deadline: row.deadline, positions: new Map<string, Position>() }],
  )
  if (result.length === 0) return result
  const byId = new Map(result.map((proposal) => [proposal.id, proposal]))
  const positions = await executor
    .selectFrom('proposal_position')
    .select(['proposal_id', 'member_code', 'position'])
    .where('proposal_id', 'in', [...byId.keys()])
    .where('event', '=', 'position')
    .orderBy('proposal_id')
    .orderBy('seq')
    .execute()
  // Oldest first, so the latest row of each member is the one left in the map.
  for (const row of positions)
    byId.get(row.proposal_id)?.positions.set(row.member_code, row.position as Position)
  return result
}

/**
 * Inserts the reminders, each at most once whoever else inserts it at the same time (the unique
 * key, `on conflict do nothing`). Returns how many this call created.
 */
export async function insertReminders(
  executor: Executor,
  proposalId: string,
  due: readonly DueReminder[],
  now: Date,
): Promise<number> {
  if (due.length === 0) return 0
  const result = await executor
    .insertInto('proposal_reminder')
    .values(
      due.map((reminder) => ({
        id: `${proposalId}:${reminder.member}:${reminder.offset}`,
        proposal_id: proposalId,
        member_code: reminder.member,
        offset_label: reminder.offset,
        due_at: reminder.dueAt,
        created_at: now.toISOString(),
        next_attempt_at: now.toISOString(),
      })),
    )
    .onConflict((conflict) => conflict.columns(['proposal_id', 'member_code', 'offset_label']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

export interface WebhookCandidate {
  readonly id: string
  readonly member: string
  readonly dueAt: string
  readonly proposal: { readonly id: string; readonly title: string; readonly deadline: string }
}

/**
 * Pending webhooks whose next attempt has come, on proposals still open under silence before their
 * deadline (a reminder about a decided proposal is moot and is not sent). Candidates only: a
 * server sends one after winning `claimWebhook`.
 */
export async function webhookCandidates(
  executor: Executor,
  now: Date,
  limit: number,
): Promise<WebhookCandidate[]> {
  const at = now.toISOString()
  const rows = await executor
    .selectFrom('proposal_reminder as r')
    .innerJoin('proposal as p', 'p.id', 'r.proposal_id')
    .select(['r.id', 'r.member_code', 'r.due_at', 'p.id as proposal_id', 'p.title', 'p.deadline'])
    .where('r.webhook_state', '=', 'pending')
    .where('r.next_attempt_at', '<=', at)
    .where('p.status', '=', 'open')
    .where('p.procedure', '=', 'silence')
    .where('p.deadline', '>', at)
    .orderBy('r.next_attempt_at')
    .orderBy('r.id')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    member: row.member_code,
    dueAt: row.due_at,
    proposal: { id: row.proposal_id, title: row.title, deadline: row.deadline ?? '' },
  }))
}

/**
 * Claims one attempt atomically: counts it and moves the next attempt to `leaseUntil`, only if the
 * reminder is still pending and due. The attempt number when this call won it, null when another
 * server did: only the winner sends, and if it dies mid-send the lease lets one retry later.
 */
export async function claimWebhook(
  executor: Executor,
  id: string,
  now: Date,
  leaseUntil: Date,
): Promise<number | null> {
  const result = await executor
    .updateTable('proposal_reminder')
    .set({ attempts: sql<number>`attempts + 1`, next_attempt_at: leaseUntil.toISOString() })
    .where('id', '=', id)
    .where('webhook_state', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return null
  const row = await executor
    .selectFrom('proposal_reminder')
    .select('attempts')
    .where('id', '=', id)
    .executeTakeFirst()
  return row === undefined ? null : Number(row.attempts)
}

/** Records an attempt's outcome: sent, failed, or pending again at `retryAt`. */
export async function settleWebhook(
  executor: Executor,
  id: string,
  outcome: { state: 'sent' | 'failed' } | { state: 'pending'; retryAt: Date },
): Promise<void> {
  await executor
    .updateTable('proposal_reminder')
    .set(
      outcome.state === 'pending'
        ? { next_attempt_at: outcome.retryAt.toISOString() }
        : { webhook_state: outcome.state },
    )
    .where('id', '=', id)
    .execute()
}

export interface VisibleReminder {
  readonly proposal: string
  readonly title: string
  readonly deadline: string
  readonly member: string
  readonly dueAt: string
}

/**
 * The reminders the principal may see: on proposals visible to it (the marking filter, in SQL),
 * still open under silence before the deadline, whose member still has no position; for one member
 * (an ally's own) or, with `member` null, every member's (staff). Most recent reminder first.
 */
export async function visibleReminders(
  executor: Executor,
  principal: Principal,
  member: string | null,
  now: Date,
): Promise<VisibleReminder[]> {
  const at = now.toISOString()
  const rows = await executor
    .selectFrom('proposal_reminder as r')
    .innerJoin('proposal as p', 'p.id', 'r.proposal_id')
    .where(visibleTo(principal, 'p'))
    .where('p.status', '=', 'open')
    .where('p.procedure', '=', 'silence')
    .where('p.deadline', '>', at)
    .$if(member !== null, (qb) => qb.where('r.member_code', '=', member ?? ''))
    // Still silent: the member's latest position is none, or it has recorded none.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('proposal_position as pp')
            .select('pp.seq')
            .whereRef('pp.proposal_id', '=', 'r.proposal_id')
            .whereRef('pp.member_code', '=', 'r.member_code')
            .where('pp.event', '=', 'position')
            .where('pp.position', '<>', 'none')
            .where('pp.seq', '=', (eb) =>
              eb
                .selectFrom('proposal_position as last')
                .select((e) => e.fn.max('last.seq').as('seq'))
                .whereRef('last.proposal_id', '=', 'r.proposal_id')
                .whereRef('last.member_code', '=', 'r.member_code')
                .where('last.event', '=', 'position'),
            ),
        ),
      ),
    )
    .select(['p.id as proposal', 'p.title', 'p.deadline', 'r.member_code', 'r.due_at'])
    .orderBy('r.due_at', 'desc')
    .orderBy('p.id')
    .orderBy('r.member_code')
    .execute()
  return rows.map((row) => ({
    proposal: row.proposal,
    title: row.title,
    deadline: row.deadline ?? '',
    member: row.member_code,
    dueAt: row.due_at,
  }))
}
