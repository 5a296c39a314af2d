/** The kinds of record one search covers (the index: migration 2026-12-02T1300-search-index). */
export const searchTypes = [
  'partner',
  'event',
  'framework',
  'programme',
  'programme-node',
  'milestone',
  'engagement',
  'statement',
] as const
export type SearchType = (typeof searchTypes)[number]

/** How the web app names each kind, in filters and on hits. */
export const searchTypeLabels: Record<SearchType, string> = {
  partner: 'Partner',
  event: 'Relationship event',
  framework: 'Framework',
  programme: 'Programme',
  'programme-node': 'Programme objective, goal or activity',
  milestone: 'Milestone',
  engagement: 'Engagement',
  statement: 'Statement',
}
