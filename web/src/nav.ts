import type { MessageKey } from '../../src/i18n/catalogue.ts'

/**
 * The header's primary navigation, in order. `external` links leave the single-page app (a full
 * page load), e.g. the server-rendered API docs. Add a line per top-level area.
 */
export interface NavItem {
  /** The catalogue key of its words, read in the reader's language when the header renders. */
  readonly label: MessageKey
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
  { label: 'nav.partners', to: '/partners' },
  { label: 'nav.frameworks', to: '/frameworks' },
  { label: 'nav.members', to: '/members', more: true },
  { label: 'nav.programmes', to: '/programmes' },
  { label: 'nav.engagements', to: '/engagements' },
  { label: 'nav.statements', to: '/statements' },
  { label: 'nav.analytics', to: '/analytics', more: true },
  { label: 'nav.scheduling', to: '/scheduling', more: true },
  { label: 'nav.decisions', to: '/proposals' },
  { label: 'nav.offices', to: '/offices' },
  { label: 'nav.cooperation', to: '/cooperation' },
  { label: 'nav.accounts', to: '/accounts', permission: 'user.manage', more: true },
  { label: 'nav.audit', to: '/audit', ability: 'readAudit', more: true },
  { label: 'nav.import', to: '/import', ability: 'importRecords', more: true },
  { label: 'nav.apiDocs', to: '/api/docs', external: true, more: true },
]
