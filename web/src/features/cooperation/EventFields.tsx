import { SelectField, TextField } from '../../components/DraftFields.tsx'
import { MultiPickerField, PickerField } from '../../components/Pickers.tsx'
import { useT } from '../../i18n/useT.ts'
import {
  useChoosableClassifications,
  usePartnerOptions,
  useZoneOptions,
} from '../engagements/form-options.ts'
import type { EventDetailData } from './queries.ts'

/** An event as people fill it in: days as the date inputs give them, seats as typed. */
export interface EventDraft {
  startsOn: string
  endsOn: string
  place: string
  timeZone: string
  capacity: string
  applicationDeadline: string
  classification: string
  releasableTo: string[]
}

export const blankEvent: EventDraft = {
  startsOn: '',
  endsOn: '',
  place: '',
  timeZone: '',
  capacity: '',
  applicationDeadline: '',
  classification: 'UNCLASSIFIED',
  releasableTo: [],
}

export function eventDraftFrom(event: EventDetailData): EventDraft {
  return {
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    place: event.place,
    timeZone: event.timeZone,
    capacity: String(event.capacity),
    applicationDeadline: event.applicationDeadline,
    classification: event.marking.classification,
    releasableTo: [...event.marking.releasableTo],
  }
}

/** The draft in the API's shape, still unchecked: the shared schema decides whether it is valid. */
export function eventCandidate(draft: EventDraft, itemId: string, status: string): Record<string, unknown> {
  return {
    itemId,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    place: draft.place,
    timeZone: draft.timeZone,
    // An empty box is sent as 0, so the schema's "at least 1" names what is missing.
    capacity: draft.capacity.trim() === '' ? 0 : Number(draft.capacity),
    applicationDeadline: draft.applicationDeadline,
    status,
    marking: { classification: draft.classification, releasableTo: draft.releasableTo },
  }
}

type TextKey =
  | 'startsOn'
  | 'endsOn'
  | 'place'
  | 'timeZone'
  | 'capacity'
  | 'applicationDeadline'
  | 'classification'

interface Bound {
  readonly id: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly error: string | undefined
}

/** Every field of an event, the zone by city and country, for the create and the edit form alike. */
export function EventFields({
  idPrefix,
  draft,
  bind,
  onReleasableTo,
}: {
  idPrefix: string
  draft: EventDraft
  bind: (key: TextKey) => Bound
  onReleasableTo: (values: string[]) => void
}) {
  const t = useT()
  const zones = useZoneOptions()
  const partners = usePartnerOptions()
  const choosable = useChoosableClassifications(draft.classification)
  return (
    <>
      <TextField label={t('cooperation.eventEditForm.firstDay')} type="date" {...bind('startsOn')} />
      <TextField label={t('cooperation.eventEditForm.lastDay')} type="date" {...bind('endsOn')} />
      <TextField label={t('cooperation.eventEditForm.place')} {...bind('place')} />
      <PickerField
        label={t('cooperation.eventEditForm.timeZone')}
        hint={t('cooperation.eventEditForm.searchByCityOrCountry')}
        options={zones}
        placeholder={t('cooperation.eventEditForm.zonePlaceholder')}
        {...bind('timeZone')}
      />
      <TextField label={t('cooperation.eventEditForm.capacity')} type="number" {...bind('capacity')} />
      <TextField
        label={t('cooperation.eventEditForm.applyBy')}
        type="date"
        {...bind('applicationDeadline')}
      />
      <SelectField
        label={t('cooperation.eventEditForm.classification')}
        options={choosable.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <MultiPickerField
        id={`${idPrefix}-releasableTo`}
        label={t('cooperation.eventEditForm.releasableTo')}
        hint={t('cooperation.eventEditForm.releasableToHint')}
        options={partners}
        placeholder={t('cooperation.eventEditForm.searchAPartner')}
        emptyText={t('cooperation.eventEditForm.allianceOnly')}
        values={draft.releasableTo}
        onChange={onReleasableTo}
        error={undefined}
      />
    </>
  )
}
