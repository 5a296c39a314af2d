import { useState } from 'react'
import { useNavigate } from 'react-router'
import { ProposalInput } from '../../../../src/contract/proposal.ts'
import { classifications } from '../../../../src/domain/marking.ts'
import { proposalKinds } from '../../../../src/domain/proposal.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useSession } from '../session/queries.ts'
import { kindLabels, procedureLabels, useCreateProposal } from './queries.ts'

interface Draft {
  title: string
  text: string
  kind: string
  procedure: string
  /** A `datetime-local` value, in the viewer's own zone. */
  deadline: string
  partner: string
  classification: string
  releasableTo: string
}

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim().toUpperCase())
    .filter((item) => item !== '')

/** The local date-time typed, as an instant; left as typed when it is no date, for the schema to name. */
function instantFrom(local: string): string | null {
  if (local === '') return null
  const date = new Date(local)
  return Number.isNaN(date.getTime()) ? local : date.toISOString()
}

function toCandidate(draft: Draft): Record<string, unknown> {
  return {
    title: draft.title,
    text: draft.text,
    kind: draft.kind,
    procedure: draft.procedure,
    deadline: draft.procedure === 'silence' ? instantFrom(draft.deadline) : null,
    partner: draft.partner.trim() === '' ? null : draft.partner.trim().toUpperCase(),
    marking: { classification: draft.classification, releasableTo: list(draft.releasableTo) },
  }
}

/** Drafts a proposal (staff only, by the session's abilities); it opens from its own page. */
export function NewProposalForm() {
  const t = useT()
  const session = useSession()
  const [open, setOpen] = useState(false)
  if (session.data?.abilities.createProposals !== true) return null
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('proposals.newProposalForm.draftAProposal')}
      </button>
    )
  }
  return <ProposalForm onCancel={() => setOpen(false)} />
}

function ProposalForm({ onCancel }: { onCancel: () => void }) {
  const t = useT()
  const navigate = useNavigate()
  const create = useCreateProposal()
  const { draft, bind, invalid, submit } = useDraft({
    idPrefix: 'proposal-new',
    initial: (): Draft => ({
      title: '',
      text: '',
      kind: 'other',
      procedure: 'consensus',
      deadline: '',
      partner: '',
      classification: 'UNCLASSIFIED',
      releasableTo: '',
    }),
    schema: ProposalInput,
    candidate: toCandidate,
    serverError: create.error,
    errorAt: { releasableTo: 'marking' },
  })
  return (
    <form
      className="panel form"
      noValidate
      aria-labelledby="proposal-new-title-heading"
      onSubmit={submit((input) =>
        create.mutate(input, { onSuccess: (created) => navigate(`/proposals/${created.id}`) }),
      )}
    >
      <h2 id="proposal-new-title-heading">{t('proposals.newProposalForm.newProposal')}</h2>
      <DraftAlerts serverError={create.error} invalid={invalid} />
      <TextField label={t('proposals.newProposalForm.title')} {...bind('title')} />
      <TextField label={t('proposals.newProposalForm.text')} rows={4} {...bind('text')} />
      <SelectField
        label={t('proposals.newProposalForm.kind')}
        options={proposalKinds.map((kind) => [kind, kindLabels[kind]] as const)}
        {...bind('kind')}
      />
      <SelectField
        label={t('proposals.newProposalForm.procedure')}
        options={(['consensus', 'silence'] as const).map((p) => [p, procedureLabels[p]] as const)}
        {...bind('procedure')}
      />
      {draft.procedure === 'silence' ? (
        <TextField
          label={t('proposals.newProposalForm.silenceDeadlineYourLocalTime')}
          type="datetime-local"
          {...bind('deadline')}
        />
      ) : null}
      <TextField
        label={t('proposals.newProposalForm.partnerConcernedCountryCodeOptional')}
        {...bind('partner')}
      />
      <SelectField
        label={t('proposals.newProposalForm.classification')}
        options={classifications.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <TextField
        label={t('proposals.newProposalForm.releasableToPartnerCodesEmpty')}
        {...bind('releasableTo')}
      />
      <FormActions
        submit={
          create.isPending ? t('proposals.newProposalForm.saving') : t('proposals.newProposalForm.saveDraft')
        }
        pending={create.isPending}
        onCancel={onCancel}
      />
    </form>
  )
}
