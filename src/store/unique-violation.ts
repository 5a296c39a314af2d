/**
 * Whether a database error is a unique-key violation, on either engine: PostgreSQL's SQLSTATE 23505,
 * SQLite's primary-key or unique constraint codes. Commands check for a free key first and answer a
 * clear problem; this catches the writer who lost the race between that check and the insert.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  const { code } = error
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}
