import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { ImportJobList, importKindValues, importStatuses } from '../../../../src/contract/import.ts'
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { labelsOf } from '../../i18n/labels.ts'
import { useIntl, useT } from '../../i18n/useT.ts'
import { apiGet } from '../../lib/api.ts'

const kindLabels = labelsOf('importKind', importKindValues)
const statusLabels = labelsOf('importStatus', importStatuses)

/** The last imports: re-read when one starts, and every second while one of them runs. */
function usePastImports() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: () => apiGet('/api/v1/imports?limit=20', ImportJobList),
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => job.status === 'running') === true ? 1000 : false,
  })
}

/** What was imported before, by whom and how it ended: the page's memory of earlier files. */
export function PastImports() {
  const t = useT()
  const intl = useIntl()
  const past = usePastImports()
  const rows = (data: z.infer<typeof ImportJobList>) =>
    data.items.map((job) => (
      <tr key={job.id}>
        <td>
          <time dateTime={job.createdAt}>
            {intl.formatDate(job.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        </td>
        <td>{kindLabels[job.kind]}</td>
        <td>
          {statusLabels[job.status]}
          {job.dryRun ? ` · ${t('imports.pastImports.dryRun')}` : ''}
        </td>
        <td className="numeric">{job.rows}</td>
        <td className="numeric">{job.created}</td>
        <td className="numeric">{job.errorCount}</td>
        <td>{job.importer ?? '—'}</td>
      </tr>
    ))
  return (
    <section className="section" aria-labelledby="past-imports-heading">
      <h2 id="past-imports-heading">{t('imports.pastImports.heading')}</h2>
      {past.isPending ? (
        <Loading label={t('imports.pastImports.loading')} />
      ) : past.isError ? (
        <ErrorState error={past.error} onRetry={() => past.refetch()} />
      ) : past.data.items.length === 0 ? (
        <EmptyState title={t('imports.pastImports.none')}>{t('imports.pastImports.noneHint')}</EmptyState>
      ) : (
        <TableWrap label={t('imports.pastImports.heading')}>
          <table className="data-table">
            <caption className="visually-hidden">
              {t('imports.pastImports.caption', { shown: past.data.items.length, total: past.data.total })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.pastImports.when')}</th>
                <th scope="col">{t('imports.pastImports.kind')}</th>
                <th scope="col">{t('imports.pastImports.outcome')}</th>
                <th scope="col">{t('imports.pastImports.rows')}</th>
                <th scope="col">{t('imports.pastImports.created')}</th>
                <th scope="col">{t('imports.pastImports.problems')}</th>
                <th scope="col">{t('imports.pastImports.by')}</th>
              </tr>
            </thead>
            <tbody>{rows(past.data)}</tbody>
          </table>
        </TableWrap>
      )}
    </section>
  )
}
