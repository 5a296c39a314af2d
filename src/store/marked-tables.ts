/**
 * Tables whose rows carry a marking, for code that walks every marked table (benchmarks, checks).
 * Migration 2026-12-02T0400-markings keeps its own frozen copy on purpose: a migration must never
 * change meaning when this list grows.
 */
export const markedTables = [
  'member',
  'partner',
  'framework',
  'framework_membership',
  'relationship_event',
  'programme',
  'programme_node',
  'programme_milestone',
  'programme_approval',
  'programme_version',
  'programme_version_item',
  'engagement',
  'engagement_participant',
  'engagement_statement',
  'engagement_statement_association',
] as const
