import { Link } from 'react-router'
import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { TableWrap } from '../components/TableWrap.tsx'
import { NewProgrammeForm } from '../features/programmes/NewProgrammeForm.tsx'
import { statusLabels, usePortfolio } from '../features/programmes/queries.ts'
import '../features/programmes/programmes.css'

/** The portfolio: every programme the user may see, with kind, period, status, progress and what is due. */
export function ProgrammesPage() {
  const portfolio = usePortfolio()
  usePageMarking(portfolio.data?.marking)
  if (portfolio.isPending) return <Loading label="Loading programmes…" />
  if (portfolio.isError) return <ErrorState error={portfolio.error} onRetry={() => portfolio.refetch()} />
  const data = portfolio.data
  return (
    <>
      <title>Programmes — Liaison</title>
      <PageHeader
        title="Programmes"
        lead={`Partnership programmes (ITPP, IPCP) you may see, as of ${data.today}: ${data.byStatus
          .filter((s) => s.count > 0)
          .map((s) => `${s.count} ${statusLabels[s.status].toLowerCase()}`)
          .join(', ')}.`}
        actions={<CsvLink path="/api/v1/programmes.csv" what="the programmes" />}
      />
      <div className="section">
        <NewProgrammeForm />
      </div>
      <TableWrap label="Programme portfolio">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Programme</th>
              <th scope="col">Partner</th>
              <th scope="col">Kind</th>
              <th scope="col">Period</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Progress
              </th>
              <th scope="col" className="numeric">
                Late milestones
              </th>
              <th scope="col">Next milestone</th>
              <th scope="col">Next review</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/programmes/${p.id}`}>{p.title}</Link>
                </th>
                <td>{p.partner.name}</td>
                <td>{p.kind}</td>
                <td>{p.period.label}</td>
                <td>{statusLabels[p.status]}</td>
                <td className="numeric">
                  {p.progress.percentDone === null ? '—' : `${p.progress.percentDone}%`}
                </td>
                <td className="numeric">{p.progress.late}</td>
                <td>
                  {p.nextMilestone === null ? '—' : `${p.nextMilestone.title} (${p.nextMilestone.due})`}
                </td>
                <td>{p.nextReview ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  )
}
