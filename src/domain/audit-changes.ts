/** The before and after of each field a write changed; only the changed fields. */
export type AuditChanges = Readonly<Record<string, { readonly before: unknown; readonly after: unknown }>>

/**
 * Fields never written to the trail, whatever a command passes: secrets stay out of a log that
 * staff can read and export.
 */
const secretField = /password|token|secret/i

/**
 * The fields of `after` whose value differs from `before` (compared as JSON), with both values.
 * A field missing on one side counts as null there.
 */
export function changedFields(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
): AuditChanges {
  const changes: Record<string, { before: unknown; after: unknown }> = {}
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const key of [...keys].sort()) {
    const was = before?.[key] ?? null
    const is = after?.[key] ?? null
    if (JSON.stringify(was) !== JSON.stringify(is)) {
      changes[key] = { before: was, after: is }
    }
  }
  return withoutSecrets(changes)
}

/** Drops secret fields (password hashes, feed tokens…) from changes or details. */
export function withoutSecrets<T>(fields: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !secretField.test(key)))
}
