import { createHash } from 'node:crypto'
import { type SqlBool, sql } from 'kysely'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { distinctMarkingIds, markingsFromIds } from './contributing-markings.ts'
import type { Db } from './database.ts'
import type { AnalyticsScope } from './engagement-analytics-store.ts'
import {
  type EngagementListItem,
  fromEngagementRow,
  hasVisibleFrameworkParticipant,
  hasVisibleParticipant,
} from './engagement-store.ts'
import type { Executor } from './executor.ts'
import { memberStatuses } from './partner-store.ts'
import { principalOf } from './user-store.ts'
import { inlineSight, visibleTo } from './visibility.ts'

/** Only a hash of the feed token is stored: a copy of the database does not reveal anyone's feed URL. */
function hashFeedToken(token: string): string {
  return createHash('sha256').update(`calendar-feed:${token}`).digest('base64url')
}

/**
 * Makes `token` the user's one feed token (the old URL stops working). Runs on the command's
 * transaction, with its audit entry.
 */
export async function replaceFeedToken(
  executor: Executor,
  userId: string,
  token: string,
  now: Date,
): Promise<void> {
  await removeFeedToken(executor, userId)
  await executor
    .insertInto('engagement_calendar_feed')
    .values({ user_id: userId, token_hash: hashFeedToken(token), created_at: now.toISOString() })
    .execute()
}

export async function removeFeedToken(executor: Executor, userId: string): Promise<void> {
  await executor.deleteFrom('engagement_calendar_feed').where('user_id', '=', userId).execute()
}

export async function findFeedCreatedAt(db: Db, userId: string): Promise<string | null> {
  const row = await db.kysely
    .selectFrom('engagement_calendar_feed')
    .select('created_at')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.created_at ?? null
}

/** The user a feed token belongs to, as a principal with that user's marking rights; null for an unknown token. */
export async function findFeedPrincipal(db: Db, token: string): Promise<Principal | null> {
  const user = await db.kysely
    .selectFrom('engagement_calendar_feed as f')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .selectAll('u')
    .where('f.token_hash', '=', hashFeedToken(token))
    .executeTakeFirst()
  return user === undefined ? null : principalOf(user)
}

export interface FeedEngagement extends EngagementListItem {
  readonly updatedAt: string
}

export interface Feed {
  readonly engagements: readonly FeedEngagement[]
  /** The markings of the memberships that put an engagement in a framework's feed (none for a partner's). */
  readonly scopeMarkings: readonly Marking[]
}

/** What a feed covers: one partner, one framework, or everything its owner may see. */
export type FeedScope = AnalyticsScope | { readonly kind: 'all' }

/**
 * Every engagement of the scope that the principal may see, oldest first, for a calendar. The
 * "all" feed is the same read with no scope condition; the marking filter is applied as always.
 */
export async function listFeedEngagements(db: Db, principal: Principal, scope: FeedScope): Promise<Feed> {
  const inScope =
    scope.kind === 'partner'
      ? hasVisibleParticipant(inlineSight(principal), scope.code)
      : scope.kind === 'framework'
        ? hasVisibleFrameworkParticipant(inlineSight(principal), scope.id)
        : sql<SqlBool>`1 = 1`
  const rows = await db.kysely
    .selectFrom('engagement as e')
    .where(visibleTo(principal, 'e'))
    .where(inScope)
    .selectAll('e')
    .orderBy('e.start_utc')
    .orderBy('e.id')
    .execute()
  // The visible participants of all those engagements in one more statement, not one per event,
  // with their markings: a participation shown in an event raises that event's marking.
  const participants = await db.kysely
    .selectFrom('engagement_participant as p')
    .select(['p.engagement_id', 'p.country_code', sql<string>`p.marking_id`.as('marking_id')])
    .distinct()
    .where(visibleTo(principal, 'p'))
    .where('p.engagement_id', 'in', (eb) =>
      eb.selectFrom('engagement as e').select('e.id').where(visibleTo(principal, 'e')).where(inScope),
    )
    .orderBy('p.country_code')
    .execute()
  const countries = new Map<string, string[]>()
  const markings = new Map<string, string[]>()
  for (const participant of participants) {
    const list = countries.get(participant.engagement_id) ?? []
    if (!list.includes(participant.country_code)) {
      list.push(participant.country_code)
    }
    countries.set(participant.engagement_id, list)
    markings.set(participant.engagement_id, [
      ...(markings.get(participant.engagement_id) ?? []),
      participant.marking_id,
    ])
  }
  return {
    // Assigned onto the fresh record rather than spread into a literal (V8's slow path; see the template).
    engagements: rows.map((row) =>
      Object.assign(fromEngagementRow(row), {
        countries: countries.get(row.id) ?? [],
        participationMarkings: markingsFromIds(...(markings.get(row.id) ?? [])),
        updatedAt: row.updated_at,
      }),
    ),
    scopeMarkings: scope.kind === 'framework' ? await frameworkScopeMarkings(db, principal, scope.id) : [],
  }
}

/**
 * The visible memberships through which a visible participation put an engagement in the
 * framework's feed (the condition of `hasVisibleFrameworkParticipant`), as distinct markings.
 */
async function frameworkScopeMarkings(db: Db, principal: Principal, framework: string): Promise<Marking[]> {
  const row = await db.kysely
    .selectFrom('engagement_participant as p')
    .innerJoin('framework_membership as m', 'm.country_code', 'p.country_code')
    .innerJoin('engagement as e', 'e.id', 'p.engagement_id')
    .select(distinctMarkingIds(db.engine, 'm.marking_id').as('ids'))
    .where('m.framework_id', '=', framework)
    .where('m.status', 'in', memberStatuses)
    .where((eb) => eb.or([eb('m.from_date', 'is', null), eb('m.from_date', '<=', eb.ref('e.start_day'))]))
    .where((eb) => eb.or([eb('m.to_date', 'is', null), eb('m.to_date', '>=', eb.ref('e.start_day'))]))
    .where(visibleTo(principal, 'p'))
    .where(visibleTo(principal, 'm'))
    .where(visibleTo(principal, 'e'))
    .executeTakeFirst()
  return markingsFromIds(row?.ids)
}
