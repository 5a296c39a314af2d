import type { Migration } from 'kysely'
import * as foundation from './2026-11-27T2130-foundation.ts'
import * as programmes from './2026-11-27T2200-programmes.ts'
import * as engagements from './2026-11-27T2210-engagements.ts'
import * as markings from './2026-12-02T0400-markings.ts'
import * as engagementMarkingIndex from './2026-12-02T1000-engagement-marking-index.ts'
import * as programmeRevisions from './2026-12-02T1100-programme-revisions.ts'
import * as proposals from './2026-12-02T1220-proposals.ts'
import * as auditChain from './2026-12-02T1230-audit-chain.ts'
import * as accountLockout from './2026-12-02T1240-account-lockout.ts'
import * as accountStatus from './2026-12-02T1241-account-status.ts'
import * as searchIndex from './2026-12-02T1300-search-index.ts'
import * as proposalDeadlines from './2026-12-02T1400-proposal-deadlines.ts'
import * as liaisonOffices from './2026-12-02T1410-liaison-offices.ts'
import * as externalIdentities from './2026-12-02T1420-external-identities.ts'
import * as proposalNotify from './2026-12-02T1430-proposal-notify.ts'
import * as proposalReminders from './2026-12-02T1440-proposal-reminders.ts'
import * as registryAuthoring from './2026-12-03T0900-registry-authoring.ts'
import * as importJobs from './2026-12-03T1000-import-jobs.ts'
import * as cooperation from './2026-12-03T1200-cooperation.ts'
import * as cooperationIllustrative from './2026-12-03T1400-cooperation-illustrative.ts'

/**
 * Every migration, by name. Names sort in the order they run; both engines run the same list.
 * Add new migrations at the end with a later date prefix.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-27T2130-foundation': foundation,
  '2026-11-27T2200-programmes': programmes,
  '2026-11-27T2210-engagements': engagements,
  '2026-12-02T0400-markings': markings,
  '2026-12-02T1000-engagement-marking-index': engagementMarkingIndex,
  '2026-12-02T1100-programme-revisions': programmeRevisions,
  '2026-12-02T1220-proposals': proposals,
  '2026-12-02T1230-audit-chain': auditChain,
  '2026-12-02T1240-account-lockout': accountLockout,
  '2026-12-02T1241-account-status': accountStatus,
  '2026-12-02T1300-search-index': searchIndex,
  '2026-12-02T1400-proposal-deadlines': proposalDeadlines,
  '2026-12-02T1410-liaison-offices': liaisonOffices,
  '2026-12-02T1420-external-identities': externalIdentities,
  '2026-12-02T1430-proposal-notify': proposalNotify,
  '2026-12-02T1440-proposal-reminders': proposalReminders,
  '2026-12-03T0900-registry-authoring': registryAuthoring,
  '2026-12-03T1000-import-jobs': importJobs,
  '2026-12-03T1200-cooperation': cooperation,
  '2026-12-03T1400-cooperation-illustrative': cooperationIllustrative,
}
