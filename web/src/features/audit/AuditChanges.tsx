import { useT } from '../../i18n/useT.ts'
import type { AuditEntryData } from './queries.ts'

/** A value as the trail stored it: text as is, anything else as compact JSON. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '—'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The changed fields of an entry, before → after; a create or delete shows its details instead. */
export function AuditChanges({ entry }: { entry: AuditEntryData }) {
  const t = useT()
  const changes = Object.entries(entry.changes)
  const details = Object.entries(entry.details)
  if (changes.length === 0 && details.length === 0) return <span className="muted">—</span>
  return (
    <dl className="audit-changes">
      {changes.map(([field, { before, after }]) => (
        <div key={field}>
          <dt>{field}</dt>
          <dd>
            <del>{shown(before)}</del> <span aria-hidden="true">→</span>
            <span className="visually-hidden">{t('audit.auditChanges.changedTo')}</span>{' '}
            <ins>{shown(after)}</ins>
          </dd>
        </div>
      ))}
      {details.map(([field, value]) => (
        <div key={`detail-${field}`}>
          <dt>{field}</dt>
          <dd>{shown(value)}</dd>
        </div>
      ))}
    </dl>
  )
}
