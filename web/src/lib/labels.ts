import { labelsOf } from '../i18n/labels.ts'

/**
 * The words the web app shows for the slugs and field names the API sends: one place, so every
 * page says the same thing, in the reader's language (`label.*` in the message catalogue).
 */

export const priorityAreaLabels: Readonly<Record<string, string>> = labelsOf('area', [
  'cyber-defence',
  'maritime-security',
  'space',
  'emerging-disruptive-technologies',
  'disinformation',
  'climate-security',
  'resilience',
  'hybrid-threats',
  'arms-control',
  'interoperability',
  'counter-terrorism',
  'wps',
  'public-diplomacy',
  'ukraine-support',
])

export const milestoneStatusLabels: Readonly<Record<string, string>> = labelsOf('milestoneStatus', [
  'planned',
  'in-progress',
  'done',
  'cancelled',
])

/** The fields of a programme's parts, as named in a version comparison. */
export const diffFieldLabels: Readonly<Record<string, string>> = labelsOf('field', [
  'title',
  'description',
  'priorityAreas',
  'status',
  'due',
  'dueDate',
  'parent',
  'position',
  'order',
  'marking',
  'classification',
  'releasableTo',
  'start',
  'end',
  'kind',
])

/** A slug's words when known; otherwise the slug with its hyphens turned into spaces, capitalised. */
export function labelOf(labels: Readonly<Record<string, string>>, slug: string): string {
  const known = labels[slug]
  if (known !== undefined) return known
  const words = slug
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export const priorityAreaLabel = (slug: string) => labelOf(priorityAreaLabels, slug)
export const milestoneStatusLabel = (slug: string) => labelOf(milestoneStatusLabels, slug)
export const diffFieldLabel = (field: string) => labelOf(diffFieldLabels, field)

/** A value in a version comparison, in words: priority areas and statuses by their labels. */
export function diffValueLabel(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  const text = String(value)
  if (field === 'priorityAreas') return text.split(/,\s*/).map(priorityAreaLabel).join(', ')
  if (field === 'status') return milestoneStatusLabel(text)
  return text
}
