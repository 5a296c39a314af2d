import { useAuditVerdict } from './queries.ts'

/**
 * Whether the trail's hash chain is intact, as `liaison audit verify` would say. A break is an
 * alert: someone changed the database behind the application.
 */
export function ChainStatus() {
  const verdict = useAuditVerdict(true)
  if (verdict.isPending) {
    return (
      <p className="chain-status" role="status">
        Checking the trail’s hash chain…
      </p>
    )
  }
  if (verdict.isError) {
    return (
      <p className="chain-status" role="status">
        The hash chain could not be checked just now.
      </p>
    )
  }
  const { data } = verdict
  if (data.ok) {
    return (
      <p className="chain-status chain-ok" role="status">
        Hash chain intact: {data.checked} entr{data.checked === 1 ? 'y' : 'ies'} verified
        {data.headSeq === null ? '' : `, newest #${data.headSeq}`}.
      </p>
    )
  }
  return (
    <div className="chain-status chain-broken" role="alert">
      <p>
        <strong>The hash chain is broken</strong>
        {data.firstBrokenSeq === null ? '' : ` at entry #${data.firstBrokenSeq}`}: {data.problem}
      </p>
      <p>The trail was changed outside the application. Run `liaison audit verify` and investigate.</p>
    </div>
  )
}
