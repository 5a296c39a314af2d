import type { Kysely } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Single sign-on: which user an identity provider's subject is (one user per provider and subject,
 * so a provider cannot hand one person two accounts), and, per session, the provider and ID token
 * it came from, for RP-initiated logout at the provider (id_token_hint); and sign-ins in flight.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('external_identity')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('external_identity_pk', ['provider', 'subject'])
    .execute()
  await db.schema.createIndex('external_identity_user').on('external_identity').column('user_id').execute()
  await db.schema.alterTable('user_session').addColumn('oidc_provider', 'text').execute()
  await db.schema.alterTable('user_session').addColumn('oidc_id_token', 'text').execute()
  // A sign-in waiting for the provider's answer, keyed by a hash of its state: the PKCE verifier
  // and nonce never leave the server, and deleting the row as the callback reads it stops replays.
  await db.schema
    .createTable('oidc_sign_in')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('oidc_sign_in').execute()
  await db.schema.alterTable('user_session').dropColumn('oidc_id_token').execute()
  await db.schema.alterTable('user_session').dropColumn('oidc_provider').execute()
  await db.schema.dropTable('external_identity').execute()
}
