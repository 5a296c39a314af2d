import { useMemo } from 'react'
import { classifications } from '../../../../src/domain/marking.ts'
import { priorityAreaLabels } from '../../lib/labels.ts'
import { type PickerOption, zoneOptions } from '../../lib/picker-options.ts'
import { useMembers } from '../members/queries.ts'
import { usePartners } from '../partners/queries.ts'
import { useSession } from '../session/queries.ts'
import { useEngagements } from './queries.ts'

/** Time zones by city and country with their offset now, computed once per form. */
export function useZoneOptions(): readonly PickerOption[] {
  return useMemo(() => zoneOptions(new Date()), [])
}

/** Partners the viewer may see, by name and code. */
export function usePartnerOptions(): readonly PickerOption[] {
  const partners = usePartners({}).data?.items
  return useMemo(
    () =>
      (partners ?? []).map((partner) => ({
        value: partner.code,
        label: `${partner.name} (${partner.code})`,
        keywords: partner.code,
      })),
    [partners],
  )
}

/** Every country a participant or host may be: the members and the partners the viewer may see. */
export function useCountryOptions(): readonly PickerOption[] {
  const partners = usePartnerOptions()
  const members = useMembers().data?.items
  return useMemo(() => {
    const memberOptions = (members ?? []).map((member) => ({
      value: member.code,
      label: `${member.name} (${member.code})`,
      keywords: member.code,
    }))
    const seen = new Set(memberOptions.map((option) => option.value))
    return [...memberOptions, ...partners.filter((option) => !seen.has(option.value))].sort((a, b) =>
      a.label.localeCompare(b.label),
    )
  }, [members, partners])
}

/** The priority areas by name, read at render so the names follow a language switch. */
export function priorityAreaOptions(): readonly PickerOption[] {
  return Object.entries(priorityAreaLabels).map(([value, label]) => ({ value, label }))
}

/** Engagements a sideline may hang from, by title and date (newest first). */
export function useParentOptions(excludeId: string | undefined): readonly PickerOption[] {
  const items = useEngagements({ limit: 500, order: 'desc' }).data?.items
  return useMemo(
    () =>
      (items ?? [])
        .filter((item) => item.id !== excludeId && item.parentId === null)
        .map((item) => ({
          value: item.id,
          label: `${item.title} — ${new Date(item.start.utc).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: item.timeZone })}`,
          keywords: item.start.place.local.slice(0, 10),
        })),
    [items, excludeId],
  )
}

/** The classifications the signed-in person may give a record: up to their own clearance. */
export function useChoosableClassifications(current: string): readonly string[] {
  const clearance = useSession().data?.clearance
  const upTo = clearance === undefined ? -1 : classifications.indexOf(clearance)
  const allowed: string[] = classifications.filter((_, index) => index <= upTo)
  // A record already above what one may choose keeps showing its marking rather than a blank.
  return allowed.includes(current) || current === '' ? allowed : [...allowed, current]
}
