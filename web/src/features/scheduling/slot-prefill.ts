import { t as translate } from '../../i18n/translate.ts'
import type { SlotData } from './queries.ts'

/** The router state that opens /engagements/new filled in from a slot; see EngagementEditPage's prefillFrom. */
export interface SlotPrefillState {
  readonly prefill: { title: string; start: string; end: string; timeZone: string }
}

/**
 * A draft engagement for a slot: its start and end on the first participant's clock (the place the
 * meeting is recorded at) and a title naming who meets. Null for a slot without participants.
 */
export function slotPrefill(slot: SlotData, names: readonly string[]): SlotPrefillState | null {
  const host = slot.participants[0]
  if (host === undefined) return null
  const who = names.length === 0 ? slot.participants.map((p) => p.label) : names
  return {
    prefill: {
      title: translate('scheduling.slot.callTitle', { who: who.join(', ') }).slice(0, 300),
      start: host.start.local,
      end: host.end.local,
      timeZone: host.zone,
    },
  }
}
