import type { z } from 'zod'
import type { ImportJobView } from '../../../../src/contract/import.ts'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useT } from '../../i18n/useT.ts'

type Job = z.infer<typeof ImportJobView>

const kindNouns: Record<Job['kind'], string> = {
  partners: 'partners',
  events: 'relationship events',
  engagements: 'engagements',
  programmes: 'programme records',
}

function outcome(job: Job): string {
  switch (job.status) {
    case 'running':
      return `${job.dryRun ? 'Checking' : 'Importing'}: ${job.percent}%, ${job.rows} rows read`
    case 'succeeded':
      return job.dryRun
        ? `The file is valid: importing it would create ${job.created} ${kindNouns[job.kind]}. Nothing was changed.`
        : `Imported ${job.created} ${kindNouns[job.kind]} from ${job.rows} rows.`
    case 'failed':
      return `${job.errorCount} ${job.errorCount === 1 ? 'problem' : 'problems'} in ${job.rows} rows: nothing was imported. Correct the file and try again.`
    case 'error':
    case 'interrupted':
      return job.message ?? 'The import stopped; nothing was imported.'
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
        {outcome(job)}
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
