import { Link, useParams } from 'react-router'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, isNotFound, Loading, NotFound } from '../components/states.tsx'
import { OfficeLink } from '../features/offices/OfficeLink.tsx'
import { Countdown } from '../features/proposals/Countdown.tsx'
import { PositionGrid } from '../features/proposals/PositionGrid.tsx'
import { PositionHistory } from '../features/proposals/PositionHistory.tsx'
import { ProposalActions } from '../features/proposals/ProposalActions.tsx'
import { kindLabels, procedureLabels, useMemberName, useProposal } from '../features/proposals/queries.ts'
import { StatusChip } from '../features/proposals/StatusChip.tsx'
import '../features/proposals/proposals.css'

/**
 * One proposal: status, procedure and deadline, every member's position, who blocks it, the
 * history, and the actions the signed-in user may take. It re-reads itself while undecided.
 */
export function ProposalPage() {
  const { id = '' } = useParams()
  const proposal = useProposal(id)
  const nameOf = useMemberName()
  usePageMarking(proposal.data?.pageMarking)
  if (proposal.isPending) return <Loading label="Loading proposal…" />
  if (proposal.isError) {
    return isNotFound(proposal.error) ? (
      <NotFound title="Proposal not found" detail={proposal.error.message} />
    ) : (
      <ErrorState error={proposal.error} onRetry={() => proposal.refetch()} />
    )
  }
  const data = proposal.data
  const blockers = data.blockers ?? []
  return (
    <>
      <title>{`${data.title} — Liaison`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/proposals">Decisions</Link> <span aria-hidden="true">/</span> <span>{data.title}</span>
      </nav>
      <PageHeader
        eyebrow={`${kindLabels[data.kind]} · ${procedureLabels[data.procedure]}`}
        title={data.title}
      />
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title" className="visually-hidden">
          Key facts
        </h2>
        {/* Polite live region: a second viewer hears "Adopted" when the page updates by itself. */}
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd aria-live="polite" data-testid="proposal-status">
              <StatusChip status={data.status} />
            </dd>
          </div>
          <div>
            <dt>Procedure</dt>
            <dd>{procedureLabels[data.procedure]}</dd>
          </div>
          {data.deadline === null ? null : (
            <div>
              <dt>Deadline</dt>
              <dd>
                {data.status === 'open' ? (
                  <Countdown deadline={data.deadline} />
                ) : (
                  <time dateTime={data.deadline}>{new Date(data.deadline).toLocaleString()}</time>
                )}
              </dd>
            </div>
          )}
          {data.partner === null ? null : (
            <div>
              <dt>Partner</dt>
              <dd>
                <Link to={`/partners/${data.partner}`}>{data.partner}</Link>
              </dd>
            </div>
          )}
          {data.liaisonOffice === null ? null : (
            <div>
              <dt>Liaison office</dt>
              <dd>
                <OfficeLink id={data.liaisonOffice} proposalVersion={data.version} />
              </dd>
            </div>
          )}
        </dl>
        {data.text === '' ? null : <p className="proposal-text">{data.text}</p>}
      </section>
      {blockers.length === 0 ? null : (
        <div className="callout callout-blocked" role="note" aria-labelledby="blocked-title">
          <p id="blocked-title" className="callout-title">
            Blocked by {blockers.map(nameOf).join(', ')}
          </p>
          <p>
            {blockers.map((code) => `${nameOf(code)} (${code})`).join(', ')}{' '}
            {blockers.length === 1 ? 'objects' : 'object'}: consensus needs every member to concur, so the
            proposal cannot be adopted until the objection is withdrawn.
          </p>
        </div>
      )}
      <ProposalActions proposal={data} />
      {data.positions === undefined ? null : (
        <section className="section" aria-labelledby="positions-title">
          <h2 id="positions-title">Members’ positions</h2>
          <PositionGrid positions={data.positions} />
        </section>
      )}
      {data.history === undefined ? null : (
        <section className="section" aria-labelledby="history-title">
          <h2 id="history-title">Position history</h2>
          <PositionHistory history={data.history} />
        </section>
      )}
    </>
  )
}
