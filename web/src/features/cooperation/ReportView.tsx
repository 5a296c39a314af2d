import { MarkingTag } from '../../components/marking.tsx'
import { ErrorState, Loading } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { formatInstant } from './dates.ts'
import { useReport } from './queries.ts'

/** A filed feedback report, as its readers see it. */
export function ReportView({ requestId }: { requestId: string }) {
  const t = useT()
  const report = useReport(requestId, true)
  if (report.isError) return <ErrorState error={report.error} onRetry={() => report.refetch()} />
  if (report.data === undefined) return <Loading label={t('cooperation.reportView.loadingTheReport')} />
  const data = report.data
  return (
    <article className="panel" aria-labelledby="report-view-heading" data-testid="report">
      <h3 id="report-view-heading">
        {t('cooperation.reportView.feedbackReport')} <MarkingTag marking={data.marking} />
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('cooperation.reportView.rating')}</dt>
          <dd className="rating">
            {data.rating} {t('cooperation.reportView.of5')}
          </dd>
        </div>
        <div>
          <dt>{t('cooperation.reportView.filed')}</dt>
          <dd>{t('cooperation.reportView.by', { when: formatInstant(data.filedAt), who: data.filedBy })}</dd>
        </div>
        <div className="facts-wide">
          <dt>{t('cooperation.reportView.summary')}</dt>
          <dd>{data.summary}</dd>
        </div>
        {data.outcomes === '' ? null : (
          <div className="facts-wide">
            <dt>{t('cooperation.reportView.outcomes')}</dt>
            <dd>{data.outcomes}</dd>
          </div>
        )}
        <div className="facts-wide">
          <dt>{t('cooperation.reportView.goalsServed')}</dt>
          <dd>{data.goals.map((goal) => goal.title).join('; ') || '—'}</dd>
        </div>
      </dl>
    </article>
  )
}
