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
import { useT } from '../i18n/useT.ts'
import '../features/proposals/proposals.css'

/**
 * One proposal: status, procedure and deadline, every member's position, who blocks it, the
 * history, and the actions the signed-in user may take. It re-reads itself while undecided.
 */
export function ProposalPage() {
  const t = useT()
  const { id = '' } = useParams()
  const proposal = useProposal(id)
  const nameOf = useMemberName()
  usePageMarking(proposal.data?.pageMarking)
  if (proposal.isPending) return <Loading label={t('page.proposal.loadingProposal')} />
  if (proposal.isError) {
    return isNotFound(proposal.error) ? (
      <NotFound title={t('page.proposal.proposalNotFound')} detail={proposal.error.message} />
    ) : (
      <ErrorState error={proposal.error} onRetry={() => proposal.refetch()} />
    )
  }
  const data = proposal.data
  const blockers = data.blockers ?? []
  return (
    <>
      <title>{t('page.proposal.liaison', { title: data.title })}</title>
      <nav aria-label={t('page.proposal.breadcrumb')} className="breadcrumb">
        <Link to="/proposals">{t('page.proposal.decisions')}</Link> <span aria-hidden="true">/</span>{' '}
        <span>{data.title}</span>
      </nav>
      <PageHeader
        eyebrow={`${kindLabels[data.kind]} · ${procedureLabels[data.procedure]}`}
        title={data.title}
      />
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title" className="visually-hidden">
          {t('page.proposal.keyFacts')}
        </h2>
        {/* Polite live region: a second viewer hears "Adopted" when the page updates by itself. */}
        <dl className="facts">
          <div>
            <dt>{t('page.proposal.status')}</dt>
            <dd aria-live="polite" data-testid="proposal-status">
              <StatusChip status={data.status} />
            </dd>
          </div>
          <div>
            <dt>{t('page.proposal.procedure')}</dt>
            <dd>{procedureLabels[data.procedure]}</dd>
          </div>
          {data.deadline === null ? null : (
            <div>
              <dt>{t('page.proposal.deadline')}</dt>
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
              <dt>{t('page.proposal.partner')}</dt>
              <dd>
                <Link to={`/partners/${data.partner}`}>{data.partner}</Link>
              </dd>
            </div>
          )}
          {data.liaisonOffice === null ? null : (
            <div>
              <dt>{t('page.proposal.liaisonOffice')}</dt>
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
            {t('page.proposal.blockedBy', { members: blockers.map(nameOf).join(', ') })}
          </p>
          <p>
            {blockers.map((code) => `${nameOf(code)} (${code})`).join(', ')}{' '}
            {t('page.proposal.object', { count: blockers.length })}
            {t('page.proposal.consensusNeedsEveryMemberTo')}
          </p>
        </div>
      )}
      <ProposalActions proposal={data} />
      {data.positions === undefined ? null : (
        <section className="section" aria-labelledby="positions-title">
          <h2 id="positions-title">{t('page.proposal.membersPositions')}</h2>
          <PositionGrid positions={data.positions} />
        </section>
      )}
      {data.history === undefined ? null : (
        <section className="section" aria-labelledby="history-title">
          <h2 id="history-title">{t('page.proposal.positionHistory')}</h2>
          <PositionHistory history={data.history} />
        </section>
      )}
    </>
  )
}
