import { useRef, useState } from 'react'
import { CooperationReportInput } from '../../../../src/contract/cooperation.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import type { Translate } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import { type RequestData, useFileReport, whenWritten } from './queries.ts'

interface Draft {
  rating: string
  summary: string
  outcomes: string
  goalIds: readonly string[]
}

/** The rating choices, in the reader's language. */
function ratingOptions(t: Translate) {
  return [
    ['', t('cooperation.reportForm.chooseARating')],
    ['5', t('cooperation.reportForm.rating5')],
    ['4', t('cooperation.reportForm.rating4')],
    ['3', t('cooperation.reportForm.rating3')],
    ['2', t('cooperation.reportForm.rating2')],
    ['1', t('cooperation.reportForm.rating1')],
  ] as const
}

/** The feedback report after the event: a rating, a summary, outcomes, and which goals it served. */
export function ReportForm({
  request,
  onFiled,
}: {
  request: RequestData
  onFiled: (message: string) => void
}) {
  const t = useT()
  const file = useFileReport(request.id)
  const form = useRef<HTMLFormElement>(null)
  const [attempts, setAttempts] = useState(0)
  const { draft, change, bind, messages, invalid, submit } = useDraft({
    idPrefix: 'report',
    initial: (): Draft => ({
      rating: '',
      summary: '',
      outcomes: '',
      goalIds: request.goals.map((goal) => goal.id),
    }),
    schema: CooperationReportInput,
    candidate: (current: Draft) => ({
      // Nothing chosen reads as 0, so the message is the schema's own range message.
      rating: current.rating === '' ? 0 : Number(current.rating),
      summary: current.summary,
      outcomes: current.outcomes,
      goalIds: current.goalIds,
    }),
    serverError: file.error,
  })
  useFocusFirstError(form, attempts)
  useFocusFirstError(form, file.error)
  const toggle = (id: string, on: boolean) =>
    change('goalIds', on ? [...draft.goalIds, id] : draft.goalIds.filter((goalId) => goalId !== id))
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby="report-heading"
      onSubmit={(event) => {
        setAttempts((count) => count + 1)
        submit((input) =>
          whenWritten(file.mutateAsync(input), () => onFiled(t('cooperation.reportForm.filed'))),
        )(event)
      }}
    >
      <h3 id="report-heading">{t('cooperation.reportForm.fileTheFeedbackReport')}</h3>
      <DraftAlerts serverError={file.error} invalid={invalid} />
      <SelectField
        label={t('cooperation.reportForm.rating')}
        options={ratingOptions(t)}
        {...bind('rating')}
      />
      <TextField label={t('cooperation.reportForm.summary')} rows={4} {...bind('summary')} />
      <TextField label={t('cooperation.reportForm.outcomesOptional')} rows={3} {...bind('outcomes')} />
      {request.goals.length === 0 ? null : (
        <fieldset className={`field${messages.goalIds === undefined ? '' : ' has-error'}`}>
          <legend>{t('cooperation.reportForm.programmeGoalsTheActivityServed')}</legend>
          <ul className="check-list">
            {request.goals.map((goal) => (
              <li key={goal.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={draft.goalIds.includes(goal.id)}
                    onChange={(event) => toggle(goal.id, event.target.checked)}
                  />
                  <span>{goal.title}</span>
                </label>
              </li>
            ))}
          </ul>
          {messages.goalIds === undefined ? null : <p className="field-error">{messages.goalIds}</p>}
        </fieldset>
      )}
      <span className="tree-actions">
        <button type="submit" className="button" disabled={file.isPending}>
          {file.isPending ? t('cooperation.reportForm.filing') : t('cooperation.reportForm.fileReport')}
        </button>
      </span>
    </form>
  )
}
