import type { Role } from '#shared/enums.ts'

/**
 * Every API route and who may call it: the specification the authorization tests hold the
 * application to. Written by hand on purpose — it is checked against the routes the app
 * really serves, so a new route cannot ship without an entry here.
 *
 * `public`: anyone, signed in or not. `signed-in`: any active person. A list: those roles only.
 */
export type Allowed = 'public' | 'signed-in' | readonly Role[]

export type MatrixEntry = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; allowed: Allowed }

export const AUTHORIZATION_MATRIX: readonly MatrixEntry[] = [
  { method: 'GET', path: '/api/health', allowed: 'public' },
  { method: 'GET', path: '/api/openapi.json', allowed: 'public' },
  { method: 'GET', path: '/api/demo-accounts', allowed: 'public' },

  { method: 'POST', path: '/api/auth/sign-in', allowed: 'public' },
  { method: 'POST', path: '/api/auth/sign-out', allowed: 'signed-in' },
  { method: 'GET', path: '/api/auth/session', allowed: 'signed-in' },
  { method: 'POST', path: '/api/auth/magic-link', allowed: 'public' },
  { method: 'POST', path: '/api/auth/magic-link/consume', allowed: 'public' },
  { method: 'POST', path: '/api/auth/password-reset', allowed: 'public' },
  { method: 'POST', path: '/api/auth/password-reset/complete', allowed: 'public' },
  { method: 'POST', path: '/api/auth/invite/accept', allowed: 'public' },
  { method: 'POST', path: '/api/auth/change-password', allowed: 'signed-in' },

  { method: 'GET', path: '/api/reference', allowed: 'signed-in' },
  { method: 'GET', path: '/api/profiles/me', allowed: 'signed-in' },
  { method: 'PATCH', path: '/api/profiles/me', allowed: 'signed-in' },
  { method: 'PATCH', path: '/api/profiles/me/student', allowed: ['student'] },
  { method: 'PATCH', path: '/api/profiles/me/mentor', allowed: ['mentor'] },
  { method: 'PATCH', path: '/api/profiles/me/advisor', allowed: ['advisor'] },
  { method: 'PUT', path: '/api/profiles/me/photo', allowed: 'signed-in' },
  { method: 'DELETE', path: '/api/profiles/me/photo', allowed: 'signed-in' },
  { method: 'GET', path: '/api/profiles/:personId', allowed: 'signed-in' },
  { method: 'GET', path: '/api/people/:personId/photo', allowed: 'signed-in' },

  { method: 'GET', path: '/api/people', allowed: ['advisor', 'admin'] },
  { method: 'GET', path: '/api/people/students-summary', allowed: ['advisor', 'admin'] },
  { method: 'GET', path: '/api/admin/summary', allowed: ['admin'] },
  { method: 'GET', path: '/api/admin/people', allowed: ['admin'] },
  { method: 'POST', path: '/api/admin/people', allowed: ['admin'] },
  { method: 'PUT', path: '/api/admin/people/:personId/roles', allowed: ['admin'] },
  { method: 'POST', path: '/api/admin/people/:personId/disable', allowed: ['admin'] },
  { method: 'POST', path: '/api/admin/people/:personId/enable', allowed: ['admin'] },
  { method: 'POST', path: '/api/admin/people/:personId/resend-invite', allowed: ['admin'] },
  { method: 'GET', path: '/api/admin/audit-log', allowed: ['admin'] },
  { method: 'GET', path: '/api/admin/outbox', allowed: ['admin'] },

  { method: 'GET', path: '/api/letters/mine', allowed: ['student'] },
  { method: 'GET', path: '/api/letters/writing', allowed: ['mentor'] },
  { method: 'GET', path: '/api/letters/students/:personId', allowed: ['advisor', 'admin'] },
  { method: 'GET', path: '/api/letters/all', allowed: ['admin'] },
  { method: 'POST', path: '/api/letters/waiver-revocations', allowed: ['student'] },
  { method: 'POST', path: '/api/letter-requests', allowed: ['student'] },
  { method: 'GET', path: '/api/letter-requests/:letterRequestId', allowed: 'signed-in' },
  { method: 'POST', path: '/api/letter-requests/:letterRequestId/withdraw', allowed: ['student'] },
  { method: 'POST', path: '/api/letter-requests/:letterRequestId/nudge', allowed: ['student'] },
  { method: 'POST', path: '/api/letter-requests/:letterRequestId/thanked', allowed: ['student'] },
  { method: 'POST', path: '/api/letter-requests/:letterRequestId/accept', allowed: ['mentor'] },
  { method: 'POST', path: '/api/letter-requests/:letterRequestId/decline', allowed: ['mentor'] },
  { method: 'POST', path: '/api/letter-requests/:letterRequestId/in-progress', allowed: ['mentor'] },
  { method: 'POST', path: '/api/letter-requests/:letterRequestId/deliver', allowed: ['admin'] },
  { method: 'PUT', path: '/api/letter-requests/:letterRequestId/packet/:document', allowed: ['student'] },
  { method: 'GET', path: '/api/letter-requests/:letterRequestId/packet/:document', allowed: 'signed-in' },
  { method: 'PUT', path: '/api/letter-requests/:letterRequestId/letter', allowed: ['mentor'] },
  { method: 'GET', path: '/api/letter-requests/:letterRequestId/letter', allowed: 'signed-in' },
  { method: 'POST', path: '/api/letter-requests/:letterRequestId/upload-link', allowed: ['student', 'admin'] },
  { method: 'DELETE', path: '/api/letter-requests/:letterRequestId/upload-link', allowed: ['student', 'admin'] },
  { method: 'GET', path: '/api/letter-upload/:token', allowed: 'public' },
  { method: 'GET', path: '/api/letter-upload/:token/packet/:document', allowed: 'public' },
  { method: 'PUT', path: '/api/letter-upload/:token/letter', allowed: 'public' },

  { method: 'GET', path: '/api/directory/mentors', allowed: 'signed-in' },
  { method: 'GET', path: '/api/directory/mentors/:personId', allowed: 'signed-in' },

  { method: 'GET', path: '/api/recommendations/mentors', allowed: ['student'] },
  { method: 'GET', path: '/api/admin/recommendation-weights', allowed: ['admin'] },

  { method: 'POST', path: '/api/mentorship-requests', allowed: ['student'] },
  { method: 'POST', path: '/api/mentorship-offers', allowed: ['mentor'] },
  { method: 'GET', path: '/api/mentorship-requests/mine', allowed: 'signed-in' },
  { method: 'GET', path: '/api/mentorship-requests/:mentorshipRequestId', allowed: 'signed-in' },
  { method: 'POST', path: '/api/mentorship-requests/:mentorshipRequestId/accept', allowed: ['student', 'mentor'] },
  { method: 'POST', path: '/api/mentorship-requests/:mentorshipRequestId/decline', allowed: ['student', 'mentor'] },
  { method: 'POST', path: '/api/mentorship-requests/:mentorshipRequestId/withdraw', allowed: ['student', 'mentor'] },
  { method: 'GET', path: '/api/mentorships/settings', allowed: ['admin'] },
  { method: 'PATCH', path: '/api/mentorships/settings', allowed: ['admin'] },
  { method: 'GET', path: '/api/mentorships/quiet', allowed: ['advisor', 'admin'] },
  { method: 'GET', path: '/api/mentorships/feedback', allowed: ['advisor', 'admin'] },
  { method: 'GET', path: '/api/mentorships/hours.csv', allowed: ['mentor'] },
  { method: 'GET', path: '/api/mentorships/mine', allowed: 'signed-in' },
  { method: 'GET', path: '/api/mentorships/:mentorshipId', allowed: 'signed-in' },
  { method: 'POST', path: '/api/mentorships/:mentorshipId/goals', allowed: 'signed-in' },
  { method: 'PATCH', path: '/api/mentorships/:mentorshipId/goals/:goalId', allowed: 'signed-in' },
  { method: 'POST', path: '/api/mentorships/:mentorshipId/action-items', allowed: 'signed-in' },
  { method: 'PATCH', path: '/api/mentorships/:mentorshipId/action-items/:actionItemId', allowed: 'signed-in' },
  { method: 'POST', path: '/api/mentorships/:mentorshipId/notes', allowed: 'signed-in' },
  { method: 'POST', path: '/api/mentorships/:mentorshipId/private-notes-access', allowed: ['admin'] },
  { method: 'POST', path: '/api/mentorships/:mentorshipId/make-ongoing', allowed: 'signed-in' },
  { method: 'POST', path: '/api/mentorships/:mentorshipId/close', allowed: 'signed-in' },
  { method: 'GET', path: '/api/availability/me', allowed: ['mentor'] },
  { method: 'PUT', path: '/api/availability/me', allowed: ['mentor'] },
  { method: 'GET', path: '/api/mentorships/:mentorshipId/free-slots', allowed: 'signed-in' },
  { method: 'POST', path: '/api/mentorships/:mentorshipId/meetings', allowed: 'signed-in' },
  { method: 'POST', path: '/api/meetings/:meetingId/confirm', allowed: 'signed-in' },
  { method: 'POST', path: '/api/meetings/:meetingId/reschedule', allowed: 'signed-in' },
  { method: 'POST', path: '/api/meetings/:meetingId/cancel', allowed: 'signed-in' },
  { method: 'POST', path: '/api/meetings/:meetingId/feedback', allowed: 'signed-in' },
  { method: 'POST', path: '/api/calendar/feed', allowed: 'signed-in' },
  { method: 'GET', path: '/api/calendar/:feed', allowed: 'public' },

  { method: 'GET', path: '/api/mentor-programs', allowed: ['advisor', 'admin'] },
  { method: 'POST', path: '/api/mentor-programs', allowed: ['admin'] },
  { method: 'GET', path: '/api/mentor-programs/mine', allowed: ['student', 'mentor'] },
  { method: 'GET', path: '/api/mentor-programs/:mentorProgramId', allowed: ['advisor', 'admin'] },
  { method: 'PATCH', path: '/api/mentor-programs/:mentorProgramId', allowed: ['admin'] },
  { method: 'POST', path: '/api/mentor-programs/:mentorProgramId/conflicts', allowed: ['admin'] },
  { method: 'DELETE', path: '/api/mentor-programs/:mentorProgramId/conflicts/:conflictId', allowed: ['admin'] },
  { method: 'POST', path: '/api/mentor-programs/:mentorProgramId/open-ranking', allowed: ['admin'] },
  { method: 'POST', path: '/api/mentor-programs/:mentorProgramId/run', allowed: ['admin'] },
  { method: 'GET', path: '/api/mentor-programs/:mentorProgramId/draft', allowed: ['advisor', 'admin'] },
  { method: 'POST', path: '/api/mentor-programs/:mentorProgramId/pairs', allowed: ['admin'] },
  { method: 'POST', path: '/api/mentor-programs/:mentorProgramId/publish', allowed: ['admin'] },
  { method: 'POST', path: '/api/mentor-programs/:mentorProgramId/archive', allowed: ['admin'] },
  { method: 'GET', path: '/api/mentor-programs/:mentorProgramId/ranking', allowed: ['student'] },
  { method: 'PUT', path: '/api/mentor-programs/:mentorProgramId/ranking', allowed: ['student'] },
  { method: 'PUT', path: '/api/mentor-programs/:mentorProgramId/continuation', allowed: ['student', 'mentor'] },
  { method: 'GET', path: '/api/list-builder/profile', allowed: ['student'] },
  { method: 'PUT', path: '/api/list-builder/profile', allowed: ['student'] },
  { method: 'GET', path: '/api/list-builder/students/:personId/profile', allowed: ['advisor'] },
  { method: 'GET', path: '/api/list-builder/chances', allowed: ['student'] },
  { method: 'GET', path: '/api/list-builder/students/:personId/chances', allowed: ['advisor'] },
  { method: 'GET', path: '/api/list-builder/my-programs', allowed: ['student'] },
  { method: 'POST', path: '/api/list-builder/my-programs', allowed: ['student'] },
  { method: 'PATCH', path: '/api/list-builder/my-programs/:programId', allowed: ['student'] },
  { method: 'GET', path: '/api/list-builder/students/:personId/programs', allowed: ['advisor'] },
]

/**
 * Placeholder values for path parameters other than `:personId` (which the tests fill with a
 * real person): ids that exist nowhere, so an allowed caller gets past authorization to a 4xx.
 */
export const PATH_PLACEHOLDERS: Readonly<Record<string, string>> = {
  programId: 'no-such-program',
  letterRequestId: '00000000-0000-4000-8000-0000000000a1',
  document: 'cv',
  token: 'no-such-upload-link',
  mentorshipRequestId: '00000000-0000-4000-8000-0000000000b1',
  mentorshipId: '00000000-0000-4000-8000-0000000000b2',
  goalId: '00000000-0000-4000-8000-0000000000b3',
  actionItemId: '00000000-0000-4000-8000-0000000000b4',
  meetingId: '00000000-0000-4000-8000-0000000000b5',
  feed: 'no-such-calendar-feed-000000.ics',
  mentorProgramId: '00000000-0000-4000-8000-0000000000c1',
  conflictId: '00000000-0000-4000-8000-0000000000c2',
}

/** The path with `:personId` set to `personId` and every other parameter to its placeholder. */
export function fillPath(path: string, personId: string): string {
  return path.replace(':personId', personId).replace(/:([A-Za-z]+)/g, (whole, name: string) => PATH_PLACEHOLDERS[name] ?? whole)
}
