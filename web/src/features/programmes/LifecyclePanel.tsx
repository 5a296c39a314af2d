import { useRef, useState } from 'react'
import { ProgrammeDetail } from '../../../../src/contract/programme-view.ts'
import { programmeStatuses } from '../../../../src/domain/programme.ts'
import { FormActions } from '../../components/FormActions.tsx'
import { ErrorState } from '../../components/states.tsx'
import { labelsOf } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { type ProgrammeData, programmePath, statusLabels, useProgrammeWrite } from './queries.ts'
import { SuccessorSelect } from './SuccessorSelect.tsx'

interface Step {
  readonly label: string
  readonly explain: string
  readonly path: string
  readonly body: unknown
  /** Superseding names the programme that replaces this one, chosen in the dialog. */
  readonly needsSuccessor?: boolean
}

const stepLabels = labelsOf<ProgrammeData['status']>('lifecycleStep', programmeStatuses)

/**
 * The lifecycle: where the programme is, the approvals of this negotiation round, and the steps
 * this user may take. Every step asks for confirmation in a dialog first; superseding also asks for
 * the successor there, and a refusal stays in the dialog so another one can be chosen.
 */
export function LifecyclePanel({ programme, today }: { programme: ProgrammeData; today: string }) {
  const t = useT()
  const request = ({ path, body }: { path: string; body: unknown }) => ({
    method: 'POST' as const,
    path: programmePath(programme.id, path),
    body,
    version: programme.version,
  })
  // A step's refusal shows on the panel; superseding's stays in its dialog, to choose again.
  const take = useProgrammeWrite(ProgrammeDetail, request)
  const supersede = useProgrammeWrite(ProgrammeDetail, request)
  const dialog = useRef<HTMLDialogElement>(null)
  const [pending, setPending] = useState<Step | null>(null)
  const [successor, setSuccessor] = useState('')
  const [successorError, setSuccessorError] = useState<string | undefined>(undefined)
  const current = programme.approvals.filter((a) => a.current)
  const has = (party: 'council' | 'partner') => current.find((a) => a.party === party)

  const steps: Step[] = []
  if (programme.abilities.recordCouncilAgreement && has('council') === undefined) {
    steps.push({
      label: t('programmes.lifecycle.recordCouncil'),
      explain: t('programmes.lifecycle.recordCouncilExplain', { day: today }),
      path: 'approvals',
      body: { party: 'council', decidedOn: today },
    })
  }
  if (programme.abilities.recordPartnerApproval && has('partner') === undefined) {
    steps.push({
      label: t('programmes.lifecycle.recordPartner'),
      explain: t('programmes.lifecycle.recordPartnerExplain', {
        partner: programme.partner.name,
        day: today,
      }),
      path: 'approvals',
      body: { party: 'partner', decidedOn: today },
    })
  }
  for (const to of programme.abilities.transitions) {
    const supersede = to === 'superseded'
    steps.push({
      label: stepLabels[to],
      explain: t('programmes.lifecycle.moveExplain', {
        from: statusLabels[programme.status],
        to: statusLabels[to],
        freeze: to === 'agreed' ? 'yes' : 'no',
        final: supersede ? 'yes' : 'no',
      }),
      path: 'transitions',
      body: { to },
      needsSuccessor: supersede,
    })
  }

  const open = (step: Step) => {
    setPending(step)
    setSuccessor('')
    setSuccessorError(undefined)
    supersede.reset()
    dialog.current?.showModal()
  }

  const confirm = () => {
    if (pending === null) return
    if (pending.needsSuccessor === true) {
      if (successor === '') {
        setSuccessorError(t('programmes.lifecycle.chooseSuccessor'))
        return
      }
      supersede.mutate(
        { path: 'transitions', body: { to: 'superseded', supersededBy: successor } },
        { onSuccess: () => dialog.current?.close() },
      )
      return
    }
    dialog.current?.close()
    take.mutate({ path: pending.path, body: pending.body })
    setPending(null)
  }

  return (
    <section className="panel" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t('programmes.lifecyclePanel.lifecycle')}</h2>
      <p>
        {t('programmes.lifecyclePanel.status')}{' '}
        <span className="status-pill" data-testid="programme-status">
          {statusLabels[programme.status]}
        </span>
      </p>
      <p>
        {t('programmes.lifecyclePanel.councilAgreement')}{' '}
        {has('council')?.decidedOn ?? t('programmes.lifecyclePanel.notRecorded')}{' '}
        {t('programmes.lifecyclePanel.partnerApproval')}{' '}
        {has('partner')?.decidedOn ?? t('programmes.lifecyclePanel.notRecorded')}
      </p>
      {steps.length === 0 ? (
        <p className="muted">{t('programmes.lifecyclePanel.noLifecycleStepIsOpen')}</p>
      ) : (
        <div className="lifecycle-steps">
          {steps.map((step) => (
            <button key={step.label} type="button" className="button" onClick={() => open(step)}>
              {step.label}
            </button>
          ))}
        </div>
      )}
      {take.error === null ? null : <ErrorState error={take.error} />}
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="confirm-title"
        onClose={() => setPending(null)}
      >
        <h3 id="confirm-title">{pending?.label ?? t('programmes.lifecyclePanel.confirm')}</h3>
        <p>{pending?.explain}</p>
        {pending?.needsSuccessor === true ? (
          <SuccessorSelect
            programme={programme}
            value={successor}
            error={successorError}
            onChange={(id) => {
              setSuccessor(id)
              setSuccessorError(undefined)
            }}
          />
        ) : null}
        {supersede.error === null ? null : <ErrorState error={supersede.error} />}
        <FormActions
          className="lifecycle-steps"
          submit={t('programmes.lifecyclePanel.confirm')}
          onConfirm={confirm}
          pending={supersede.isPending}
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </section>
  )
}
