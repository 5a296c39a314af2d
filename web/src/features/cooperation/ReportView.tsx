import { MarkingTag } from '../../components/marking.tsx'
import { ErrorState, Loading } from '../../components/states.tsx'
import { formatInstant } from './dates.ts'
import { useReport } from './queries.ts'

/** A filed feedback report, as its readers see it. */
export function ReportView({ requestId }: { requestId: string }) {
  const report = useReport(requestId, true)
  if (report.isError) return <ErrorState error={report.error} onRetry={() => report.refetch()} />
  if (report.data === undefined) return <Loading label="Loading the report…" />
  const data = report.data
  return (
    <article className="panel" aria-labelledby="report-view-heading" data-testid="report">
      <h3 id="report-view-heading">
        Feedback report <MarkingTag marking={data.marking} />
      </h3>
      <dl className="facts">
        <div>
          <dt>Rating</dt>
          <dd className="rating">{data.rating} of 5</dd>
        </div>
        <div>
          <dt>Filed</dt>
          <dd>
            {formatInstant(data.filedAt)} by {data.filedBy}
          </dd>
        </div>
        <div className="facts-wide">
          <dt>Summary</dt>
          <dd>{data.summary}</dd>
        </div>
        {data.outcomes === '' ? null : (
          <div className="facts-wide">
            <dt>Outcomes</dt>
            <dd>{data.outcomes}</dd>
          </div>
        )}
        <div className="facts-wide">
          <dt>Goals served</dt>
          <dd>{data.goals.map((goal) => goal.title).join('; ') || '—'}</dd>
        </div>
      </dl>
    </article>
  )
}
