import type { ReactNode } from 'react'
import { AccountsPage } from './AccountsPage.tsx'
import { AnalyticsPage } from './AnalyticsPage.tsx'
import { AuditPage } from './AuditPage.tsx'
import { CooperationEventPage } from './CooperationEventPage.tsx'
import { CooperationEventsPage } from './CooperationEventsPage.tsx'
import { CooperationItemPage } from './CooperationItemPage.tsx'
import { CooperationPage } from './CooperationPage.tsx'
import { CooperationQueuePage } from './CooperationQueuePage.tsx'
import { CooperationRequestPage } from './CooperationRequestPage.tsx'
import { CooperationRequestsPage } from './CooperationRequestsPage.tsx'
import { DashboardPage } from './DashboardPage.tsx'
import { EngagementEditPage } from './EngagementEditPage.tsx'
import { EngagementPage } from './EngagementPage.tsx'
import { EngagementsPage } from './EngagementsPage.tsx'
import { FrameworkPage } from './FrameworkPage.tsx'
import { FrameworksPage } from './FrameworksPage.tsx'
import { ImportPage } from './ImportPage.tsx'
import { MembersPage } from './MembersPage.tsx'
import { NotFoundPage } from './NotFoundPage.tsx'
import { OfficesPage } from './OfficesPage.tsx'
import { PartnerPage } from './PartnerPage.tsx'
import { PartnersPage } from './PartnersPage.tsx'
import { ProgrammePage } from './ProgrammePage.tsx'
import { ProgrammesPage } from './ProgrammesPage.tsx'
import { ProposalPage } from './ProposalPage.tsx'
import { ProposalsPage } from './ProposalsPage.tsx'
import { SchedulingPage } from './SchedulingPage.tsx'
import { SearchPage } from './SearchPage.tsx'
import { SignInPage } from './SignInPage.tsx'
import { StatementsPage } from './StatementsPage.tsx'

/**
 * Every page of the app, one line each. To add a page: create routes/<Name>Page.tsx and add a
 * line here (and a nav item in nav.ts if it belongs in the header). Keep the catch-all last.
 */
export const routes: ReadonlyArray<{ path: string; element: ReactNode }> = [
  { path: '/', element: <DashboardPage /> },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/partners', element: <PartnersPage /> },
  { path: '/import', element: <ImportPage /> },
  { path: '/partners/:code', element: <PartnerPage /> },
  { path: '/frameworks', element: <FrameworksPage /> },
  { path: '/frameworks/:id', element: <FrameworkPage /> },
  { path: '/members', element: <MembersPage /> },
  { path: '/programmes', element: <ProgrammesPage /> },
  { path: '/programmes/:id', element: <ProgrammePage /> },
  { path: '/engagements', element: <EngagementsPage /> },
  { path: '/engagements/new', element: <EngagementEditPage /> },
  { path: '/engagements/:id', element: <EngagementPage /> },
  { path: '/engagements/:id/edit', element: <EngagementEditPage /> },
  { path: '/statements', element: <StatementsPage /> },
  { path: '/analytics', element: <AnalyticsPage /> },
  { path: '/scheduling', element: <SchedulingPage /> },
  { path: '/proposals', element: <ProposalsPage /> },
  { path: '/proposals/:id', element: <ProposalPage /> },
  { path: '/offices', element: <OfficesPage /> },
  { path: '/cooperation', element: <CooperationPage /> },
  { path: '/cooperation/items/:id', element: <CooperationItemPage /> },
  { path: '/cooperation/events', element: <CooperationEventsPage /> },
  { path: '/cooperation/events/:id', element: <CooperationEventPage /> },
  { path: '/cooperation/requests', element: <CooperationRequestsPage /> },
  { path: '/cooperation/requests/:id', element: <CooperationRequestPage /> },
  { path: '/cooperation/queue', element: <CooperationQueuePage /> },
  { path: '/search', element: <SearchPage /> },
  { path: '/accounts', element: <AccountsPage /> },
  { path: '/audit', element: <AuditPage /> },
  { path: '*', element: <NotFoundPage /> },
]
