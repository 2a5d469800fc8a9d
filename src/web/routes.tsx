import type { RouteObject } from 'react-router'
import { AppShell, PublicLayout } from './components/app-shell.tsx'
import { RouteFocus } from './components/route-focus.tsx'
import { ErrorPage, NotFoundPage } from './components/status-pages.tsx'
import { useSession } from './api/identity.ts'
import { Loading } from './components/feedback.tsx'
import { AuditPage } from './features/admin/audit-page.tsx'
import { OutboxPage } from './features/admin/outbox-page.tsx'
import { MyMentorProgramsPage } from './features/mentor-programs/my-programs-page.tsx'
import { MentorProgramFormPage } from './features/mentor-programs/program-form-page.tsx'
import { MentorProgramPage } from './features/mentor-programs/program-page.tsx'
import { MentorProgramsPage } from './features/mentor-programs/programs-page.tsx'
import { MentorRankingPage } from './features/mentor-programs/ranking-page.tsx'
import { PeoplePage } from './features/admin/people-page.tsx'
import { DirectoryPage } from './features/directory/directory-page.tsx'
import { MentorPage } from './features/directory/mentor-page.tsx'
import { HomePage } from './features/home/home-page.tsx'
import { AdminLettersPage } from './features/letters/admin-letters-page.tsx'
import { LetterRequestPage } from './features/letters/letter-request-page.tsx'
import { MyLettersPage } from './features/letters/my-letters-page.tsx'
import { NewLetterRequestPage } from './features/letters/new-letter-request-page.tsx'
import { StudentLettersPage } from './features/letters/student-letters-page.tsx'
import { UploadByLinkPage } from './features/letters/upload-by-link-page.tsx'
import { WriterLettersPage } from './features/letters/writer-letters-page.tsx'
import { AvailabilityPage } from './features/mentorships/availability-page.tsx'
import { QuietMentorshipsPage } from './features/mentorships/quiet-mentorships-page.tsx'
import { MentorshipPage } from './features/mentorships/mentorship-page.tsx'
import { MentorshipSettingsPage } from './features/mentorships/mentorship-settings-page.tsx'
import { MyMentorshipsPage } from './features/mentorships/my-mentorships-page.tsx'
import { RequireAuth, RequireRole } from './features/identity/require-auth.tsx'
import { ForgotPasswordPage, SignInLinkPage } from './features/identity/request-link-pages.tsx'
import { SignInPage } from './features/identity/sign-in-page.tsx'
import { AcceptInvitePage, MagicLinkPage, ResetPasswordPage } from './features/identity/token-pages.tsx'
import { ProfileEditPage } from './features/profiles/profile-edit-page.tsx'
import { MentorsForYouPage } from './features/recommendations/mentors-for-you-page.tsx'
import { CalibrationPage } from './features/calibration/calibration-page.tsx'
import { PastOutcomesImportPage } from './features/calibration/past-outcomes-import-page.tsx'
import { ProgramExplorerPage } from './features/residency-programs/program-explorer-page.tsx'
import { ProgramImportPage } from './features/residency-programs/program-import-page.tsx'
import { ProgramPage as ResidencyProgramPage } from './features/residency-programs/program-page.tsx'
import { RecommendationWeightsPage } from './features/recommendations/recommendation-weights-page.tsx'
import { MyProfilePage, PersonProfilePage } from './features/profiles/profile-page.tsx'
import { AdvisorsAdminPage } from './features/advising/advisors-admin-page.tsx'
import { MyBoardPage } from './features/advising/my-board-page.tsx'
import { MyStudentsPage } from './features/advising/my-students-page.tsx'
import { StudentBoardPage } from './features/advising/student-board-page.tsx'
import { ApplicationProfilePage } from './features/list-builder/application-profile-page.tsx'
import { ListBuilderPage } from './features/list-builder/list-builder-page.tsx'
import { ResidencyProgramListPage } from './features/list-builder/my-programs-page.tsx'
import { AdvisedRankListsPage } from './features/rank-lists/advised-rank-lists-page.tsx'
import { RankListPage } from './features/rank-lists/rank-list-page.tsx'
import { RankListReviewPage } from './features/rank-lists/rank-list-review-page.tsx'
import { ClassSimulationPage } from './features/class-simulation/class-simulation-page.tsx'
import { ClassSimulationRunPage } from './features/class-simulation/class-simulation-run-page.tsx'

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
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'sign-in/link', element: <SignInLinkPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'auth/magic', element: <MagicLinkPage /> },
          { path: 'auth/reset', element: <ResetPasswordPage /> },
          { path: 'auth/invite', element: <AcceptInvitePage /> },
          // Writers without an account open this from their e-mail, signed in or not.
          { path: 'letters/upload/:token', element: <UploadByLinkPage /> },
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
              { index: true, element: <HomePage /> },
              { path: 'profile', element: <MyProfilePage /> },
              { path: 'profile/edit', element: <ProfileEditPage /> },
              {
                path: 'people',
                element: (
                  <RequireRole roles={['advisor', 'admin']}>
                    <PeoplePage mode="directory" />
                  </RequireRole>
                ),
              },
              { path: 'people/:personId', element: <PersonProfilePage /> },
              { path: 'mentors', element: <DirectoryPage /> },
              {
                path: 'mentors/for-you',
                element: (
                  <RequireRole roles={['student']}>
                    <MentorsForYouPage />
                  </RequireRole>
                ),
              },
              { path: 'mentors/:personId', element: <MentorPage /> },
              {
                path: 'advising',
                element: (
                  <RequireRole roles={['student', 'advisor', 'admin']}>
                    <MyBoardPage />
                  </RequireRole>
                ),
              },
              {
                path: 'advising/students',
                element: (
                  <RequireRole roles={['advisor']}>
                    <MyStudentsPage />
                  </RequireRole>
                ),
              },
              {
                path: 'advising/students/:personId',
                element: (
                  <RequireRole roles={['advisor']}>
                    <StudentBoardPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/advisors',
                element: (
                  <RequireRole roles={['admin']}>
                    <AdvisorsAdminPage />
                  </RequireRole>
                ),
              },
              {
                path: 'mentorships',
                element: (
                  <RequireRole roles={['student', 'mentor']}>
                    <MyMentorshipsPage />
                  </RequireRole>
                ),
              },
              {
                path: 'mentorships/availability',
                element: (
                  <RequireRole roles={['mentor']}>
                    <AvailabilityPage />
                  </RequireRole>
                ),
              },
              {
                path: 'mentorships/quiet',
                element: (
                  <RequireRole roles={['advisor', 'admin']}>
                    <QuietMentorshipsPage />
                  </RequireRole>
                ),
              },
              { path: 'mentorships/:mentorshipId', element: <MentorshipPage /> },
              {
                path: 'residency/calibration',
                element: (
                  <RequireRole roles={['advisor', 'admin']}>
                    <CalibrationPage />
                  </RequireRole>
                ),
              },
              {
                path: 'residency/calibration/import',
                element: (
                  <RequireRole roles={['admin']}>
                    <PastOutcomesImportPage />
                  </RequireRole>
                ),
              },
              { path: 'residency/programs', element: <ProgramExplorerPage /> },
              {
                path: 'residency/programs/import',
                element: (
                  <RequireRole roles={['admin']}>
                    <ProgramImportPage />
                  </RequireRole>
                ),
              },
              { path: 'residency/programs/:programId', element: <ResidencyProgramPage /> },
              {
                path: 'residency/profile',
                element: (
                  <RequireRole roles={['student']}>
                    <ApplicationProfilePage />
                  </RequireRole>
                ),
              },
              {
                path: 'residency/list-builder',
                element: (
                  <RequireRole roles={['student']}>
                    <ListBuilderPage />
                  </RequireRole>
                ),
              },
              {
                path: 'residency/my-programs',
                element: (
                  <RequireRole roles={['student']}>
                    <ResidencyProgramListPage />
                  </RequireRole>
                ),
              },
              {
                path: 'residency/students/:personId/list-builder',
                element: (
                  <RequireRole roles={['advisor']}>
                    <ListBuilderPage />
                  </RequireRole>
                ),
              },
              {
                path: 'residency/students/:personId/programs',
                element: (
                  <RequireRole roles={['advisor']}>
                    <ResidencyProgramListPage />
                  </RequireRole>
                ),
              },
              {
                path: 'residency/rank-list',
                element: (
                  <RequireRole roles={['student']}>
                    <RankListPage />
                  </RequireRole>
                ),
              },
              {
                path: 'residency/rank-lists',
                element: (
                  <RequireRole roles={['advisor']}>
                    <AdvisedRankListsPage />
                  </RequireRole>
                ),
              },
              {
                path: 'residency/students/:studentId/rank-list',
                element: (
                  <RequireRole roles={['advisor']}>
                    <RankListReviewPage />
                  </RequireRole>
                ),
              },
              {
                path: 'residency/class-simulation',
                element: (
                  <RequireRole roles={['advisor']}>
                    <ClassSimulationPage />
                  </RequireRole>
                ),
              },
              {
                path: 'residency/class-simulation/:simulationId',
                element: (
                  <RequireRole roles={['advisor']}>
                    <ClassSimulationRunPage />
                  </RequireRole>
                ),
              },
              {
                path: 'letters',
                element: (
                  <RequireRole roles={['student']}>
                    <MyLettersPage />
                  </RequireRole>
                ),
              },
              {
                path: 'letters/new',
                element: (
                  <RequireRole roles={['student']}>
                    <NewLetterRequestPage />
                  </RequireRole>
                ),
              },
              {
                path: 'letters/writing',
                element: (
                  <RequireRole roles={['mentor']}>
                    <WriterLettersPage />
                  </RequireRole>
                ),
              },
              {
                path: 'letters/students/:personId',
                element: (
                  <RequireRole roles={['advisor', 'admin']}>
                    <StudentLettersPage />
                  </RequireRole>
                ),
              },
              { path: 'letters/:letterRequestId', element: <LetterRequestPage /> },
              {
                path: 'admin/letters',
                element: (
                  <RequireRole roles={['admin']}>
                    <AdminLettersPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/people',
                element: (
                  <RequireRole roles={['admin']}>
                    <PeoplePage mode="admin" />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/audit',
                element: (
                  <RequireRole roles={['admin']}>
                    <AuditPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/recommendations',
                element: (
                  <RequireRole roles={['admin']}>
                    <RecommendationWeightsPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/mentorships',
                element: (
                  <RequireRole roles={['admin']}>
                    <MentorshipSettingsPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/outbox',
                element: (
                  <RequireRole roles={['admin']}>
                    <OutboxPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/programs',
                element: (
                  <RequireRole roles={['advisor', 'admin']}>
                    <MentorProgramsPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/programs/new',
                element: (
                  <RequireRole roles={['admin']}>
                    <MentorProgramFormPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/programs/:mentorProgramId',
                element: (
                  <RequireRole roles={['advisor', 'admin']}>
                    <MentorProgramPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/programs/:mentorProgramId/edit',
                element: (
                  <RequireRole roles={['admin']}>
                    <MentorProgramFormPage />
                  </RequireRole>
                ),
              },
              {
                path: 'programs',
                element: (
                  <RequireRole roles={['student', 'mentor']}>
                    <MyMentorProgramsPage />
                  </RequireRole>
                ),
              },
              {
                path: 'programs/:mentorProgramId/ranking',
                element: (
                  <RequireRole roles={['student']}>
                    <MentorRankingPage />
                  </RequireRole>
                ),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]
