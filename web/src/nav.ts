/**
 * The header's primary navigation, in order. `external` links leave the single-page app (a full
 * page load), e.g. the server-rendered API docs. Add a line per top-level area.
 */
export interface NavItem {
  readonly label: string
  readonly to: string
  readonly external?: boolean
  /** Shown only to a session holding this permission (the API still checks every request). */
  readonly permission?: string
  /** Shown only to a session whose `abilities` grant this (for rules beyond one permission). */
  readonly ability?: 'readAudit' | 'importRecords'
  /** Grouped under "More" on wide screens, so the header row does not wrap. */
  readonly more?: true
}

export const navItems: readonly NavItem[] = [
  { label: 'Partners', to: '/partners' },
  { label: 'Frameworks', to: '/frameworks' },
  { label: 'Members', to: '/members', more: true },
  { label: 'Programmes', to: '/programmes' },
  { label: 'Engagements', to: '/engagements' },
  { label: 'Statements', to: '/statements' },
  { label: 'Analytics', to: '/analytics', more: true },
  { label: 'Scheduling', to: '/scheduling', more: true },
  { label: 'Decisions', to: '/proposals' },
  { label: 'Offices', to: '/offices' },
  { label: 'Cooperation', to: '/cooperation' },
  { label: 'Accounts', to: '/accounts', permission: 'user.manage', more: true },
  { label: 'Audit', to: '/audit', ability: 'readAudit', more: true },
  { label: 'Import', to: '/import', ability: 'importRecords', more: true },
  { label: 'API docs', to: '/api/docs', external: true, more: true },
]
