import type { TestServer } from './server.ts'

/** The before → after of a record's newest 'update' entry in the trail. */
export async function lastUpdateChanges(server: TestServer, entityId: string): Promise<unknown> {
  const row = await server.db.kysely
    .selectFrom('audit_log')
    .select('changes')
    .where('entity_id', '=', entityId)
    .where('action', '=', 'update')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow()
  return JSON.parse(row.changes)
}
