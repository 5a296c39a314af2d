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
import { labelsOf } from '../i18n/labels.ts'
import { useT } from '../i18n/useT.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'

const entities = [
  'programme',
  'programme_node',
  'programme_milestone',
  'engagement',
  'statement',
  'proposal',
  'user',
  'calendar-feed',
  'dataset',
] as const
const entityLabels = labelsOf('auditEntity', entities)

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
  const t = useT()
  return (
    <TableWrap label={t('page.audit.auditEntries')}>
      <table className="data-table audit-table">
        <caption className="visually-hidden">{t('page.audit.newestFirst', { total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('page.audit.when')}</th>
            <th scope="col">{t('page.audit.who')}</th>
            <th scope="col">{t('page.audit.onBehalfOf')}</th>
            <th scope="col">{t('page.audit.action')}</th>
            <th scope="col">{t('page.audit.record')}</th>
            <th scope="col">{t('page.audit.changes')}</th>
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
                  <span className="muted">
                    {entry.action === 'sign-in-failed' ? t('page.audit.unknown') : t('page.audit.system')}
                  </span>
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
  const t = useT()
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
        <PageHeader title={t('page.audit.auditTrail')} />
        <EmptyState title={t('page.audit.youAreNotAllowedTo')}>
          <p>
            {isSignedIn(session.data)
              ? t('page.audit.onlyAllianceAdministratorsClearedTo')
              : t('page.audit.signInWithAnAdministrator')}
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
        title={t('page.audit.auditTrail')}
        lead={t('page.audit.everyChangeSignInAnd')}
        actions={
          <a className="button secondary" href={auditCsvHref(filter)} download>
            {t('page.audit.downloadCsv')}
          </a>
        }
      />
      <ChainStatus />
      <search className="filters" aria-label={t('page.audit.filterTheAuditTrail')}>
        <SelectField
          id="audit-entity"
          label={t('page.audit.recordType')}
          value={filter.entity}
          onChange={setFilter('entity')}
          options={[
            ['', t('page.audit.anyRecord')],
            ...entities.map((entity) => [entity, entityLabels[entity]] as const),
          ]}
          error={undefined}
        />
        <TextField
          id="audit-entity-id"
          label={t('page.audit.recordId')}
          value={filter.entityId}
          onChange={setFilter('entityId')}
          error={undefined}
        />
        <TextField
          id="audit-actor"
          label={t('page.audit.user')}
          value={filter.actor}
          onChange={setFilter('actor')}
          error={undefined}
        />
        <TextField
          id="audit-from"
          label={t('page.audit.fromUtcDay')}
          type="date"
          value={filter.from}
          onChange={setFilter('from')}
          error={undefined}
        />
        <TextField
          id="audit-to"
          label={t('page.audit.toUtcDay')}
          type="date"
          value={filter.to}
          onChange={setFilter('to')}
          error={undefined}
        />
      </search>
      {entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => entries.refetch()} />
      ) : data === undefined ? (
        <Loading label={t('page.audit.loadingTheAuditTrail')} />
      ) : data.items.length === 0 ? (
        <EmptyState title={t('page.audit.noAuditEntriesMatch')}>
          <p>{t('page.audit.clearAFilterOrWiden')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {t('page.audit.countAndPage', { total: data.total, page: page + 1, pages })}
          </p>
          <AuditTable items={data.items} total={data.total} />
          <Pagination
            label={t('page.audit.auditPages')}
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
