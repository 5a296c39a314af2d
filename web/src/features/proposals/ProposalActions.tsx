import { useState } from 'react'
import { PositionInput } from '../../../../src/contract/proposal.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { ErrorState } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useSession } from '../session/queries.ts'
import {
  type PositionValue,
  type ProposalData,
  positionLabels,
  useProposalStep,
  useRecordPosition,
} from './queries.ts'

const choosable: readonly PositionValue[] = ['concur', 'object', 'reserve', 'none']

/**
 * What the signed-in user may do with this proposal, as the API's abilities say: open or withdraw
 * it, break silence, record their member's position (staff: any member's, on its behalf).
 */
export function ProposalActions({ proposal }: { proposal: ProposalData }) {
  const t = useT()
  const { abilities } = proposal
  const step = useProposalStep(proposal.id)
  const [note, setNote] = useState('')
  const members = (proposal.positions ?? []).map((entry) => entry.member)
  const [breaker, setBreaker] = useState(members[0] ?? '')
  const breaks = abilities.breakSilence !== 'none'
  const none = !abilities.open && !abilities.withdraw && !breaks && abilities.recordPositions === 'none'
  if (none) return null
  return (
    <section className="panel proposal-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('proposals.proposalActions.yourActions')}</h2>
      {abilities.recordPositions === 'none' ? null : <PositionForm proposal={proposal} />}
      {breaks ? (
        <div className="break-silence">
          {abilities.breakSilence === 'any' ? (
            <SelectField
              id="break-silence-member"
              label={t('proposals.proposalActions.memberBreakingSilenceOnIts')}
              options={members.map((code) => [code, code] as const)}
              value={breaker}
              onChange={setBreaker}
              error={undefined}
            />
          ) : null}
          <TextField
            id="break-silence-note"
            label={t('proposals.proposalActions.whyYouBreakSilenceOptional')}
            value={note}
            onChange={setNote}
            error={undefined}
          />
          <button
            type="button"
            className="button secondary"
            disabled={step.isPending}
            onClick={() =>
              step.mutate({
                step: 'break-silence',
                version: proposal.version,
                note,
                ...(abilities.breakSilence === 'any' ? { member: breaker } : {}),
              })
            }
          >
            {t('proposals.proposalActions.breakSilence')}
          </button>
        </div>
      ) : null}
      <div className="proposal-steps">
        {abilities.open ? (
          <button
            type="button"
            className="button"
            disabled={step.isPending}
            onClick={() => step.mutate({ step: 'open', version: proposal.version })}
          >
            {t('proposals.proposalActions.openForDecision')}
          </button>
        ) : null}
        {abilities.withdraw ? (
          <button
            type="button"
            className="button secondary"
            disabled={step.isPending}
            onClick={() => step.mutate({ step: 'withdraw', version: proposal.version })}
          >
            {t('proposals.proposalActions.withdrawProposal')}
          </button>
        ) : null}
      </div>
      {step.error === null ? null : <ErrorState error={step.error} />}
    </section>
  )
}

interface PositionDraft {
  member: string
  position: string
  note: string
}

/** Records a position: one's own member, or for staff any member (recorded as on its behalf). */
function PositionForm({ proposal }: { proposal: ProposalData }) {
  const t = useT()
  const session = useSession()
  const record = useRecordPosition(proposal.id)
  const [saved, setSaved] = useState<string | null>(null)
  const own = session.data?.country ?? ''
  const members = (proposal.positions ?? []).map((entry) => entry.member)
  const mayPick = proposal.abilities.recordPositions === 'any'
  const current = (member: string) => proposal.positions?.find((entry) => entry.member === member)?.position
  const { draft, bind, invalid, submit } = useDraft({
    idPrefix: 'position',
    initial: (): PositionDraft => ({
      member: mayPick ? (members[0] ?? '') : own,
      position: 'concur',
      note: '',
    }),
    schema: PositionInput,
    candidate: (value: PositionDraft) => ({
      position: value.position,
      note: value.note.trim() === '' ? null : value.note,
    }),
    serverError: record.error,
  })
  const member = mayPick ? draft.member : own
  return (
    <form
      className="form position-form"
      noValidate
      aria-label={t('proposals.proposalActions.recordAPosition')}
      onSubmit={submit((input) => {
        setSaved(null)
        record.mutate(
          { member, position: input.position, note: input.note, version: proposal.version },
          { onSuccess: () => setSaved(`${member}: ${positionLabels[input.position]} recorded.`) },
        )
      })}
    >
      <DraftAlerts serverError={record.error} invalid={invalid} />
      {mayPick ? (
        <SelectField
          label={t('proposals.proposalActions.memberRecordedOnItsBehalf')}
          options={members.map(
            (code) =>
              [
                code,
                t('proposals.proposalActions.memberNow', {
                  code,
                  position: positionLabels[current(code) ?? 'none'].toLowerCase(),
                }),
              ] as const,
          )}
          {...bind('member')}
        />
      ) : (
        <p>
          {t('proposals.proposalActions.yourMember')} <strong>{own}</strong>{' '}
          {t('proposals.proposalActions.now')} {positionLabels[current(own) ?? 'none'].toLowerCase()}
        </p>
      )}
      <SelectField
        label={t('proposals.proposalActions.position')}
        options={choosable.map((value) => [value, positionLabels[value]] as const)}
        {...bind('position')}
      />
      <TextField label={t('proposals.proposalActions.noteOptional')} rows={2} {...bind('note')} />
      <button type="submit" className="button" disabled={record.isPending}>
        {record.isPending
          ? t('proposals.proposalActions.recording')
          : t('proposals.proposalActions.recordPosition')}
      </button>
      <p role="status" className="form-status">
        {saved ?? ''}
      </p>
    </form>
  )
}
