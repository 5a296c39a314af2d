import {
  SeriesRequest,
  type SeriesRequestBody,
  type SlotSearchRequestBody,
} from '../../../../src/contract/scheduling.ts'
import { Field } from '../../components/Field.tsx'
import { useT } from '../../i18n/useT.ts'
import type { ApiProblem } from '../../lib/problem.ts'
import { useDraft } from '../../lib/useDraft.ts'

interface SeriesDraft {
  occurrences: string
  periodDays: string
}

const asNumber = (text: string) => (text.trim() === '' ? undefined : Number(text))

/** A recurring meeting for the same people, from the same first day, length and step as the search. */
export function SeriesForm({
  base,
  onPlan,
  serverError,
  pending,
}: {
  readonly base: SlotSearchRequestBody
  readonly onPlan: (request: SeriesRequestBody) => void
  readonly serverError: ApiProblem | null
  readonly pending: boolean
}) {
  const t = useT()
  const { bind, submit } = useDraft<SeriesDraft, typeof SeriesRequest>({
    idPrefix: 'series',
    initial: () => ({ occurrences: '10', periodDays: '7' }),
    schema: SeriesRequest,
    candidate: (draft) => ({
      participants: base.participants,
      from: base.from,
      duration: base.duration,
      step: base.step,
      occurrences: asNumber(draft.occurrences),
      periodDays: asNumber(draft.periodDays),
    }),
    serverError,
  })
  const field = (key: keyof SeriesDraft) => {
    const { onChange, ...rest } = bind(key)
    return { ...rest, onChange: (event: { target: { value: string } }) => onChange(event.target.value) }
  }
  return (
    <form
      className="form-row"
      onSubmit={submit(onPlan)}
      noValidate
      aria-label={t('scheduling.seriesForm.planASeries')}
    >
      <Field
        label={t('scheduling.seriesForm.meetings')}
        type="number"
        inputMode="numeric"
        min={1}
        {...field('occurrences')}
      />
      <Field
        label={t('scheduling.seriesForm.everyDays')}
        type="number"
        inputMode="numeric"
        min={1}
        hint={t('scheduling.seriesForm.7IsWeekly')}
        {...field('periodDays')}
      />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t('scheduling.seriesForm.planning') : t('scheduling.seriesForm.planSeries')}
        </button>
      </div>
    </form>
  )
}
