import { Link } from 'react-router'
import { SelectField, TextField } from '../components/DraftFields.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { TableWrap } from '../components/TableWrap.tsx'
import { AuditChanges } from '../features/audit/AuditChanges.tsx'
import { ChainStatus } from '../features/audit/ChainStatus.tsx'
import {
  type AuditEntryData,
  type AuditFilterParams,
  auditCsvHref,
  auditPageSize,
  useAuditEntries,
} from '../features/audit/queries.ts'
import { recordPath } from '../features/audit/record-link.ts'
import { isSignedIn, useSession } from '../features/session/queries.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'

const entityOptions = [
  ['', 'Any record'],
  ['programme', 'Programme'],
  ['programme_node', 'Programme element'],
  ['programme_milestone', 'Programme milestone'],
  ['engagement', 'Engagement'],
  ['statement', 'Statement'],
  ['proposal', 'Proposal'],
  ['user', 'User'],
  ['calendar-feed', 'Calendar feed'],
  ['dataset', 'Dataset'],
] as const

// In the viewer's own zone (the browser's), with the zone named, since entries are stored in UTC.
// (dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are named one by one.)
const whenFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
})

function RecordCell({ entry }: { entry: AuditEntryData }) {
  const path = recordPath(entry.entity, entry.entityId)
  const label = entry.entityId === '' ? entry.entity : `${entry.entity} ${entry.entityId}`
  return path === undefined ? <span className="audit-record">{label}</span> : <Link to={path}>{label}</Link>
}

function AuditTable({ items, total }: { items: readonly AuditEntryData[]; total: number }) {
  return (
    <TableWrap label="Audit entries">
      <table className="data-table audit-table">
        <caption className="visually-hidden">
          {total} audit entr{total === 1 ? 'y' : 'ies'}, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">On behalf of</th>
            <th scope="col">Action</th>
            <th scope="col">Record</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.id} data-testid={`audit-${entry.seq}`}>
              <th scope="row">
                <time dateTime={entry.at}>{whenFormat.format(new Date(entry.at))}</time>
              </th>
              <td>
                {entry.actor ?? (
                  // No actor: a failed sign-in (whoever typed) or the system itself (the seed, jobs).
                  <span className="muted">{entry.action === 'sign-in-failed' ? 'unknown' : 'system'}</span>
                )}
              </td>
              <td>{entry.onBehalfOf ?? <span className="muted">—</span>}</td>
              <td>{entry.action}</td>
              <td>
                <RecordCell entry={entry} />
              </td>
              <td>
                <AuditChanges entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

export function AuditPage() {
  const session = useSession()
  const mayRead = session.data?.abilities.readAudit === true
  const { get, set } = useAddressParams()
  const filter: AuditFilterParams = {
    entity: get('entity'),
    entityId: get('entityId'),
    actor: get('actor'),
    from: get('from'),
    to: get('to'),
  }
  const page = Math.max(0, Number.parseInt(get('page'), 10) || 0)
  const entries = useAuditEntries(filter, page, mayRead)
  // A filter change starts again at the first page.
  const setFilter = (key: keyof AuditFilterParams) => (value: string) => set({ [key]: value, page: '' })

  if (session.isPending) return <Loading />
  if (!mayRead) {
    return (
      <>
        <PageHeader title="Audit trail" />
        <EmptyState title="You are not allowed to read the audit trail">
          <p>
            {isSignedIn(session.data)
              ? 'Only alliance administrators cleared to the highest classification read the trail.'
              : 'Sign in with an administrator’s account to read the trail.'}
          </p>
        </EmptyState>
      </>
    )
  }
  const data = entries.data
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / auditPageSize))
  return (
    <>
      <PageHeader
        title="Audit trail"
        lead="Every change, sign-in and sign-out, newest first: who acted, for whom, and what changed."
        actions={
          <a className="button secondary" href={auditCsvHref(filter)} download>
            Download CSV
          </a>
        }
      />
      <ChainStatus />
      <search className="filters" aria-label="Filter the audit trail">
        <SelectField
          id="audit-entity"
          label="Record type"
          value={filter.entity}
          onChange={setFilter('entity')}
          options={entityOptions}
          error={undefined}
        />
        <TextField
          id="audit-entity-id"
          label="Record id"
          value={filter.entityId}
          onChange={setFilter('entityId')}
          error={undefined}
        />
        <TextField
          id="audit-actor"
          label="User"
          value={filter.actor}
          onChange={setFilter('actor')}
          error={undefined}
        />
        <TextField
          id="audit-from"
          label="From (UTC day)"
          type="date"
          value={filter.from}
          onChange={setFilter('from')}
          error={undefined}
        />
        <TextField
          id="audit-to"
          label="To (UTC day)"
          type="date"
          value={filter.to}
          onChange={setFilter('to')}
          error={undefined}
        />
      </search>
      {entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => entries.refetch()} />
      ) : data === undefined ? (
        <Loading label="Loading the audit trail…" />
      ) : data.items.length === 0 ? (
        <EmptyState title="No audit entries match">
          <p>Clear a filter or widen the dates to see more.</p>
        </EmptyState>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {data.total} entr{data.total === 1 ? 'y' : 'ies'} · page {page + 1} of {pages}
          </p>
          <AuditTable items={data.items} total={data.total} />
          <Pagination
            label="Audit pages"
            page={page}
            pageSize={auditPageSize}
            total={data.total}
            onPage={(to) => set({ page: String(to) })}
          />
        </>
      )}
    </>
  )
}
