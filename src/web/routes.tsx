import type { ComponentType } from 'react'
import type { RouteObject } from 'react-router'
import type { Role } from '#shared/enums.ts'
import { AppShell, PublicLayout } from './components/app-shell.tsx'
import { RouteFocus } from './components/route-focus.tsx'
import { ErrorPage, NotFoundPage } from './components/status-pages.tsx'
import { useSession } from './api/identity.ts'
import { Loading } from './components/feedback.tsx'
import { RequireAuth, RequireRole } from './features/identity/require-auth.tsx'

/**
 * Each page is its own chunk, loaded when its route is first visited: the sign-in page and a
 * student's home do not download the admin pages. The router waits for the chunk before it
 * changes the location, so RouteFocus still finds the new page's heading. The role check runs
 * once the page is loaded; the server refuses the page's data to other roles either way.
 */
function lazyPage(load: () => Promise<ComponentType>, roles?: readonly Role[]): RouteObject['lazy'] {
  return async () => {
    const Page = await load()
    return {
      element: roles ? (
        <RequireRole roles={roles}>
          <Page />
        </RequireRole>
      ) : (
        <Page />
      ),
    }
  }
}

/** An unknown address looks like the rest of the app for whoever is (or is not) signed in. */
function NotFoundRoute() {
  const session = useSession()
  if (session.isPending) return <Loading />
  const Layout = session.data ? AppShell : PublicLayout
  return (
    <Layout>
      <NotFoundPage />
    </Layout>
  )
}

function RootError() {
  return (
    <PublicLayout>
      <ErrorPage />
    </PublicLayout>
  )
}

export const routes: RouteObject[] = [
  {
    element: <RouteFocus />,
    errorElement: <RootError />,
    // Shown while the first page's chunk loads.
    hydrateFallbackElement: <Loading />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: 'sign-in', lazy: lazyPage(() => import('./features/identity/sign-in-page.tsx').then((m) => m.SignInPage)) },
          { path: 'sign-in/link', lazy: lazyPage(() => import('./features/identity/request-link-pages.tsx').then((m) => m.SignInLinkPage)) },
          { path: 'forgot-password', lazy: lazyPage(() => import('./features/identity/request-link-pages.tsx').then((m) => m.ForgotPasswordPage)) },
          { path: 'auth/magic', lazy: lazyPage(() => import('./features/identity/token-pages.tsx').then((m) => m.MagicLinkPage)) },
          { path: 'auth/reset', lazy: lazyPage(() => import('./features/identity/token-pages.tsx').then((m) => m.ResetPasswordPage)) },
          { path: 'auth/invite', lazy: lazyPage(() => import('./features/identity/token-pages.tsx').then((m) => m.AcceptInvitePage)) },
          // Writers without an account open this from their e-mail, signed in or not.
          { path: 'letters/upload/:token', lazy: lazyPage(() => import('./features/letters/upload-by-link-page.tsx').then((m) => m.UploadByLinkPage)) },
        ],
      },
      {
        element: (
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        ),
        children: [
          {
            errorElement: <ErrorPage />,
            children: [
              { index: true, lazy: lazyPage(() => import('./features/home/home-page.tsx').then((m) => m.HomePage)) },
              { path: 'profile', lazy: lazyPage(() => import('./features/profiles/profile-page.tsx').then((m) => m.MyProfilePage)) },
              { path: 'profile/edit', lazy: lazyPage(() => import('./features/profiles/profile-edit-page.tsx').then((m) => m.ProfileEditPage)) },
              {
                path: 'people',
                lazy: lazyPage(() => import('./features/admin/people-page.tsx').then((m) => () => <m.PeoplePage mode="directory" />), ['advisor', 'admin']),
              },
              { path: 'people/:personId', lazy: lazyPage(() => import('./features/profiles/profile-page.tsx').then((m) => m.PersonProfilePage)) },
              { path: 'mentors', lazy: lazyPage(() => import('./features/directory/directory-page.tsx').then((m) => m.DirectoryPage)) },
              {
                path: 'mentors/for-you',
                lazy: lazyPage(() => import('./features/recommendations/mentors-for-you-page.tsx').then((m) => m.MentorsForYouPage), ['student']),
              },
              { path: 'mentors/:personId', lazy: lazyPage(() => import('./features/directory/mentor-page.tsx').then((m) => m.MentorPage)) },
              {
                path: 'advising',
                lazy: lazyPage(() => import('./features/advising/my-board-page.tsx').then((m) => m.MyBoardPage), ['student', 'advisor', 'admin']),
              },
              {
                path: 'advising/students',
                lazy: lazyPage(() => import('./features/advising/my-students-page.tsx').then((m) => m.MyStudentsPage), ['advisor']),
              },
              {
                path: 'advising/students/:personId',
                lazy: lazyPage(() => import('./features/advising/student-board-page.tsx').then((m) => m.StudentBoardPage), ['advisor']),
              },
              {
                path: 'admin/advisors',
                lazy: lazyPage(() => import('./features/advising/advisors-admin-page.tsx').then((m) => m.AdvisorsAdminPage), ['admin']),
              },
              {
                path: 'mentorships',
                lazy: lazyPage(() => import('./features/mentorships/my-mentorships-page.tsx').then((m) => m.MyMentorshipsPage), ['student', 'mentor']),
              },
              {
                path: 'mentorships/availability',
                lazy: lazyPage(() => import('./features/mentorships/availability-page.tsx').then((m) => m.AvailabilityPage), ['mentor']),
              },
              {
                path: 'mentorships/quiet',
                lazy: lazyPage(() => import('./features/mentorships/quiet-mentorships-page.tsx').then((m) => m.QuietMentorshipsPage), ['advisor', 'admin']),
              },
              { path: 'mentorships/:mentorshipId', lazy: lazyPage(() => import('./features/mentorships/mentorship-page.tsx').then((m) => m.MentorshipPage)) },
              {
                path: 'residency/calibration',
                lazy: lazyPage(() => import('./features/calibration/calibration-page.tsx').then((m) => m.CalibrationPage), ['advisor', 'admin']),
              },
              {
                path: 'residency/calibration/import',
                lazy: lazyPage(() => import('./features/calibration/past-outcomes-import-page.tsx').then((m) => m.PastOutcomesImportPage), ['admin']),
              },
              {
                path: 'residency/programs',
                lazy: lazyPage(() => import('./features/residency-programs/program-explorer-page.tsx').then((m) => m.ProgramExplorerPage)),
              },
              {
                path: 'residency/programs/import',
                lazy: lazyPage(() => import('./features/residency-programs/program-import-page.tsx').then((m) => m.ProgramImportPage), ['admin']),
              },
              {
                path: 'residency/programs/:programId',
                lazy: lazyPage(() => import('./features/residency-programs/program-page.tsx').then((m) => m.ProgramPage)),
              },
              {
                path: 'residency/profile',
                lazy: lazyPage(() => import('./features/list-builder/application-profile-page.tsx').then((m) => m.ApplicationProfilePage), ['student']),
              },
              {
                path: 'residency/list-builder',
                lazy: lazyPage(() => import('./features/list-builder/list-builder-page.tsx').then((m) => m.ListBuilderPage), ['student']),
              },
              {
                path: 'residency/my-programs',
                lazy: lazyPage(() => import('./features/list-builder/my-programs-page.tsx').then((m) => m.ResidencyProgramListPage), ['student']),
              },
              {
                path: 'residency/students/:personId/list-builder',
                lazy: lazyPage(() => import('./features/list-builder/list-builder-page.tsx').then((m) => m.ListBuilderPage), ['advisor']),
              },
              {
                path: 'residency/students/:personId/programs',
                lazy: lazyPage(() => import('./features/list-builder/my-programs-page.tsx').then((m) => m.ResidencyProgramListPage), ['advisor']),
              },
              {
                path: 'residency/rank-list',
                lazy: lazyPage(() => import('./features/rank-lists/rank-list-page.tsx').then((m) => m.RankListPage), ['student']),
              },
              {
                path: 'residency/rank-lists',
                lazy: lazyPage(() => import('./features/rank-lists/advised-rank-lists-page.tsx').then((m) => m.AdvisedRankListsPage), ['advisor']),
              },
              {
                path: 'residency/students/:studentId/rank-list',
                lazy: lazyPage(() => import('./features/rank-lists/rank-list-review-page.tsx').then((m) => m.RankListReviewPage), ['advisor']),
              },
              {
                path: 'residency/class-simulation',
                lazy: lazyPage(() => import('./features/class-simulation/class-simulation-page.tsx').then((m) => m.ClassSimulationPage), ['advisor']),
              },
              {
                path: 'residency/class-simulation/:simulationId',
                lazy: lazyPage(() => import('./features/class-simulation/class-simulation-run-page.tsx').then((m) => m.ClassSimulationRunPage), ['advisor']),
              },
              {
                path: 'letters',
                lazy: lazyPage(() => import('./features/letters/my-letters-page.tsx').then((m) => m.MyLettersPage), ['student']),
              },
              {
                path: 'letters/new',
                lazy: lazyPage(() => import('./features/letters/new-letter-request-page.tsx').then((m) => m.NewLetterRequestPage), ['student']),
              },
              {
                path: 'letters/writing',
                lazy: lazyPage(() => import('./features/letters/writer-letters-page.tsx').then((m) => m.WriterLettersPage), ['mentor']),
              },
              {
                path: 'letters/students/:personId',
                lazy: lazyPage(() => import('./features/letters/student-letters-page.tsx').then((m) => m.StudentLettersPage), ['advisor', 'admin']),
              },
              { path: 'letters/:letterRequestId', lazy: lazyPage(() => import('./features/letters/letter-request-page.tsx').then((m) => m.LetterRequestPage)) },
              {
                path: 'admin/letters',
                lazy: lazyPage(() => import('./features/letters/admin-letters-page.tsx').then((m) => m.AdminLettersPage), ['admin']),
              },
              {
                path: 'admin/people',
                lazy: lazyPage(() => import('./features/admin/people-page.tsx').then((m) => () => <m.PeoplePage mode="admin" />), ['admin']),
              },
              {
                path: 'admin/roster',
                lazy: lazyPage(() => import('./features/roster/roster-page.tsx').then((m) => m.RosterPage), ['admin']),
              },
              {
                path: 'admin/audit',
                lazy: lazyPage(() => import('./features/admin/audit-page.tsx').then((m) => m.AuditPage), ['admin']),
              },
              {
                path: 'admin/recommendations',
                lazy: lazyPage(() => import('./features/recommendations/recommendation-weights-page.tsx').then((m) => m.RecommendationWeightsPage), ['admin']),
              },
              {
                path: 'admin/mentorships',
                lazy: lazyPage(() => import('./features/mentorships/mentorship-settings-page.tsx').then((m) => m.MentorshipSettingsPage), ['admin']),
              },
              {
                path: 'admin/sso',
                lazy: lazyPage(() => import('./features/admin/sso-page.tsx').then((m) => m.SsoPage), ['admin']),
              },
              {
                path: 'admin/academic-calendar',
                lazy: lazyPage(
                  () => import('./features/academic-calendar/academic-calendar-page.tsx').then((m) => m.AcademicCalendarPage),
                  ['advisor', 'admin'],
                ),
              },
              {
                path: 'admin/outbox',
                lazy: lazyPage(() => import('./features/admin/outbox-page.tsx').then((m) => m.OutboxPage), ['admin']),
              },
              { path: 'opportunities', lazy: lazyPage(() => import('./features/opportunities/board-page.tsx').then((m) => m.BoardPage)) },
              {
                path: 'opportunities/applications',
                lazy: lazyPage(() => import('./features/opportunities/my-applications-page.tsx').then((m) => m.MyApplicationsPage), ['student']),
              },
              {
                path: 'opportunities/posted',
                lazy: lazyPage(() => import('./features/opportunities/posted-page.tsx').then((m) => m.PostedPage), ['mentor', 'advisor', 'admin']),
              },
              {
                path: 'opportunities/new',
                lazy: lazyPage(
                  () => import('./features/opportunities/opportunity-form-page.tsx').then((m) => m.OpportunityFormPage),
                  ['mentor', 'advisor', 'admin'],
                ),
              },
              {
                path: 'opportunities/:opportunityId',
                lazy: lazyPage(() => import('./features/opportunities/opportunity-page.tsx').then((m) => m.OpportunityPage)),
              },
              {
                path: 'opportunities/:opportunityId/edit',
                lazy: lazyPage(
                  () => import('./features/opportunities/opportunity-form-page.tsx').then((m) => m.OpportunityFormPage),
                  ['mentor', 'advisor', 'admin'],
                ),
              },
              {
                path: 'opportunities/:opportunityId/applicants',
                lazy: lazyPage(() => import('./features/opportunities/applicants-page.tsx').then((m) => m.ApplicantsPage), ['mentor', 'advisor', 'admin']),
              },
              {
                path: 'opportunities/:opportunityId/applicants/:applicationId/document',
                lazy: lazyPage(
                  () => import('./features/opportunities/application-document-page.tsx').then((m) => m.ApplicationDocumentPage),
                  ['mentor', 'advisor', 'admin'],
                ),
              },
              {
                path: 'experiences',
                lazy: lazyPage(() => import('./features/opportunities/experiences-page.tsx').then((m) => m.ExperiencesPage), ['student']),
              },
              {
                path: 'admin/requirements',
                lazy: lazyPage(() => import('./features/opportunities/office-requirements-page.tsx').then((m) => m.OfficeRequirementsPage), ['admin']),
              },
              {
                path: 'experiences/eras-draft',
                lazy: lazyPage(() => import('./features/opportunities/eras-draft-page.tsx').then((m) => m.ErasDraftPage), ['student']),
              },
              { path: 'community', lazy: lazyPage(() => import('./features/community/community-page.tsx').then((m) => m.CommunityPage)) },
              { path: 'community/ask', lazy: lazyPage(() => import('./features/community/ask-page.tsx').then((m) => m.AskPage), ['student']) },
              { path: 'community/boards/:boardId', lazy: lazyPage(() => import('./features/community/board-page.tsx').then((m) => m.BoardPage)) },
              { path: 'community/questions/:questionId', lazy: lazyPage(() => import('./features/community/question-page.tsx').then((m) => m.QuestionPage)) },
              {
                path: 'community/moderation',
                lazy: lazyPage(() => import('./features/community/moderation-page.tsx').then((m) => m.ModerationPage), ['advisor', 'admin']),
              },
              { path: 'materials', lazy: lazyPage(() => import('./features/materials/documents-page.tsx').then((m) => m.DocumentsPage), ['student']) },
              {
                path: 'materials/documents/:documentId',
                lazy: lazyPage(() => import('./features/materials/document-page.tsx').then((m) => m.DocumentPage), ['student']),
              },
              {
                path: 'materials/documents/:documentId/compare',
                lazy: lazyPage(() => import('./features/materials/compare-page.tsx').then((m) => m.ComparePage), ['student']),
              },
              {
                path: 'materials/versions/:versionId',
                lazy: lazyPage(() => import('./features/materials/version-page.tsx').then((m) => m.VersionPage), ['student', 'mentor', 'advisor']),
              },
              {
                path: 'materials/reviews',
                lazy: lazyPage(() => import('./features/materials/reviews-page.tsx').then((m) => m.ReviewsPage), ['mentor', 'advisor']),
              },
              {
                path: 'mock-interviews',
                lazy: lazyPage(() => import('./features/mock-interviews/mock-interviews-page.tsx').then((m) => m.MockInterviewsPage), ['student']),
              },
              {
                path: 'mock-interviews/interviewing',
                lazy: lazyPage(() => import('./features/mock-interviews/interviewing-page.tsx').then((m) => m.InterviewingPage), ['mentor', 'advisor']),
              },
              {
                path: 'mock-interviews/interviewers',
                lazy: lazyPage(() => import('./features/mock-interviews/interviewers-page.tsx').then((m) => m.InterviewersPage), ['advisor', 'admin']),
              },
              {
                path: 'admin/mock-interviews/rubric',
                lazy: lazyPage(() => import('./features/mock-interviews/rubric-editor-page.tsx').then((m) => m.RubricEditorPage), ['admin']),
              },
              {
                path: 'admin/mock-interviews/questions',
                lazy: lazyPage(() => import('./features/mock-interviews/question-bank-editor-page.tsx').then((m) => m.QuestionBankEditorPage), ['admin']),
              },
              {
                path: 'advising/students/:personId/mock-interviews',
                lazy: lazyPage(() => import('./features/mock-interviews/student-mocks-page.tsx').then((m) => m.StudentMocksPage), ['advisor']),
              },
              {
                path: 'advising/students/:personId/experiences',
                lazy: lazyPage(
                  () => import('./features/opportunities/student-experiences-page.tsx').then((m) => m.StudentExperiencesPage),
                  ['advisor', 'admin'],
                ),
              },
              {
                path: 'mock-interviews/bookings/:bookingId',
                lazy: lazyPage(() => import('./features/mock-interviews/booking-page.tsx').then((m) => m.BookingPage)),
              },
              { path: 'events', lazy: lazyPage(() => import('./features/events/events-page.tsx').then((m) => m.EventsPage)) },
              { path: 'specialties', lazy: lazyPage(() => import('./features/specialties/specialties-page.tsx').then((m) => m.SpecialtiesPage)) },
              { path: 'specialties/:specialtyId', lazy: lazyPage(() => import('./features/specialties/specialty-page.tsx').then((m) => m.SpecialtyPage)) },
              { path: 'interest-groups', lazy: lazyPage(() => import('./features/interest-groups/groups-page.tsx').then((m) => m.InterestGroupsPage)) },
              { path: 'interest-groups/:groupId', lazy: lazyPage(() => import('./features/interest-groups/group-page.tsx').then((m) => m.InterestGroupPage)) },
              {
                path: 'interest-groups/:groupId/events/new',
                lazy: lazyPage(() => import('./features/events/event-form-page.tsx').then((m) => m.EventFormPage), ['student', 'advisor', 'admin']),
              },
              { path: 'timeline', lazy: lazyPage(() => import('./features/curriculum/timeline-page.tsx').then((m) => m.TimelinePage), ['student']) },
              {
                path: 'curriculum/milestones',
                lazy: lazyPage(() => import('./features/curriculum/milestones-page.tsx').then((m) => m.MilestonesPage), ['advisor', 'admin']),
              },
              {
                path: 'curriculum/progress',
                lazy: lazyPage(() => import('./features/curriculum/class-progress-page.tsx').then((m) => m.ClassProgressPage), ['advisor']),
              },
              { path: 'events/new', lazy: lazyPage(() => import('./features/events/event-form-page.tsx').then((m) => m.EventFormPage), ['advisor', 'admin']) },
              { path: 'events/:eventId', lazy: lazyPage(() => import('./features/events/event-page.tsx').then((m) => m.EventPage)) },
              {
                path: 'events/:eventId/check-in',
                lazy: lazyPage(() => import('./features/events/check-in-page.tsx').then((m) => m.CheckInPage), ['advisor', 'admin']),
              },
              {
                path: 'events/:eventId/edit',
                lazy: lazyPage(() => import('./features/events/event-form-page.tsx').then((m) => m.EventFormPage), ['advisor', 'admin']),
              },
              {
                path: 'admin/programs',
                lazy: lazyPage(() => import('./features/mentor-programs/programs-page.tsx').then((m) => m.MentorProgramsPage), ['advisor', 'admin']),
              },
              {
                path: 'admin/programs/new',
                lazy: lazyPage(() => import('./features/mentor-programs/program-form-page.tsx').then((m) => m.MentorProgramFormPage), ['admin']),
              },
              {
                path: 'admin/programs/:mentorProgramId',
                lazy: lazyPage(() => import('./features/mentor-programs/program-page.tsx').then((m) => m.MentorProgramPage), ['advisor', 'admin']),
              },
              {
                path: 'admin/programs/:mentorProgramId/edit',
                lazy: lazyPage(() => import('./features/mentor-programs/program-form-page.tsx').then((m) => m.MentorProgramFormPage), ['admin']),
              },
              {
                path: 'programs',
                lazy: lazyPage(() => import('./features/mentor-programs/my-programs-page.tsx').then((m) => m.MyMentorProgramsPage), ['student', 'mentor']),
              },
              {
                path: 'programs/:mentorProgramId/ranking',
                lazy: lazyPage(() => import('./features/mentor-programs/ranking-page.tsx').then((m) => m.MentorRankingPage), ['student']),
              },
              {
                path: 'reports/school',
                lazy: lazyPage(() => import('./features/reporting/school-dashboard-page.tsx').then((m) => m.SchoolDashboardPage), ['advisor']),
              },
              {
                path: 'reports/school/students',
                lazy: lazyPage(() => import('./features/reporting/students-behind-page.tsx').then((m) => m.StudentsBehindPage), ['advisor']),
              },
              {
                path: 'reports/school/mentors',
                lazy: lazyPage(() => import('./features/reporting/mentors-behind-page.tsx').then((m) => m.MentorsBehindPage), ['advisor']),
              },
              {
                path: 'reports/equity',
                lazy: lazyPage(() => import('./features/reporting/equity-page.tsx').then((m) => m.EquityPage), ['advisor']),
              },
              {
                path: 'reports/outcomes',
                lazy: lazyPage(() => import('./features/reporting/outcomes-page.tsx').then((m) => m.OutcomesPage), ['advisor']),
              },
              {
                path: 'reports/participation',
                lazy: lazyPage(() => import('./features/reporting/participation-page.tsx').then((m) => m.ParticipationPage), ['advisor']),
              },
              {
                path: 'reports/letters',
                lazy: lazyPage(() => import('./features/reporting/letters-dashboard-page.tsx').then((m) => m.LettersDashboardPage), ['advisor']),
              },
              {
                path: 'reports/letters/items',
                lazy: lazyPage(() => import('./features/reporting/letters-behind-page.tsx').then((m) => m.LettersBehindPage), ['advisor']),
              },
              {
                path: 'reports/season',
                lazy: lazyPage(() => import('./features/reporting/season-dashboard-page.tsx').then((m) => m.SeasonDashboardPage), ['advisor']),
              },
              {
                path: 'reports/season/students',
                lazy: lazyPage(() => import('./features/reporting/season-behind-page.tsx').then((m) => m.SeasonBehindPage), ['advisor']),
              },
              { path: 'records', lazy: lazyPage(() => import('./features/records/my-records-page.tsx').then((m) => m.MyRecordsPage), ['student']) },
              { path: 'notifications', lazy: lazyPage(() => import('./features/notifications/notifications-page.tsx').then((m) => m.NotificationsPage)) },
              {
                path: 'records/amendments',
                lazy: lazyPage(() => import('./features/records/office-amendments-page.tsx').then((m) => m.OfficeAmendmentsPage), ['admin']),
              },
              {
                path: 'records/retention',
                lazy: lazyPage(() => import('./features/records/retention-page.tsx').then((m) => m.RetentionPage), ['admin']),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]
