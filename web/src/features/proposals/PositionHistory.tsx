import { EmptyState } from '../../components/states.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { t as translate } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import { inViewerZone } from './Countdown.tsx'
import { type ProposalData, positionLabels } from './queries.ts'

/** Who recorded it, and for whom when it was on a member's behalf (imported records have no user). */
function recordedBy(entry: NonNullable<ProposalData['history']>[number]): string {
  const who = entry.recordedBy ?? ''
  if (!entry.onBehalf) return who === '' ? '—' : who
  return who === ''
    ? translate('proposals.positionHistory.onBehalf', { member: entry.member })
    : translate('proposals.positionHistory.whoOnBehalf', { who, member: entry.member })
}

/** Every position recorded, newest first: who, when (viewer's zone), the note, and on whose behalf. */
export function PositionHistory({ history }: { history: NonNullable<ProposalData['history']> }) {
  const t = useT()
  if (history.length === 0) {
    return (
      <EmptyState title={t('proposals.positionHistory.noPositionRecordedYet')}>
        {t('proposals.positionHistory.membersPositionsAppearHereAs')}
      </EmptyState>
    )
  }
  return (
    <TableWrap label={t('proposals.positionHistory.positionHistory')} className="position-history">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('proposals.positionHistory.when')}</th>
            <th scope="col">{t('proposals.positionHistory.member')}</th>
            <th scope="col">{t('proposals.positionHistory.position')}</th>
            <th scope="col">{t('proposals.positionHistory.recordedBy')}</th>
            <th scope="col">{t('proposals.positionHistory.note')}</th>
          </tr>
        </thead>
        <tbody>
          {[...history].reverse().map((entry) => (
            <tr key={`${entry.at}-${entry.member}-${entry.position}-${entry.recordedBy ?? ''}`}>
              <td>
                <time dateTime={entry.at}>{inViewerZone(entry.at)}</time>
              </td>
              <th scope="row">{entry.member}</th>
              <td>{positionLabels[entry.position]}</td>
              <td>{recordedBy(entry)}</td>
              <td className="note">{entry.note ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
