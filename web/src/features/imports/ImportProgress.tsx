import type { z } from 'zod'
import type { ImportJobView } from '../../../../src/contract/import.ts'
import { TableWrap } from '../../components/TableWrap.tsx'
import type { Translate } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'

type Job = z.infer<typeof ImportJobView>

/** The job's outcome in words: whole messages, with the row and problem counts as ICU plurals. */
function outcome(job: Job, t: Translate): string {
  const dryRun = job.dryRun ? 'yes' : 'no'
  switch (job.status) {
    case 'running':
      return t('imports.progress.running', { dryRun, percent: job.percent, rows: job.rows })
    case 'succeeded':
      return job.dryRun
        ? t('imports.progress.valid', { created: job.created, kind: job.kind })
        : t('imports.progress.imported', { created: job.created, kind: job.kind, rows: job.rows })
    case 'failed':
      return t('imports.progress.failed', { errors: job.errorCount, rows: job.rows })
    case 'error':
    case 'interrupted':
      return job.message ?? t('imports.progress.stopped')
  }
}

/** The job as it runs and when done: a real progress bar, the outcome, and every problem by row and field. */
export function ImportProgress({ job }: { job: Job }) {
  const t = useT()
  const listed = job.errors.length
  return (
    <section className="section" aria-labelledby="import-progress-heading">
      <h2 id="import-progress-heading">
        {job.dryRun ? t('imports.importProgress.dryRun') : t('imports.importProgress.import')}
      </h2>
      <progress
        className="import-progress"
        max={100}
        value={job.percent}
        aria-label={
          job.dryRun ? t('imports.importProgress.dryRunProgress') : t('imports.importProgress.importProgress')
        }
        aria-valuetext={`${job.percent}%`}
      />
      <p
        role="status"
        className={job.status === 'failed' || job.status === 'error' ? 'field-error' : undefined}
      >
        {outcome(job, t)}
      </p>
      {listed === 0 ? null : (
        <TableWrap label={t('imports.importProgress.problemsInTheFile')}>
          <table className="table">
            <caption>
              {t('imports.importProgress.problemsInTheFile')}
              {listed < job.errorCount
                ? t('imports.importProgress.theFirstOf', { listed, errorCount: job.errorCount })
                : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.importProgress.row')}</th>
                <th scope="col">{t('imports.importProgress.field')}</th>
                <th scope="col">{t('imports.importProgress.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.map((problem, index) => (
                // Problems have no id: a row may have several, and their order is the file's.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={index}>
                  <td>{problem.row === 0 ? t('imports.importProgress.file') : problem.row}</td>
                  <td>{problem.field === '' ? '—' : problem.field}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  )
}
