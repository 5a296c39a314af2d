import { ErrorState } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { type RequestData, useRequestStep, whenWritten } from './queries.ts'

/**
 * Approve or decline one request under If-Match of the version shown. A refusal (someone decided
 * first: 409) is shown at the row with the server's detail and what to do; the row then re-reads.
 */
export function DecisionButtons({
  request,
  onDecided,
}: {
  request: RequestData
  onDecided: (message: string) => void
}) {
  const t = useT()
  const step = useRequestStep(request.id)
  if (!request.abilities.approve && !request.abilities.decline) return <span className="muted">—</span>
  const decide = (which: 'approve' | 'decline') =>
    whenWritten(step.mutateAsync({ step: which, version: request.version, body: {} }), () =>
      onDecided(
        t(
          which === 'approve'
            ? 'cooperation.decisionButtons.approved'
            : 'cooperation.decisionButtons.declined',
          {
            partner: request.partner.name,
            code: request.item.code,
          },
        ),
      ),
    )
  const name = `${request.partner.name}, ${request.item.code}`
  return (
    <>
      <span className="chips">
        {request.abilities.approve ? (
          <button
            type="button"
            className="button"
            disabled={step.isPending}
            aria-label={t('cooperation.decisionButtons.approve', { name })}
            onClick={() => decide('approve')}
          >
            {t('cooperation.decisionButtons.approve2')}
          </button>
        ) : null}
        {request.abilities.decline ? (
          <button
            type="button"
            className="button secondary"
            disabled={step.isPending}
            aria-label={t('cooperation.decisionButtons.decline', { name })}
            onClick={() => decide('decline')}
          >
            {t('cooperation.decisionButtons.decline2')}
          </button>
        ) : null}
      </span>
      {step.error === null ? null : <ErrorState error={step.error} />}
    </>
  )
}
