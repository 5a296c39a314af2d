import { Link, useSearchParams } from 'react-router'
import type { MessageKey } from '../../../src/i18n/catalogue.ts'
import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { PartnerFilterNote } from '../components/PartnerFilterNote.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { TableWrap } from '../components/TableWrap.tsx'
import { Countdown } from '../features/proposals/Countdown.tsx'
import { NewProposalForm } from '../features/proposals/NewProposalForm.tsx'
import {
  kindLabels,
  type ProposalStatus,
  type ProposalSummaryData,
  procedureLabels,
  useMemberName,
  useProposals,
} from '../features/proposals/queries.ts'
import { RemindersPanel } from '../features/proposals/RemindersPanel.tsx'
import { StatusChip } from '../features/proposals/StatusChip.tsx'
import { t as translate } from '../i18n/translate.ts'
import { useT } from '../i18n/useT.ts'
import '../features/proposals/proposals.css'

/** The list's groups, in reading order: what is being decided, what is held up, what is done. */
const groups: ReadonlyArray<{
  id: string
  title: MessageKey
  statuses: readonly ProposalStatus[]
  empty: MessageKey
}> = [
  { id: 'open', title: 'page.proposals.group.open', statuses: ['open'], empty: 'page.proposals.empty.open' },
  {
    id: 'blocked',
    title: 'page.proposals.group.blocked',
    statuses: ['blocked'],
    empty: 'page.proposals.empty.blocked',
  },
  {
    id: 'drafts',
    title: 'page.proposals.group.drafts',
    statuses: ['draft'],
    empty: 'page.proposals.empty.drafts',
  },
  {
    id: 'decided',
    title: 'page.proposals.group.decided',
    statuses: ['adopted', 'withdrawn'],
    empty: 'page.proposals.empty.decided',
  },
]

function objections(item: ProposalSummaryData, nameOf: (code: string) => string): string {
  const objecting = (item.positions ?? [])
    .filter((entry) => entry.position === 'object')
    .map((e) => nameOf(e.member))
  return objecting.length === 0
    ? ''
    : translate('page.proposals.blockedBy', { members: objecting.join(', ') })
}

function ProposalTable({ items, label }: { items: ProposalSummaryData[]; label: string }) {
  const t = useT()
  const nameOf = useMemberName()
  return (
    <TableWrap label={label}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('page.proposals.proposal')}</th>
            <th scope="col">{t('page.proposals.kind')}</th>
            <th scope="col">{t('page.proposals.procedure')}</th>
            <th scope="col">{t('page.proposals.status')}</th>
            <th scope="col">{t('page.proposals.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={`/proposals/${encodeURIComponent(item.id)}`}>{item.title}</Link>
              </th>
              <td>{kindLabels[item.kind]}</td>
              <td>{procedureLabels[item.procedure]}</td>
              <td>
                <StatusChip status={item.status} /> {objections(item, nameOf)}
              </td>
              <td>
                {item.deadline === null ? (
                  '—'
                ) : item.status === 'open' ? (
                  <Countdown deadline={item.deadline} />
                ) : (
                  <time dateTime={item.deadline}>{new Date(item.deadline).toLocaleString()}</time>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

/** Decisions: every proposal the user may see, grouped as open (with countdowns), blocked and decided. */
export function ProposalsPage() {
  const t = useT()
  const [params] = useSearchParams()
  const partner = params.get('partner')?.toUpperCase() || undefined
  const proposals = useProposals(partner)
  usePageMarking(proposals.data?.marking)
  if (proposals.isPending) return <Loading label={t('page.proposals.loadingProposals')} />
  if (proposals.isError) return <ErrorState error={proposals.error} onRetry={() => proposals.refetch()} />
  const { items } = proposals.data
  return (
    <>
      <title>{t('page.proposals.decisionsLiaison')}</title>
      <PageHeader
        title={t('page.proposals.decisions')}
        lead={t('page.proposals.proposalsTheAllianceDecidesBy')}
        actions={
          <CsvLink path="/api/v1/proposals.csv" filters={{ partner }} label={t('ui.csvLink.proposals')} />
        }
      />
      {partner === undefined ? null : <PartnerFilterNote code={partner} allPath="/proposals" />}
      <RemindersPanel />
      <div className="section">
        <NewProposalForm />
      </div>
      {items.length === 0 ? (
        <EmptyState title={t('page.proposals.noProposalsYet')}>
          {t('page.proposals.proposalsYouMaySeeWill')}
        </EmptyState>
      ) : (
        groups.map((group) => {
          const inGroup = items.filter((item) => group.statuses.includes(item.status))
          if (group.id === 'drafts' && inGroup.length === 0) return null
          return (
            <section key={group.id} className="section" aria-labelledby={`group-${group.id}`}>
              <h2 id={`group-${group.id}`}>
                {t(group.title)} <span className="count">({inGroup.length})</span>
              </h2>
              {inGroup.length === 0 ? (
                <p className="muted">{t(group.empty)}</p>
              ) : (
                <ProposalTable
                  items={inGroup}
                  label={t('page.proposals.proposals', { title: t(group.title) })}
                />
              )}
            </section>
          )
        })
      )}
    </>
  )
}
