import { useRef } from 'react'
import type { z } from 'zod'
import type { FrameworkMembership } from '../../../../src/contract/framework.ts'
import { MembershipEnd, MembershipInput, MembershipPatch } from '../../../../src/contract/framework-input.ts'
import { membershipStatuses } from '../../../../src/domain/registry.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { useDraft } from '../../lib/useDraft.ts'
import { FuzzyDateFields, fuzzyCandidate } from './FuzzyDateFields.tsx'
import { useFocusFirstError } from './focus-first-error.ts'
import { codeList, MarkingFields } from './MarkingFields.tsx'
import { useSaveFramework } from './queries.ts'

type Membership = z.infer<typeof FrameworkMembership>

interface Draft {
  country: string
  fromPrecision: string
  from: string
  toPrecision: string
  to: string
  status: string
  note: string
  classification: string
  releasableTo: string
}

function draftOf(membership: Membership | null): Draft {
  return {
    country: membership?.code ?? '',
    fromPrecision: membership?.from?.precision ?? 'year',
    from: membership?.from?.date ?? '',
    toPrecision: membership?.to?.precision ?? '',
    to: membership?.to?.date ?? '',
    status: membership?.status ?? 'active',
    note: membership?.note ?? '',
    classification: membership?.marking.classification ?? 'PUBLIC',
    releasableTo: membership?.marking.releasableTo.join(', ') ?? '',
  }
}

/** Records a membership span in the framework (`membership` null) or changes one under its version. */
export function MembershipForm({
  frameworkId,
  membership,
  onDone,
}: {
  frameworkId: string
  membership: Membership | null
  onDone: () => void
}) {
  const save = useSaveFramework(membership === null ? 'POST' : 'PATCH')
  const form = useRef<HTMLFormElement>(null)
  const idPrefix = membership === null ? 'membership-new' : `membership-${membership.id}`
  const { bind, invalid, submit, messages } = useDraft({
    idPrefix,
    initial: () => draftOf(membership),
    schema: membership === null ? MembershipInput : MembershipPatch,
    candidate: (d: Draft) => ({
      ...(membership === null ? { country: d.country.trim() } : {}),
      from: fuzzyCandidate(d.fromPrecision, d.from),
      to: fuzzyCandidate(d.toPrecision, d.to),
      status: d.status,
      note: d.note.trim() === '' ? null : d.note,
      marking: { classification: d.classification, releasableTo: codeList(d.releasableTo) },
    }),
    serverError: save.error,
    errorAt: { releasableTo: 'marking' },
  })
  useFocusFirstError(form, messages)
  const base = `/api/v1/frameworks/${frameworkId}/memberships`
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby={`${idPrefix}-heading`}
      onSubmit={submit((input) =>
        save.mutate(
          membership === null
            ? { path: base, body: input }
            : { path: `${base}/${membership.id}`, body: input, version: membership.version },
          { onSuccess: onDone },
        ),
      )}
    >
      <h3 id={`${idPrefix}-heading`}>
        {membership === null ? 'Add membership' : `Edit ${membership.name}’s membership`}
      </h3>
      <DraftAlerts serverError={save.error} invalid={invalid} />
      {membership === null ? <TextField label="Country code (e.g. JPN)" {...bind('country')} /> : null}
      <FuzzyDateFields legend="From" optional precision={bind('fromPrecision')} date={bind('from')} />
      <FuzzyDateFields legend="To" optional precision={bind('toPrecision')} date={bind('to')} />
      <SelectField
        label="Status"
        options={membershipStatuses.map((s) => [s, s] as const)}
        {...bind('status')}
      />
      <TextField label="Note" {...bind('note')} />
      <MarkingFields classification={bind('classification')} releasableTo={bind('releasableTo')} />
      <FormActions
        submit={save.isPending ? 'Saving…' : 'Save membership'}
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  )
}

/** Ends a running membership on a (fuzzy) day. */
export function EndMembershipForm({
  frameworkId,
  membership,
  onDone,
}: {
  frameworkId: string
  membership: Membership
  onDone: () => void
}) {
  const save = useSaveFramework('POST')
  const form = useRef<HTMLFormElement>(null)
  const idPrefix = `membership-end-${membership.id}`
  const { bind, invalid, submit, messages } = useDraft({
    idPrefix,
    initial: () => ({ toPrecision: 'year', to: '' }),
    schema: MembershipEnd,
    candidate: (d: { toPrecision: string; to: string }) => ({
      to: { date: d.to.trim(), precision: d.toPrecision },
    }),
    serverError: save.error,
  })
  useFocusFirstError(form, messages)
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby={`${idPrefix}-heading`}
      onSubmit={submit((input) =>
        save.mutate(
          {
            path: `/api/v1/frameworks/${frameworkId}/memberships/${membership.id}/end`,
            body: input,
            version: membership.version,
          },
          { onSuccess: onDone },
        ),
      )}
    >
      <h3 id={`${idPrefix}-heading`}>End {membership.name}’s membership</h3>
      <DraftAlerts serverError={save.error} invalid={invalid} />
      <FuzzyDateFields legend="Last day" precision={bind('toPrecision')} date={bind('to')} />
      <FormActions
        submit={save.isPending ? 'Saving…' : 'End membership'}
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  )
}
