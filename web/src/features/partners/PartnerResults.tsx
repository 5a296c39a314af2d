import { Link } from 'react-router'
import { Chip } from '../../components/Chip.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { membershipStatusLabels, partnerStatusLabels } from '../../i18n/labels.ts'
import { useFuzzyDate } from '../../i18n/useFuzzyDate.ts'
import { useT } from '../../i18n/useT.ts'
import { labelOf } from '../../lib/labels.ts'
import type { PartnerSummaryData } from './queries.ts'

function Frameworks({ partner }: { partner: PartnerSummaryData }) {
  return (
    <span className="chips">
      {partner.frameworks.map((framework) => (
        <Chip key={framework.id} tone={framework.status === 'active' ? 'accent' : 'muted'}>
          {framework.shortName}
          {framework.status === 'active' ? null : ` (${statusWords(framework.status).toLowerCase()})`}
        </Chip>
      ))}
    </span>
  )
}

/** A partner's or a membership's status in words (the two share active, suspended and invited). */
function statusWords(status: string): string {
  return Object.hasOwn(partnerStatusLabels, status)
    ? labelOf(partnerStatusLabels, status)
    : labelOf(membershipStatusLabels, status)
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{statusWords(status)}</span>
}

/**
 * The same results twice: a table for wide screens and cards for phones. CSS shows one of them
 * (display: none hides the other from assistive technology too).
 */
export function PartnerResults({ partners }: { partners: readonly PartnerSummaryData[] }) {
  const t = useT()
  const dateText = useFuzzyDate()
  return (
    <>
      <TableWrap label={t('partners.partnerResults.partnersTable')} className="wide-only">
        <table className="data-table" data-testid="partners-table">
          <caption className="visually-hidden">
            {t('partners.partnerResults.partnersWithTheirFrameworksAnd')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('partners.partnerResults.partner')}</th>
              <th scope="col">{t('partners.partnerResults.capital')}</th>
              <th scope="col">{t('partners.partnerResults.frameworks')}</th>
              <th scope="col">{t('partners.partnerResults.dialogueSince')}</th>
              <th scope="col">{t('partners.partnerResults.status')}</th>
              <th scope="col" className="numeric">
                {t('partners.partnerResults.events')}
              </th>
            </tr>
          </thead>
          <tbody>
            {partners.map((partner) => (
              <tr key={partner.code}>
                <th scope="row">
                  <Link to={`/partners/${partner.code}`}>{partner.name}</Link>
                  <span className="code">{partner.code}</span>
                </th>
                <td>{partner.capital ?? '—'}</td>
                <td>
                  <Frameworks partner={partner} />
                </td>
                <td>
                  {partner.dialogueSince
                    ? dateText(partner.dialogueSince)
                    : t('partners.partnerResults.notRecorded')}
                </td>
                <td>
                  <StatusBadge status={partner.status} />
                </td>
                <td className="numeric">{partner.eventCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <ul className="card-list narrow-only" aria-label={t('partners.partnerResults.partners')}>
        {partners.map((partner) => (
          <li key={partner.code} className="card partner-card">
            <p className="card-title">
              <Link to={`/partners/${partner.code}`}>{partner.name}</Link>
              <span className="code">{partner.code}</span>
            </p>
            <p className="card-meta">
              {partner.capital ?? t('partners.partnerResults.noCapitalRecorded')}{' '}
              {t('partners.partnerResults.dialogueSince2')}{' '}
              {partner.dialogueSince
                ? dateText(partner.dialogueSince)
                : t('partners.partnerResults.notRecorded2')}
            </p>
            <p className="card-row">
              <Frameworks partner={partner} />
              <StatusBadge status={partner.status} />
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}
