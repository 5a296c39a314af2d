import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import type { SlotSearchRequestBody } from '../../../../src/contract/scheduling.ts'
import { type HourKind, type HourRow, participantHours } from '../../../../src/domain/scheduling/hour-grid.ts'
import { localTimeAt } from '../../../../src/domain/scheduling/local-time.ts'
import { toParticipant, toScoring } from '../../../../src/domain/scheduling/requests.ts'
import { rangeMinutes } from '../../../../src/domain/scheduling/slot-search.ts'
import { formatClock } from '../../../../src/domain/scheduling/working-hours.ts'
import { labelsOf } from '../../i18n/labels.ts'
import { t as translate } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import { dayOptions, type GridSlot, gridSlots, overlap } from './hour-grid-model.ts'
import type { SlotSearchData } from './queries.ts'
import { slotPrefill } from './slot-prefill.ts'

const cellMinutes = 60

export const kindLabels = labelsOf<HourKind>('hourKind', ['working', 'outside', 'night', 'dayOff'])

/** "09" on the hour, "16:30" in a half-hour zone. */
function shortClock(local: string): string {
  const clock = local.slice(11, 16)
  return clock.endsWith(':00') ? clock.slice(0, 2) : clock
}

function Legend({ nightWindow }: { readonly nightWindow: string }) {
  const t = useT()
  const items: ReadonlyArray<readonly [string, string]> = [
    ['working', t('scheduling.legend.working')],
    ['outside', t('scheduling.legend.outside')],
    ['night', t('scheduling.legend.night', { window: nightWindow })],
    ['dayOff', t('scheduling.legend.dayOff')],
    ['slot', t('scheduling.legend.slot')],
  ]
  return (
    <ul className="hg-legend" aria-label={t('scheduling.hourGrid.legend')}>
      {items.map(([kind, label]) => (
        <li key={kind}>
          <span className={`hg-swatch hg-${kind}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  )
}

/** Each participant's local time for a slot, in one sentence: the slot marker's accessible name. */
function slotName(slot: GridSlot, names: readonly string[], canCreate: boolean): string {
  const times = slot.data.participants.map(
    (p, i) => `${names[i] ?? p.label} ${p.start.weekday} ${p.start.local.slice(11)}–${p.end.local.slice(11)}`,
  )
  return translate('scheduling.hourGrid.slotName', {
    rank: slot.rank,
    times: times.join(', '),
    create: canCreate ? 'yes' : 'no',
  })
}

/** What the hour means to everyone: the column header's accessible name. */
function hourName(
  rows: readonly HourRow[],
  names: readonly string[],
  column: number,
  clock: string,
  zone: string,
) {
  const each = rows.map((row, i) => {
    const cell = row.cells[column]
    return cell === undefined
      ? ''
      : `${names[i] ?? row.label} ${cell.time.weekday} ${cell.time.local.slice(11)} ${kindLabels[cell.kind]}`
  })
  return translate('scheduling.hourGrid.hourName', { clock, zone, each: each.join(', ') })
}

/**
 * The participants × hours grid of one day of the search: a row per participant coloured by what
 * each hour is on their own clock, the top slots of that day as markers under the hours, and the
 * chosen slot drawn across every row. Computed in the browser by the same domain code the server
 * ranks slots with, from the places the server resolved.
 */
export function HourGrid({
  request,
  data,
  canCreate,
}: {
  readonly request: SlotSearchRequestBody
  readonly data: SlotSearchData
  /** The session's `createEngagements` ability, as the server sent it. */
  readonly canCreate: boolean
}) {
  const t = useT()
  const zone = data.timeZone
  const names = data.participants.map((place) => place.name)
  const slots = useMemo(() => gridSlots(data.slots, zone), [data.slots, zone])
  const days = useMemo(() => dayOptions(data.from, data.to, slots), [data.from, data.to, slots])
  const [day, setDay] = useState(() => slots[0]?.day ?? data.from)
  const [activeRank, setActiveRank] = useState<number | null>(() => slots[0]?.rank ?? null)
  const [focusColumn, setFocusColumn] = useState<number | null>(null)
  const [shownColumn, setShownColumn] = useState<number | null>(null)
  const headers = useRef<Array<HTMLButtonElement | null>>([])
  const scrollBox = useRef<HTMLElement | null>(null)
  const scoring = useMemo(() => toScoring(request.weights), [request.weights])
  const { start, end } = rangeMinutes(zone, day, day)
  const rows = useMemo(() => {
    const participants = data.participants.map((place, i) => toParticipant(place, request.participants[i]))
    return participantHours(participants, scoring, start, end, cellMinutes)
  }, [data.participants, request.participants, scoring, start, end])
  const columns =
    rows[0]?.cells.map((cell) => ({ start: cell.start, clock: localTimeAt(cell.start, zone).local })) ?? []
  const daySlots = slots.filter((slot) => slot.day === day)
  const active = slots.find((slot) => slot.rank === activeRank && slot.day === day) ?? daySlots[0]
  const choose = (next: string) => {
    setDay(next)
    setActiveRank(slots.find((slot) => slot.day === next)?.rank ?? null)
  }
  const dayIndex = days.findIndex((option) => option.date === day)
  const activeColumn =
    active === undefined ? -1 : columns.findIndex((col) => active.start < col.start + cellMinutes)
  // The one hour header in the tab order: the last one focused, else the chosen slot's, else 09:00.
  const column = Math.min(focusColumn ?? (activeColumn >= 0 ? activeColumn : 9), columns.length - 1)
  const firstRank = daySlots[0]?.rank

  // On a new day, bring its best slot into the scroll box's view (on a phone the box shows a few hours).
  useEffect(() => {
    const box = scrollBox.current
    const marker = box?.querySelector<HTMLElement>(`[data-rank="${firstRank}"]`)
    if (box === null || box === undefined || marker === null || marker === undefined) return
    const sticky = box.querySelector<HTMLElement>('.hg-corner')?.offsetWidth ?? 0
    const cell = marker.closest('td')
    const left = (cell?.offsetLeft ?? 0) - sticky - (box.clientWidth - sticky) / 3
    box.scrollLeft = Math.max(0, left)
  }, [firstRank])

  const moveFocus = (event: KeyboardEvent<HTMLButtonElement>, from: number) => {
    const next =
      event.key === 'ArrowRight'
        ? from + 1
        : event.key === 'ArrowLeft'
          ? from - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? columns.length - 1
              : null
    if (next === null) return
    event.preventDefault()
    const clamped = Math.max(0, Math.min(columns.length - 1, next))
    setFocusColumn(clamped)
    headers.current[clamped]?.focus()
  }

  return (
    <section className="hour-grid-section" aria-labelledby="hour-grid-title" data-testid="hour-grid">
      <div className="hg-head">
        <div>
          <h3 id="hour-grid-title">{t('scheduling.hourGrid.participantsHours')}</h3>
          <p className="muted">
            {t('scheduling.hourGrid.intro', { zone, create: canCreate ? 'yes' : 'no' })}
          </p>
        </div>
        <div className="hg-day-picker">
          <button
            type="button"
            className="button secondary small"
            onClick={() => choose(days[dayIndex - 1]?.date ?? day)}
            disabled={dayIndex <= 0}
            aria-label={t('scheduling.hourGrid.previousDay')}
          >
            ‹
          </button>
          <label className="visually-hidden" htmlFor="hour-grid-day">
            {t('scheduling.hourGrid.day')}
          </label>
          <select
            id="hour-grid-day"
            className="input"
            value={day}
            onChange={(event) => choose(event.target.value)}
          >
            {days.map((option) => (
              <option key={option.date} value={option.date}>
                {option.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button secondary small"
            onClick={() => choose(days[dayIndex + 1]?.date ?? day)}
            disabled={dayIndex < 0 || dayIndex >= days.length - 1}
            aria-label={t('scheduling.hourGrid.nextDay')}
          >
            ›
          </button>
        </div>
      </div>
      <Legend
        nightWindow={`${formatClock(scoring.nightStartMinute)}–${formatClock(scoring.nightEndMinute)}`}
      />
      <section
        className="hg-scroll"
        ref={scrollBox}
        aria-label={t('scheduling.hourGrid.participantsByHour')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
      >
        <table className="hour-grid">
          <caption className="visually-hidden">
            {t('scheduling.hourGrid.caption', { day: days[dayIndex]?.label ?? day, zone })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="hg-corner">
                {t('scheduling.hourGrid.cityTime', {
                  city: zone.split('/').pop()?.replace(/_/g, ' ') ?? zone,
                })}
              </th>
              {columns.map((col, c) => (
                <th key={col.start} scope="col" className={c === shownColumn ? 'hg-col-focus' : undefined}>
                  <button
                    type="button"
                    className="hg-hour"
                    ref={(element) => {
                      headers.current[c] = element
                    }}
                    tabIndex={c === column ? 0 : -1}
                    aria-label={hourName(rows, names, c, col.clock.slice(11), zone)}
                    onFocus={() => {
                      setFocusColumn(c)
                      setShownColumn(c)
                    }}
                    onBlur={() => setShownColumn(null)}
                    onMouseEnter={() => setShownColumn(c)}
                    onMouseLeave={() => setShownColumn(null)}
                    onKeyDown={(event) => moveFocus(event, c)}
                  >
                    {shortClock(col.clock)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, p) => (
              <tr key={`${row.label}-${row.zone}`} data-zone={row.zone}>
                <th scope="row" className="hg-person">
                  <span className="hg-name">{names[p] ?? row.label}</span>
                  <span className="hg-zone">
                    {t('scheduling.hourGrid.utc')}
                    {row.cells[0]?.time.offset}
                  </span>
                </th>
                {row.cells.map((cell, c) => {
                  const newDay =
                    c === 0 || row.cells[c - 1]?.time.local.slice(0, 10) !== cell.time.local.slice(0, 10)
                  const band = active === undefined ? null : overlap(active, cell.start, cellMinutes)
                  return (
                    <td
                      key={cell.start}
                      className={`hg-cell hg-${cell.kind}${c === shownColumn ? ' hg-col-focus' : ''}`}
                      data-kind={cell.kind}
                      data-local={cell.time.local}
                    >
                      {band === null ? null : (
                        <span
                          className={`hg-band${band.starts ? ' hg-band-start' : ''}${band.ends ? ' hg-band-end' : ''}`}
                          aria-hidden="true"
                          style={{ left: `${band.left * 100}%`, width: `${band.width * 100}%` }}
                        />
                      )}
                      {newDay ? <span className="hg-weekday">{cell.time.weekday}</span> : null}
                      <span className="hg-clock">{shortClock(cell.time.local)}</span>
                      <span className="visually-hidden"> {kindLabels[cell.kind]}</span>
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="hg-person">
                <span className="hg-name">{t('scheduling.hourGrid.topSlots')}</span>
              </th>
              {columns.map((col) => (
                <td key={col.start} className="hg-slots">
                  {daySlots
                    .filter((slot) => slot.start >= col.start && slot.start < col.start + cellMinutes)
                    .map((slot) => (
                      <SlotMarker
                        key={slot.rank}
                        slot={slot}
                        label={slotName(slot, names, canCreate)}
                        names={names}
                        canCreate={canCreate}
                        active={slot.rank === active?.rank}
                        onActive={() => setActiveRank(slot.rank)}
                      />
                    ))}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </section>
      {active === undefined ? (
        <p className="muted hg-none">{t('scheduling.hourGrid.noTopSlotFallsOn')}</p>
      ) : (
        <SlotSummary slot={active} names={names} zone={zone} />
      )}
    </section>
  )
}

function SlotMarker({
  slot,
  label,
  names,
  canCreate,
  active,
  onActive,
}: {
  readonly slot: GridSlot
  readonly label: string
  readonly names: readonly string[]
  readonly canCreate: boolean
  readonly active: boolean
  readonly onActive: () => void
}) {
  const className = `hg-marker${active ? ' is-active' : ''}`
  const rank = String(slot.rank)
  const state = canCreate ? slotPrefill(slot.data, names) : null
  // A creator follows the marker to the filled-in form; anyone else selects it to see it drawn.
  return state === null ? (
    <button
      type="button"
      className={className}
      data-rank={rank}
      aria-label={label}
      aria-pressed={active}
      onClick={onActive}
      onFocus={onActive}
      onMouseEnter={onActive}
    >
      {slot.rank}
    </button>
  ) : (
    <Link
      className={className}
      data-rank={rank}
      to="/engagements/new"
      state={state}
      aria-label={label}
      onFocus={onActive}
      onMouseEnter={onActive}
    >
      {slot.rank}
    </Link>
  )
}

/** The chosen slot in words under the grid: everyone's local start and end and what it costs them. */
function SlotSummary({
  slot,
  names,
  zone,
}: {
  readonly slot: GridSlot
  readonly names: readonly string[]
  readonly zone: string
}) {
  const t = useT()
  const local = localTimeAt(slot.start, zone).local.slice(11)
  return (
    <div className="hg-summary" data-testid="hour-grid-summary">
      <p className="hg-summary-title">
        {t('scheduling.hourGrid.slot')} {slot.rank} · {local} {zone}{' '}
        {t('scheduling.hourGrid.timeInconvenience')} {slot.data.inconvenience}
      </p>
      <ul>
        {slot.data.participants.map((p, i) => (
          <li key={`${p.label}-${p.zone}`}>
            <span className="hg-summary-name">{names[i] ?? p.label}</span>
            <strong>
              {p.start.weekday} {p.start.local.slice(11)}–{p.end.local.slice(11)}
            </strong>
            <span className="hg-summary-note">
              {p.outsideMinutes === 0
                ? t('scheduling.hourGrid.inWorkingHours')
                : t('scheduling.hourGrid.minOutsideHours', {
                    outsideMinutes: p.outsideMinutes,
                    nightMinutes: p.nightMinutes,
                  })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
