import { useT } from '../../i18n/useT.ts'
import { useAuditVerdict } from './queries.ts'

/**
 * Whether the trail's hash chain is intact, as `liaison audit verify` would say. A break is an
 * alert: someone changed the database behind the application.
 */
export function ChainStatus() {
  const t = useT()
  const verdict = useAuditVerdict(true)
  if (verdict.isPending) {
    return (
      <p className="chain-status" role="status">
        {t('audit.chainStatus.checkingTheTrailSHash')}
      </p>
    )
  }
  if (verdict.isError) {
    return (
      <p className="chain-status" role="status">
        {t('audit.chainStatus.theHashChainCouldNot')}
      </p>
    )
  }
  const { data } = verdict
  if (data.ok) {
    return (
      <p className="chain-status chain-ok" role="status">
        {t('audit.chainStatus.intact', { count: data.checked })}
        {data.headSeq === null ? '' : t('audit.chainStatus.newest', { headSeq: data.headSeq })}.
      </p>
    )
  }
  return (
    <div className="chain-status chain-broken" role="alert">
      <p>
        <strong>{t('audit.chainStatus.theHashChainIsBroken')}</strong>
        {data.firstBrokenSeq === null
          ? ''
          : t('audit.chainStatus.atEntry', { firstBrokenSeq: data.firstBrokenSeq })}
        : {data.problem}
      </p>
      <p>{t('audit.chainStatus.theTrailWasChangedOutside')}</p>
    </div>
  )
}
