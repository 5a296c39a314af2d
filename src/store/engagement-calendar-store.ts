import { createHash } from 'node:crypto'
import type { Principal } from '../domain/principal.ts'
import type { Db } from './database.ts'
import type { AnalyticsScope } from './engagement-analytics-store.ts'
import {
  type EngagementListItem,
  fromEngagementRow,
  hasVisibleFrameworkParticipant,
  hasVisibleParticipant,
} from './engagement-store.ts'
import type { Executor } from './executor.ts'
import { principalOf } from './user-store.ts'
import { visibleTo } from './visibility.ts'

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

/** Every engagement of the partner or framework that the principal may see, oldest first, for a calendar. */
export async function listFeedEngagements(
  db: Db,
  principal: Principal,
  scope: AnalyticsScope,
): Promise<FeedEngagement[]> {
  const inScope =
    scope.kind === 'partner'
      ? hasVisibleParticipant(principal, scope.code)
      : hasVisibleFrameworkParticipant(principal, scope.id)
  const rows = await db.kysely
    .selectFrom('engagement as e')
    .where(visibleTo(principal, 'e'))
    .where(inScope)
    .selectAll('e')
    .orderBy('e.start_utc')
    .orderBy('e.id')
    .execute()
  // The visible participants of all those engagements in one more statement, not one per event.
  const participants = await db.kysely
    .selectFrom('engagement_participant as p')
    .select(['p.engagement_id', 'p.country_code'])
    .distinct()
    .where(visibleTo(principal, 'p'))
    .where('p.engagement_id', 'in', (eb) =>
      eb.selectFrom('engagement as e').select('e.id').where(visibleTo(principal, 'e')).where(inScope),
    )
    .orderBy('p.country_code')
    .execute()
  const countries = new Map<string, string[]>()
  for (const participant of participants) {
    const list = countries.get(participant.engagement_id) ?? []
    list.push(participant.country_code)
    countries.set(participant.engagement_id, list)
  }
  return rows.map((row) => ({
    ...fromEngagementRow(row),
    countries: countries.get(row.id) ?? [],
    updatedAt: row.updated_at,
  }))
}
