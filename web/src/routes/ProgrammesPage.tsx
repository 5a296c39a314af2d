import { Link, useSearchParams } from 'react-router'
import type { ProgrammeStatus } from '../../../src/domain/programme.ts'
import type { MessageKey } from '../../../src/i18n/catalogue.ts'
import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { PartnerFilterNote } from '../components/PartnerFilterNote.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { TableWrap } from '../components/TableWrap.tsx'
import { NewProgrammeForm } from '../features/programmes/NewProgrammeForm.tsx'
import { statusLabels, usePortfolio } from '../features/programmes/queries.ts'
import { useT } from '../i18n/useT.ts'
import '../features/programmes/programmes.css'

/** The portfolio: every programme the user may see, with kind, period, status, progress and what is due. */
/** "3 drafts, 1 in force": each status's count as a whole message, plural where the language needs it. */
const statusCountKeys: Readonly<Record<ProgrammeStatus, MessageKey>> = {
  draft: 'label.programmeStatusCount.draft',
  'in-negotiation': 'label.programmeStatusCount.in-negotiation',
  agreed: 'label.programmeStatusCount.agreed',
  'in-force': 'label.programmeStatusCount.in-force',
  'under-review': 'label.programmeStatusCount.under-review',
  superseded: 'label.programmeStatusCount.superseded',
}

export function ProgrammesPage() {
  const t = useT()
  const [params] = useSearchParams()
  const partner = params.get('partner')?.toUpperCase() || undefined
  const portfolio = usePortfolio(partner)
  usePageMarking(portfolio.data?.marking)
  if (portfolio.isPending) return <Loading label={t('page.programmes.loadingProgrammes')} />
  if (portfolio.isError) return <ErrorState error={portfolio.error} onRetry={() => portfolio.refetch()} />
  const data = portfolio.data
  return (
    <>
      <title>{t('page.programmes.programmesLiaison')}</title>
      <PageHeader
        title={t('page.programmes.programmes')}
        lead={t('page.programmes.partnershipProgrammesItppIpcpYou', {
          today: data.today,
          counts: data.byStatus
            .filter((s) => s.count > 0)
            .map((s) => t(statusCountKeys[s.status], { count: s.count }))
            .join(', '),
        })}
        actions={
          <CsvLink path="/api/v1/programmes.csv" filters={{ partner }} label={t('ui.csvLink.programmes')} />
        }
      />
      {partner === undefined ? null : <PartnerFilterNote code={partner} allPath="/programmes" />}
      <div className="section">
        <NewProgrammeForm />
      </div>
      <TableWrap label={t('page.programmes.programmePortfolio')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('page.programmes.programme')}</th>
              <th scope="col">{t('page.programmes.partner')}</th>
              <th scope="col">{t('page.programmes.kind')}</th>
              <th scope="col">{t('page.programmes.period')}</th>
              <th scope="col">{t('page.programmes.status')}</th>
              <th scope="col" className="numeric">
                {t('page.programmes.progress')}
              </th>
              <th scope="col" className="numeric">
                {t('page.programmes.lateMilestones')}
              </th>
              <th scope="col">{t('page.programmes.nextMilestone')}</th>
              <th scope="col">{t('page.programmes.nextReview')}</th>
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
