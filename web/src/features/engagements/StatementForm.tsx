import { StatementInput } from '../../../../src/contract/engagement-statement.ts'
import { statementKinds, statementStatuses } from '../../../../src/domain/engagement-statement.ts'
import { classifications } from '../../../../src/domain/marking.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { statementKindLabels, statementStatusLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import type { ApiProblem } from '../../lib/problem.ts'
import { useDraft } from '../../lib/useDraft.ts'
import type { StatementData, StatementInputData } from './statement-queries.ts'

/** The form's own state: plain strings, as people type them. */
interface Draft {
  kind: string
  status: string
  title: string
  issuedOn: string
  issuers: string
  summary: string
  priorityAreas: string
  classification: string
  releasableTo: string
}

function draftFrom(statement: StatementData | undefined): Draft {
  if (statement === undefined) {
    return {
      kind: 'joint-statement',
      status: 'drafting',
      title: '',
      issuedOn: '',
      issuers: 'NATO',
      summary: '',
      priorityAreas: '',
      classification: 'PUBLIC',
      releasableTo: '',
    }
  }
  return {
    kind: statement.kind,
    status: statement.status,
    title: statement.title,
    issuedOn: statement.issuedOn ?? '',
    issuers: statement.issuers.join(', '),
    summary: statement.summary,
    priorityAreas: statement.priorityAreas.join(', '),
    classification: statement.marking.classification,
    releasableTo: statement.marking.releasableTo.join(', '),
  }
}

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')

/** The draft in the API's shape, still unchecked: the shared schema decides whether it is valid. */
function toCandidate(draft: Draft, engagementId: string | null): Record<string, unknown> {
  return {
    kind: draft.kind,
    status: draft.status,
    title: draft.title,
    summary: draft.summary,
    issuedOn: draft.issuedOn === '' ? null : draft.issuedOn,
    issuers: list(draft.issuers),
    engagementId,
    priorityAreas: list(draft.priorityAreas),
    marking: { classification: draft.classification, releasableTo: list(draft.releasableTo) },
  }
}

/**
 * Record or change a statement of an engagement. As with the engagement form, the shared Zod schema
 * checks it before sending (same messages as the server), and server problems — a stale version
 * (409), an unknown issuer — are shown at the top and on their fields.
 */
export function StatementForm({
  initial,
  engagementId,
  onSubmit,
  onCancel,
  pending,
  serverError,
}: {
  initial: StatementData | undefined
  engagementId: string
  onSubmit: (input: StatementInputData) => void
  onCancel: () => void
  pending: boolean
  serverError: ApiProblem | null
}) {
  const t = useT()
  const { bind, invalid, submit } = useDraft({
    idPrefix: `statement-${initial?.id ?? 'new'}`,
    initial: () => draftFrom(initial),
    schema: StatementInput,
    candidate: (current: Draft) => toCandidate(current, initial?.engagementId ?? engagementId),
    serverError,
    // Marking problems come back on marking/releasableTo; show them under the releasable-to field.
    errorAt: { releasableTo: 'marking' },
  })
  return (
    <form
      className="form statement-form"
      onSubmit={submit(onSubmit)}
      noValidate
      aria-label={
        initial === undefined
          ? t('engagements.statementForm.addAStatement')
          : t('engagements.statementForm.edit', { title: initial.title })
      }
    >
      <DraftAlerts serverError={serverError} invalid={invalid} />
      <SelectField
        label={t('engagements.statementForm.kind')}
        options={statementKinds.map((kind) => [kind, statementKindLabels[kind]] as const)}
        {...bind('kind')}
      />
      <TextField label={t('engagements.statementForm.titleOrWhenNoneWas')} {...bind('title')} />
      <SelectField
        label={t('engagements.statementForm.status')}
        options={statementStatuses.map((status) => [status, statementStatusLabels[status]] as const)}
        {...bind('status')}
      />
      <TextField
        label={t('engagements.statementForm.issuedOnIssuedStatementsOnly')}
        type="date"
        {...bind('issuedOn')}
      />
      <TextField label={t('engagements.statementForm.issuersNatoOrCountryCodes')} {...bind('issuers')} />
      <TextField label={t('engagements.statementForm.summary')} rows={4} {...bind('summary')} />
      <TextField
        label={t('engagements.statementForm.priorityAreaIdsSeparatedBy')}
        {...bind('priorityAreas')}
      />
      <SelectField
        label={t('engagements.statementForm.classification')}
        options={classifications.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <TextField
        label={t('engagements.statementForm.releasableToPartnerCodesEmpty')}
        {...bind('releasableTo')}
      />
      <FormActions
        className="statement-actions"
        submit={
          pending ? t('engagements.statementForm.saving') : t('engagements.statementForm.saveStatement')
        }
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  )
}
