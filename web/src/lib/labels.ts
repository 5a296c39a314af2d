/**
 * The words the web app shows for the slugs and field names the API sends: one place, so every
 * page says the same thing (and the message catalogue can take them over from here).
 */

export const priorityAreaLabels: Readonly<Record<string, string>> = {
  'cyber-defence': 'Cyber defence',
  'maritime-security': 'Maritime security',
  space: 'Space',
  'emerging-disruptive-technologies': 'Emerging and disruptive technologies',
  disinformation: 'Countering disinformation',
  'climate-security': 'Climate change and security',
  resilience: 'Resilience',
  'hybrid-threats': 'Hybrid threats',
  'arms-control': 'Arms control, disarmament and non-proliferation',
  interoperability: 'Interoperability',
  'counter-terrorism': 'Counter-terrorism',
  wps: 'Women, peace and security',
  'public-diplomacy': 'Public diplomacy',
  'ukraine-support': 'Support to Ukraine',
}

export const milestoneStatusLabels: Readonly<Record<string, string>> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
}

/** The fields of a programme's parts, as named in a version comparison. */
export const diffFieldLabels: Readonly<Record<string, string>> = {
  title: 'Title',
  description: 'Description',
  priorityAreas: 'Priority areas',
  status: 'Status',
  due: 'Due',
  dueDate: 'Due date',
  parent: 'Placed under',
  position: 'Position',
  order: 'Order',
  marking: 'Marking',
  classification: 'Classification',
  releasableTo: 'Releasable to',
  start: 'Start',
  end: 'End',
  kind: 'Kind',
}

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
