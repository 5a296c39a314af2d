import { useRef, useState } from 'react'
import { Link } from 'react-router'
import { CooperationRequestInput } from '../../../../src/contract/cooperation.ts'
import { DraftAlerts, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { ErrorState, Loading } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import { useSession } from '../session/queries.ts'
import { usePartnerProgramme } from './partner-programme.ts'
import { useCreateRequest, whenWritten } from './queries.ts'

interface Draft {
  partner: string
  goalIds: readonly string[]
  note: string
}

/** The goals of the partner's programme, each a checkbox, grouped under their objectives. */
function GoalChoices({
  partner,
  chosen,
  error,
  onChange,
}: {
  partner: string
  chosen: readonly string[]
  error: string | undefined
  onChange: (goalIds: readonly string[]) => void
}) {
  const t = useT()
  const { list, none, programme } = usePartnerProgramme(partner)
  if (list.isError) return <ErrorState error={list.error} />
  if (none)
    return (
      <p className="field-error">
        {partner} {t('cooperation.requestForm.hasNoProgrammeWhoseGoals')}
      </p>
    )
  if (programme.isError) return <ErrorState error={programme.error} />
  if (programme.data === undefined)
    return <Loading label={t('cooperation.requestForm.loadingTheProgrammeSGoals')} />
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosen, id] : chosen.filter((goalId) => goalId !== id))
  const invalid =
    error === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': 'request-goals-error' }
  return (
    <fieldset className={`field${error === undefined ? '' : ' has-error'}`}>
      <legend>
        {t('cooperation.requestForm.goalsOf')}{' '}
        <Link to={`/programmes/${encodeURIComponent(programme.data.id)}`}>{programme.data.title}</Link>{' '}
        {t('cooperation.requestForm.thisActivityServes')}
      </legend>
      {programme.data.objectives.map((objective) => (
        <div key={objective.id}>
          <p className="muted">
            {objective.number} {objective.title}
          </p>
          <ul className="check-list">
            {objective.goals.map((goal) => (
              <li key={goal.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(goal.id)}
                    onChange={(event) => toggle(goal.id, event.target.checked)}
                    {...invalid}
                  />
                  <span>
                    {goal.number} {goal.title}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {error === undefined ? null : (
        <p className="field-error" id="request-goals-error">
          {error}
        </p>
      )}
    </fieldset>
  )
}

/** A partner asks to take part in one event, for goals of its programme (staff: for any partner). */
export function RequestForm({
  eventId,
  onCreated,
  onCancel,
}: {
  eventId: string
  onCreated: (requestId: string) => void
  onCancel: () => void
}) {
  const t = useT()
  const session = useSession().data
  const ownCountry = session?.country ?? ''
  // Staff keep the menu and request for any partner; a partner's mission for its own country.
  const forAnyPartner = session?.abilities.manageCooperation === true
  const create = useCreateRequest()
  const form = useRef<HTMLFormElement>(null)
  const [attempts, setAttempts] = useState(0)
  const { draft, change, bind, messages, invalid, submit } = useDraft({
    idPrefix: 'request',
    initial: (): Draft => ({ partner: ownCountry, goalIds: [], note: '' }),
    schema: CooperationRequestInput,
    candidate: (current: Draft) => ({
      eventId,
      goalIds: current.goalIds,
      note: current.note,
      ...(forAnyPartner ? { partner: current.partner.trim().toUpperCase() } : {}),
    }),
    serverError: create.error,
  })
  useFocusFirstError(form, attempts)
  useFocusFirstError(form, create.error)
  const partner = draft.partner.trim().toUpperCase()
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby="request-heading"
      onSubmit={(event) => {
        setAttempts((count) => count + 1)
        submit((input) => whenWritten(create.mutateAsync(input), (created) => onCreated(created.id)))(event)
      }}
    >
      <h2 id="request-heading">{t('cooperation.requestForm.requestThisEvent')}</h2>
      <DraftAlerts serverError={create.error} invalid={invalid} />
      {forAnyPartner ? (
        <TextField label={t('cooperation.requestForm.requestingPartnerCountryCode')} {...bind('partner')} />
      ) : null}
      <GoalChoices
        partner={partner}
        chosen={draft.goalIds}
        error={messages.goalIds}
        onChange={(goalIds) => change('goalIds', goalIds)}
      />
      <TextField label={t('cooperation.requestForm.noteToTheProviderOptional')} rows={3} {...bind('note')} />
      <FormActions
        submit={
          create.isPending ? t('cooperation.requestForm.sending') : t('cooperation.requestForm.sendRequest')
        }
        pending={create.isPending}
        onCancel={onCancel}
      />
    </form>
  )
}
