import type { z } from 'zod'
import { type ImportJobView, importKindValues } from '../../../../src/contract/import.ts'
import { TableWrap } from '../../components/TableWrap.tsx'
import { labelsOf } from '../../i18n/labels.ts'
import type { Translate } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'

type Job = z.infer<typeof ImportJobView>

const kindNouns = labelsOf('importNoun', importKindValues)

function outcome(t: Translate, job: Job): string {
  const counts = { percent: job.percent, rows: job.rows, created: job.created, noun: kindNouns[job.kind] }
  switch (job.status) {
    case 'running':
      return t(job.dryRun ? 'imports.importProgress.checking' : 'imports.importProgress.importing', counts)
    case 'succeeded':
      return t(job.dryRun ? 'imports.importProgress.valid' : 'imports.importProgress.imported', counts)
    case 'failed':
      return t('imports.importProgress.failed', { count: job.errorCount, rows: job.rows })
    case 'error':
    case 'interrupted':
      return job.message ?? t('imports.importProgress.stopped')
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
        {outcome(t, job)}
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
