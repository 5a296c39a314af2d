import { SlotSearchRequest, type SlotSearchRequestBody } from '../../../../src/contract/scheduling.ts'
import { Field } from '../../components/Field.tsx'
import { useT } from '../../i18n/useT.ts'
import type { ApiProblem } from '../../lib/problem.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { ParticipantPicker } from './ParticipantPicker.tsx'

interface SlotDraft {
  /** The chosen places, one per line: a text field of the draft so its message shows beside it. */
  participants: string
  from: string
  to: string
  duration: string
  step: string
}

function isoDay(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 10)
}

function defaultDraft(): SlotDraft {
  const tomorrow = new Date(Date.now() + 86_400_000)
  return {
    participants: '',
    from: isoDay(tomorrow),
    to: isoDay(new Date(tomorrow.getTime() + 6 * 86_400_000)),
    duration: '60',
    step: '15',
  }
}

const asNumber = (text: string) => (text.trim() === '' ? undefined : Number(text))

/** Who, when and how long: checked with the contract's schema before the search is asked. */
export function SlotSearchForm({
  onSearch,
  serverError,
  pending,
}: {
  readonly onSearch: (request: SlotSearchRequestBody) => void
  readonly serverError: ApiProblem | null
  readonly pending: boolean
}) {
  const t = useT()
  const { draft, change, bind, submit } = useDraft<SlotDraft, typeof SlotSearchRequest>({
    idPrefix: 'slot-search',
    initial: defaultDraft,
    schema: SlotSearchRequest,
    candidate: (current) => ({
      participants: current.participants
        .split('\n')
        .filter((ref) => ref !== '')
        .map((place) => ({ place })),
      from: current.from,
      to: current.to,
      duration: asNumber(current.duration),
      step: asNumber(current.step),
    }),
    serverError,
  })
  const places = draft.participants.split('\n').filter((ref) => ref !== '')
  const field = (key: 'from' | 'to' | 'duration' | 'step') => {
    const { onChange, ...rest } = bind(key)
    return { ...rest, onChange: (event: { target: { value: string } }) => onChange(event.target.value) }
  }
  return (
    <form
      className="card scheduling-form"
      onSubmit={submit(onSearch)}
      noValidate
      aria-label={t('scheduling.slotSearchForm.findMeetingSlots')}
    >
      <ParticipantPicker
        id="slot-search-participants"
        places={places}
        onChange={(next) => change('participants', next.join('\n'))}
        error={bind('participants').error}
      />
      <div className="form-row">
        <Field label={t('scheduling.slotSearchForm.from')} type="date" {...field('from')} />
        <Field label={t('scheduling.slotSearchForm.to')} type="date" {...field('to')} />
        <Field
          label={t('scheduling.slotSearchForm.durationMinutes')}
          type="number"
          inputMode="numeric"
          min={15}
          {...field('duration')}
        />
        <Field
          label={t('scheduling.slotSearchForm.stepMinutes')}
          type="number"
          inputMode="numeric"
          min={5}
          {...field('step')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t('scheduling.slotSearchForm.findingSlots') : t('scheduling.slotSearchForm.findSlots')}
        </button>
      </div>
    </form>
  )
}
