import { useState } from 'react'
import { TextField } from '../../components/DraftFields.tsx'
import { ErrorState } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { type RequestData, useRequestStep, whenWritten } from './queries.ts'

/**
 * What the viewer may do to the request now: the provider decides (with a note and the joining
 * instructions), the partner answers the invitation or withdraws. Each step sends If-Match of the
 * version shown; a 409 is shown with the server's detail and the page re-reads the request.
 */
export function RequestSteps({
  request,
  onDone,
}: {
  request: RequestData
  onDone: (message: string) => void
}) {
  const t = useT()
  const step = useRequestStep(request.id)
  const [note, setNote] = useState('')
  const [message, setMessage] = useState('')
  const { abilities, version } = request
  const deciding = abilities.approve || abilities.decline
  // A refusal stays on screen even when the re-read request leaves nothing more to do here.
  if (!deciding && !abilities.respond && !abilities.withdraw && step.error === null) return null
  const run = (which: 'approve' | 'decline' | 'withdraw', body: unknown, done: string) =>
    whenWritten(step.mutateAsync({ step: which, version, body }), () => onDone(done))
  return (
    <section className="panel form" aria-labelledby="steps-heading">
      <h2 id="steps-heading">
        {deciding ? t('cooperation.requestSteps.decision') : t('cooperation.requestSteps.yourRequest')}
      </h2>
      {step.error === null ? null : <ErrorState error={step.error} />}
      {deciding ? (
        <>
          <TextField
            id="decision-note"
            label={t('cooperation.requestSteps.noteOptional')}
            rows={2}
            value={note}
            onChange={setNote}
            error={undefined}
          />
          {abilities.approve ? (
            <TextField
              id="decision-message"
              label={t('cooperation.requestSteps.joiningInstructionsForTheInvitation')}
              rows={3}
              value={message}
              onChange={setMessage}
              error={undefined}
            />
          ) : null}
        </>
      ) : null}
      <span className="tree-actions">
        {abilities.approve ? (
          <button
            type="button"
            className="button"
            disabled={step.isPending}
            onClick={() => run('approve', { note, message }, t('cooperation.requestSteps.approved'))}
          >
            {t('cooperation.requestSteps.approveAndInvite')}
          </button>
        ) : null}
        {abilities.decline ? (
          <button
            type="button"
            className="button secondary"
            disabled={step.isPending}
            onClick={() => run('decline', { note }, t('cooperation.requestSteps.declined'))}
          >
            {t('cooperation.requestSteps.decline')}
          </button>
        ) : null}
        {abilities.respond ? (
          <>
            <button
              type="button"
              className="button"
              disabled={step.isPending}
              onClick={() =>
                whenWritten(
                  step.mutateAsync({ step: 'invitation', version, body: { response: 'accept' } }),
                  () => onDone(t('cooperation.requestSteps.invitationAccepted')),
                )
              }
            >
              {t('cooperation.requestSteps.acceptTheInvitation')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={step.isPending}
              onClick={() =>
                whenWritten(
                  step.mutateAsync({ step: 'invitation', version, body: { response: 'decline' } }),
                  () => onDone(t('cooperation.requestSteps.invitationDeclined')),
                )
              }
            >
              {t('cooperation.requestSteps.declineTheInvitation')}
            </button>
          </>
        ) : null}
        {abilities.withdraw ? (
          <button
            type="button"
            className="button secondary"
            disabled={step.isPending}
            onClick={() => run('withdraw', {}, t('cooperation.requestSteps.withdrawn'))}
          >
            {t('cooperation.requestSteps.withdrawTheRequest')}
          </button>
        ) : null}
      </span>
    </section>
  )
}
