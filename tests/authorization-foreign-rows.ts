import type { Role } from '#shared/enums.ts'

/**
 * The object-level half of the authorization specification: for every route of
 * `AUTHORIZATION_MATRIX` that takes an id, what a caller whose role the route allows, but who
 * has nothing to do with the row, gets when given a real row that belongs to someone else
 * (another student's mentorship, letter request, rank order list, simulation, …).
 *
 * - `owner-only`: such a stranger is refused (403 or 404), except the roles in `strangers`
 *   (with the reason they may). A write carries a valid `body` (or a PDF), so that what answers
 *   is the ownership check, never the input's validation.
 * - `shared`: the row is not anyone's private record (the mentor directory, a program of the
 *   national catalogue, a profile that follows its own visibility settings): every allowed role
 *   may read it.
 * - `bearer`: the path holds a secret (an upload link, a calendar feed); holding it is the
 *   permission, and those routes are tested where their secrets are made.
 * - `school`: the office's own records with no student owner (calibrations, mentor programs as
 *   a whole), for the staff roles the matrix lists.
 *
 * `row` picks whose id fills a parameter where the owner student's own is not the point (the
 * directory shows mentors; admin actions on a person use a spare account so they change no one
 * the other checks rely on).
 */
export type ForeignRowRule =
  | { kind: 'owner-only'; strangers?: readonly Role[]; why?: string; body?: unknown; pdf?: true; row?: RowChoice }
  | { kind: 'shared' | 'bearer' | 'school'; why: string; row?: RowChoice; body?: unknown; okStatuses?: readonly number[] }

export type RowChoice = { personId?: 'owner' | 'mentor' | 'spare' }

const OFFICE_DELIVERS = 'the office delivers letters and their packets to ERAS (decision 008)'
const OFFICE_OVERSEES = 'admins oversee mentorships (quiet ones, complaints); private notes stay out unless an audited reason is given'
const reply = { message: 'Checking in.' }
const groupEventBody = {
  title: 'Forged group event',
  kind: 'interest-group-meeting',
  startAt: '2026-11-10T17:00:00Z',
  endAt: '2026-11-10T18:00:00Z',
  room: 'Room 1',
  host: 'Another group',
  rsvpClosesAt: '2026-11-10T17:00:00Z',
}

export const FOREIGN_ROW_RULES: Readonly<Record<string, ForeignRowRule>> = {
  'GET /api/profiles/:personId': {
    kind: 'owner-only',
    strangers: ['advisor', 'admin'],
    why: 'staff see every profile; a mentor’s profile is open to all (tested with the mentor), a student’s follows its visibility setting',
  },
  'GET /api/people/:personId/photo': {
    kind: 'shared',
    why: 'photos are shown wherever a name is; none uploaded is 404 for everyone alike',
    okStatuses: [200, 404],
  },
  'PUT /api/admin/people/:personId/roles': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'admins manage every account',
    body: { roles: ['student'] },
    row: { personId: 'spare' },
  },
  'PUT /api/admin/people/:personId/school-wide': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'admins manage every account',
    body: { schoolWide: false },
    row: { personId: 'spare' },
  },
  'PUT /api/admin/people/:personId/class-year': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'admins keep the school’s facts about every student',
    body: { classYear: 'M2' },
    row: { personId: 'spare' },
  },
  'PUT /api/admin/people/:personId/enrollment': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'admins keep the school’s facts about every student (decision 020)',
    body: { enrollment: 'enrolled' },
    row: { personId: 'spare' },
  },
  'POST /api/admin/people/:personId/disable': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'admins manage every account',
    body: {},
    row: { personId: 'spare' },
  },
  'POST /api/admin/people/:personId/enable': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'admins manage every account',
    body: {},
    row: { personId: 'spare' },
  },
  'POST /api/admin/people/:personId/resend-invite': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'admins manage every account',
    body: {},
    row: { personId: 'spare' },
  },

  'GET /api/letters/students/:personId': { kind: 'owner-only', strangers: ['admin'], why: OFFICE_DELIVERS },
  'GET /api/letter-requests/:letterRequestId': { kind: 'owner-only', strangers: ['admin'], why: OFFICE_DELIVERS },
  'POST /api/letter-requests/:letterRequestId/withdraw': { kind: 'owner-only', body: {} },
  'POST /api/letter-requests/:letterRequestId/nudge': { kind: 'owner-only', body: {} },
  'POST /api/letter-requests/:letterRequestId/thanked': { kind: 'owner-only', body: {} },
  'POST /api/letter-requests/:letterRequestId/accept': { kind: 'owner-only', body: reply },
  'POST /api/letter-requests/:letterRequestId/decline': { kind: 'owner-only', body: reply },
  'POST /api/letter-requests/:letterRequestId/in-progress': { kind: 'owner-only', body: reply },
  'POST /api/letter-requests/:letterRequestId/deliver': { kind: 'owner-only', strangers: ['admin'], why: OFFICE_DELIVERS, body: {} },
  'PUT /api/letter-requests/:letterRequestId/packet/:document': { kind: 'owner-only', pdf: true },
  'PUT /api/letter-requests/:letterRequestId/packet/:document/from-materials': {
    kind: 'owner-only',
    body: { versionId: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' },
  },
  'GET /api/letter-requests/:letterRequestId/packet/:document': { kind: 'owner-only', strangers: ['admin'], why: OFFICE_DELIVERS },
  'PUT /api/letter-requests/:letterRequestId/letter': { kind: 'owner-only', pdf: true },
  'GET /api/letter-requests/:letterRequestId/letter': { kind: 'owner-only', strangers: ['admin'], why: OFFICE_DELIVERS },
  'POST /api/letter-requests/:letterRequestId/upload-link': { kind: 'owner-only', strangers: ['admin'], why: OFFICE_DELIVERS, body: {} },
  'DELETE /api/letter-requests/:letterRequestId/upload-link': { kind: 'owner-only', strangers: ['admin'], why: OFFICE_DELIVERS },
  'GET /api/letter-upload/:token': { kind: 'bearer', why: 'the one-time link is the writer’s permission' },
  'GET /api/letter-upload/:token/packet/:document': { kind: 'bearer', why: 'the one-time link is the writer’s permission' },
  'PUT /api/letter-upload/:token/letter': { kind: 'bearer', why: 'the one-time link is the writer’s permission' },
  'POST /api/letter-upload/:token/decline': { kind: 'bearer', why: 'the one-time link is the writer’s permission' },

  'GET /api/directory/mentors/:personId': { kind: 'shared', why: 'the mentor directory is open to everyone signed in', row: { personId: 'mentor' } },

  'GET /api/advising/students/:personId/board': { kind: 'owner-only' },
  'DELETE /api/advising/assignments/:assignmentId': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'admins assign advisors and keep boards for the whole school',
  },
  // Only the person asked may answer; no one answers for them, an admin included.
  'POST /api/advising/agreements/:assignmentId/accept': { kind: 'owner-only', body: {} },
  'POST /api/advising/agreements/:assignmentId/decline': { kind: 'owner-only', body: { reason: 'Not this year.' } },

  'GET /api/mentorship-requests/:mentorshipRequestId': { kind: 'owner-only', strangers: ['admin'], why: OFFICE_OVERSEES },
  'POST /api/mentorship-requests/:mentorshipRequestId/accept': { kind: 'owner-only', body: {} },
  'POST /api/mentorship-requests/:mentorshipRequestId/decline': { kind: 'owner-only', body: { reason: 'at-capacity' } },
  'POST /api/mentorship-requests/:mentorshipRequestId/withdraw': { kind: 'owner-only', body: {} },
  'GET /api/mentorships/:mentorshipId': { kind: 'owner-only', strangers: ['admin'], why: OFFICE_OVERSEES },
  'POST /api/mentorships/:mentorshipId/goals': { kind: 'owner-only', body: { title: 'Someone else’s goal' } },
  'PATCH /api/mentorships/:mentorshipId/goals/:goalId': { kind: 'owner-only', body: { progress: 50 } },
  'POST /api/mentorships/:mentorshipId/action-items': { kind: 'owner-only', body: { title: 'Someone else’s item', dueDate: null } },
  'PATCH /api/mentorships/:mentorshipId/action-items/:actionItemId': { kind: 'owner-only', body: { done: true } },
  'POST /api/mentorships/:mentorshipId/notes': { kind: 'owner-only', body: { body: 'A note in someone else’s mentorship', visibility: 'shared' } },
  'POST /api/mentorships/:mentorshipId/private-notes-access': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'an admin may read private notes for a stated, audited reason',
    body: { reason: 'A safety concern was reported to the office.' },
  },
  'POST /api/mentorships/:mentorshipId/make-ongoing': { kind: 'owner-only', body: {} },
  'POST /api/mentorships/:mentorshipId/close': { kind: 'owner-only', body: { reason: 'goals-met' } },
  'GET /api/mentorships/:mentorshipId/free-slots': { kind: 'owner-only' },
  'POST /api/mentorships/:mentorshipId/meetings': { kind: 'owner-only', body: { mode: 'propose', startAt: '2030-01-15T15:00:00Z' } },
  'POST /api/meetings/:meetingId/confirm': { kind: 'owner-only', body: {} },
  'POST /api/meetings/:meetingId/reschedule': { kind: 'owner-only', body: { startAt: '2030-01-16T15:00:00Z' } },
  'POST /api/meetings/:meetingId/cancel': { kind: 'owner-only', body: {} },
  'POST /api/meetings/:meetingId/feedback': { kind: 'owner-only', body: { rating: 5 } },
  'GET /api/meetings/:meetingId/calendar.ics': { kind: 'owner-only' },
  'GET /api/calendar/:feed': { kind: 'bearer', why: 'the feed address is the calendar’s permission' },

  'GET /api/residency-programs/:programId': { kind: 'shared', why: 'programs are the national catalogue' },
  'PUT /api/residency-programs/:programId/saved': { kind: 'shared', why: 'saving a catalogue program writes to the caller’s own list' },
  'DELETE /api/residency-programs/:programId/saved': { kind: 'shared', why: 'unsaving writes to the caller’s own list' },
  'GET /api/events/:eventId': {
    kind: 'owner-only',
    strangers: ['advisor', 'admin'],
    why: 'staff run the events and see every one; a student sees the events of their class year, a mentor only those open to every student',
  },
  'GET /api/events/:eventId/calendar.ics': {
    kind: 'owner-only',
    strangers: ['advisor', 'admin'],
    why: 'the calendar file of an event follows who may see the event',
  },
  'PUT /api/events/:eventId': { kind: 'school', why: 'an event is the office’s, run by its staff' },
  'POST /api/events/:eventId/cancel': { kind: 'school', why: 'an event is the office’s, run by its staff' },
  'POST /api/events/:eventId/rsvp': { kind: 'owner-only' },
  'POST /api/events/:eventId/rsvp/cancel': { kind: 'owner-only' },
  // The owner student leads the group; the stranger student leads a group of their own.
  'GET /api/interest-groups/:groupId': { kind: 'shared', why: 'every group is open to all; members on a directory hold are left out of what others see' },
  'PUT /api/interest-groups/:groupId': { kind: 'school', why: 'the office names a group’s leaders and advisor' },
  'POST /api/interest-groups/:groupId/join': { kind: 'shared', why: 'any student may join any group' },
  'POST /api/interest-groups/:groupId/leave': { kind: 'shared', why: 'leaving a group one is not in changes nothing' },
  'DELETE /api/interest-groups/:groupId/members/:personId': {
    kind: 'owner-only',
    strangers: ['advisor', 'admin'],
    why: 'the office runs every group (a spare account, not a member: 404)',
    row: { personId: 'spare' },
  },
  'POST /api/interest-groups/:groupId/announcements': {
    kind: 'owner-only',
    strangers: ['advisor', 'admin'],
    why: 'the office may write to any group’s members; a leader of another group may not',
    body: { subject: 'Forged', body: 'Not from this group.' },
  },
  'POST /api/interest-groups/:groupId/events': {
    kind: 'owner-only',
    strangers: ['advisor', 'admin'],
    why: 'the office may hold an event for any group; a leader of another group may not',
    body: groupEventBody,
  },
  'PUT /api/interest-groups/:groupId/events/:eventId': {
    kind: 'owner-only',
    strangers: ['advisor', 'admin'],
    why: 'the office runs every group (the office’s own event is not the group’s: 404)',
    body: groupEventBody,
  },
  'POST /api/interest-groups/:groupId/events/:eventId/cancel': {
    kind: 'owner-only',
    strangers: ['advisor', 'admin'],
    why: 'the office runs every group (the office’s own event is not the group’s: 404)',
  },
  'GET /api/specialties/:specialtyId': { kind: 'shared', why: 'a specialty’s page is for everyone; what it lists follows each owner’s rules' },
  'PUT /api/departments/:departmentId/advising': {
    kind: 'school',
    why: 'the office names each department’s specialty advisor',
    body: { specialtyAdvisorEmail: null, chairEmail: null, chairAvailability: '' },
  },
  'GET /api/events/:eventId/slots': {
    kind: 'owner-only',
    strangers: ['advisor', 'admin'],
    why: 'staff run the events and see every slot; a student sees the slots of the events of their audience',
  },
  'POST /api/events/:eventId/slots': { kind: 'school', why: 'an event is the office’s, run by its staff' },
  'DELETE /api/events/:eventId/slots/:slotId': { kind: 'school', why: 'an event is the office’s, run by its staff' },
  'POST /api/events/:eventId/slots/:slotId/book': { kind: 'owner-only' },
  'POST /api/events/:eventId/slots/cancel': { kind: 'owner-only' },
  'GET /api/events/:eventId/series': {
    kind: 'owner-only',
    strangers: ['advisor', 'admin'],
    why: 'staff run the events and see every series; a student sees the series of the events of their audience',
  },
  'POST /api/events/:eventId/series/cancel-rest': { kind: 'school', why: 'an event is the office’s, run by its staff' },
  'GET /api/events/:eventId/attendance': { kind: 'school', why: 'the staff who run events check people in and see who came at every event' },
  'POST /api/events/:eventId/check-ins': { kind: 'school', why: 'the staff who run events check people in at every event' },
  'POST /api/events/:eventId/check-ins/undo': { kind: 'school', why: 'the staff who run events check people in at every event' },
  'GET /api/events/:eventId/walk-ins/search': { kind: 'school', why: 'the staff who run events add walk-ins at every event' },
  'POST /api/events/:eventId/walk-ins': { kind: 'school', why: 'the staff who run events add walk-ins at every event' },
  'GET /api/events/:eventId/attendance.csv': { kind: 'school', why: 'the staff who run events export who came' },
  'GET /api/events/:eventId/my-attendance': { kind: 'owner-only' },
  'PUT /api/events/:eventId/feedback': { kind: 'owner-only', body: { rating: 4, comment: 'Useful.' } },
  'PUT /api/curriculum/milestones/:milestoneId': { kind: 'school', why: 'the curriculum is the office’s, written by its staff' },
  'DELETE /api/curriculum/milestones/:milestoneId': { kind: 'school', why: 'the curriculum is the office’s, written by its staff' },
  'POST /api/curriculum/milestones/:milestoneId/done': {
    kind: 'school',
    why: 'a milestone is the school’s, on every student’s timeline; a tick is written for the caller alone (its research year’s only for those who take one)',
  },
  'DELETE /api/curriculum/milestones/:milestoneId/done': { kind: 'school', why: 'takes back the caller’s own tick only; another student’s stays' },
  'GET /api/curriculum/classes/:year': {
    kind: 'school',
    why: 'a class year, not a row: an advisor’s view holds only the students assigned to them, the whole class with the school-wide scope (curriculum class-progress.db.test.ts)',
  },
  // `:personId` in a body is the owner student's id: another advisor may not nudge them.
  'POST /api/curriculum/milestones/:milestoneId/nudges/preview': { kind: 'owner-only', body: { studentIds: [':personId'], message: '' } },
  'POST /api/curriculum/milestones/:milestoneId/nudges': { kind: 'owner-only', body: { studentIds: [':personId'], message: '' } },
  'GET /api/opportunities/:opportunityId': {
    kind: 'owner-only',
    strangers: ['mentor', 'advisor', 'admin'],
    why: 'a published opportunity is open to mentors and staff; a student sees those for their class year (the stranger student is in another)',
  },
  'PUT /api/opportunities/:opportunityId': {
    kind: 'owner-only',
    body: { kind: 'research-project', title: 'Taken over', description: 'Not theirs.', places: 3 },
  },
  'GET /api/opportunities/:opportunityId/applications': { kind: 'owner-only' },
  'POST /api/opportunities/:opportunityId/applications': { kind: 'owner-only', body: { statement: 'I would like to join.' } },
  'POST /api/opportunity-applications/:applicationId/decision': { kind: 'owner-only', body: { status: 'declined', message: '' } },
  'POST /api/opportunity-applications/:applicationId/withdraw': { kind: 'owner-only', body: {} },
  // A student saves only what they may see (the stranger student is in another class year); unsaving names only their own row.
  'PUT /api/saved-opportunities/:opportunityId': { kind: 'owner-only', body: {} },
  'DELETE /api/saved-opportunities/:opportunityId': { kind: 'owner-only' },
  'GET /api/opportunity-applications/:applicationId/document': { kind: 'owner-only' },
  'GET /api/opportunities/:opportunityId/shadowing-slots': {
    kind: 'owner-only',
    strangers: ['mentor', 'advisor', 'admin'],
    why: 'the days of a published opportunity are open to whoever sees it; who booked them is not in this view',
  },
  'POST /api/opportunities/:opportunityId/shadowing-slots': {
    kind: 'owner-only',
    body: { startAt: '2026-12-01T13:00:00Z', endAt: '2026-12-01T17:00:00Z', places: 1 },
  },
  'DELETE /api/shadowing-slots/:shadowingSlotId': { kind: 'owner-only' },
  'POST /api/shadowing-slots/:shadowingSlotId/bookings': { kind: 'owner-only', body: {} },
  'POST /api/shadowing-bookings/:shadowingBookingId/cancel': { kind: 'owner-only', body: {} },
  // Only the poster sees who booked their days; staff included get 404.
  'GET /api/opportunities/:opportunityId/shadowing-bookings': { kind: 'owner-only' },
  'DELETE /api/requirements/:requirementId': { kind: 'school', why: 'the requirements are the office’s, set by its admins' },
  'PUT /api/requirements/:requirementId': {
    kind: 'school',
    why: 'the requirements are the office’s, set by its admins',
    // A kind the other rows never apply to or book, so the change touches none of their checks.
    body: { name: 'Scholarly year agreement', verification: 'office', opportunityKind: 'scholarly-year' },
  },
  'PUT /api/requirements/:requirementId/mine': {
    kind: 'school',
    why: 'a requirement is the school’s, asked of every student; the record written is the caller’s own',
  },
  'GET /api/requirements/students/:personId': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'the office verifies every student’s requirements; an advisor only their assigned students’ (audited)',
  },
  'PUT /api/requirements/:requirementId/students/:personId/verification': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'the office verifies every student’s requirements; an advisor only their assigned students’ (audited)',
    body: { completedOn: '2026-09-01', expiresOn: '2027-09-01' },
  },
  'GET /api/opportunities/:opportunityId/requirements': {
    kind: 'owner-only',
    strangers: ['mentor', 'advisor', 'admin'],
    why: 'what a published opportunity demands is open to whoever sees it; a student’s standing shown is only their own',
  },
  'GET /api/experiences/students/:personId': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'the office sees every student’s experience record; an advisor only their assigned students’ (audited)',
  },
  'POST /api/experiences/:experienceId/confirm': { kind: 'owner-only', body: { hours: 40 } },
  'POST /api/experiences/:experienceId/outputs': { kind: 'owner-only', body: { kind: 'poster', citation: 'Someone else’s poster.' } },
  'DELETE /api/research-outputs/:outputId': { kind: 'owner-only' },
  'GET /api/community/questions/:questionId': { kind: 'shared', why: 'a visible question is open to everyone in the school; a hidden one answers 404 alike' },
  'POST /api/community/questions/:questionId/answers': {
    kind: 'shared',
    why: 'anyone who answers may answer any open question',
    body: { body: 'An answer from a stranger.' },
    okStatuses: [201],
  },
  'POST /api/community/questions/:questionId/accept': { kind: 'owner-only', body: { answerId: null } },
  'PUT /api/community/questions/:questionId/follow': { kind: 'shared', why: 'following writes to the caller’s own follows' },
  'DELETE /api/community/questions/:questionId/follow': { kind: 'shared', why: 'unfollowing writes to the caller’s own follows' },
  'PUT /api/community/answers/:answerId/vote': { kind: 'shared', why: 'voting on others’ answers is the point; one vote per person' },
  'DELETE /api/community/answers/:answerId/vote': { kind: 'shared', why: 'takes back the caller’s own vote' },
  'POST /api/community/questions/:questionId/report': { kind: 'shared', why: 'anyone who can read a post may report it', body: { reason: 'Off topic here.' } },
  'POST /api/community/answers/:answerId/report': { kind: 'shared', why: 'anyone who can read a post may report it', body: { reason: 'Off topic here.' } },
  'GET /api/community/people/:personId': {
    kind: 'shared',
    why: 'a person’s named posts are public in the school; anonymous ones never count',
    row: { personId: 'mentor' },
  },
  'DELETE /api/community/moderation/word-filter/:termId': { kind: 'school', why: 'the school’s word filter, set by the office’s moderators' },
  'POST /api/community/moderation/reports/:reportId/dismiss': {
    kind: 'school',
    why: 'the office moderates the community',
    body: { note: 'Nothing wrong here.' },
  },
  'POST /api/community/moderation/questions/:questionId': {
    kind: 'school',
    why: 'the office moderates the community',
    body: { action: 'unlock', note: 'Open again.' },
  },
  'POST /api/community/moderation/answers/:answerId': {
    kind: 'school',
    why: 'the office moderates the community',
    body: { action: 'unhide', note: 'Shown again.' },
  },
  'POST /api/community/moderation/questions/:questionId/reveal-author': { kind: 'school', why: 'only admins, with a reason that is stored and audited' },
  'POST /api/community/moderation/answers/:answerId/reveal-author': { kind: 'school', why: 'only admins, with a reason that is stored and audited' },

  // A student's documents: the student and the reviewers of each shared version only (no staff role reads them).
  'GET /api/materials/documents/:documentId': { kind: 'owner-only' },
  'POST /api/materials/documents/:documentId/versions': {
    kind: 'owner-only',
    body: { body: 'A forged version.', basedOnVersionId: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' },
  },
  'POST /api/materials/documents/:documentId/import': { kind: 'owner-only' },
  'POST /api/materials/documents/:documentId/accept-suggestions': {
    kind: 'owner-only',
    body: { threadIds: ['0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11'], versionId: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' },
  },
  'GET /api/materials/documents/:documentId/compare': { kind: 'owner-only' },
  'POST /api/materials/versions/:versionId/shares': {
    kind: 'owner-only',
    body: { reviewerIds: ['0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11'], dueDate: '2026-12-01', question: 'Is my opening too long?' },
  },
  'GET /api/materials/versions/:versionId': { kind: 'owner-only' },
  'GET /api/materials/versions/:versionId/pdf': { kind: 'owner-only' },
  'POST /api/materials/versions/:versionId/threads': { kind: 'owner-only', body: { start: 0, end: 1, body: 'A comment from a stranger.' } },
  'POST /api/materials/threads/:threadId/replies': { kind: 'owner-only', body: { body: 'A reply from a stranger.' } },
  'POST /api/materials/threads/:threadId/resolve': { kind: 'owner-only', body: {} },
  'POST /api/materials/threads/:threadId/suggestion': { kind: 'owner-only', body: { suggestion: 'Other words.' } },
  'POST /api/materials/threads/:threadId/reject': { kind: 'owner-only', body: {} },
  'POST /api/materials/reviews/:reviewRequestId/finish': { kind: 'owner-only', body: {} },
  'GET /api/calibrations/:calibrationId': { kind: 'school', why: 'a calibration is the school’s model, not a student’s record' },
  'POST /api/calibrations/:calibrationId/activate': { kind: 'school', why: 'a calibration is the school’s model' },
  'POST /api/calibrations/:calibrationId/deactivate': { kind: 'school', why: 'a calibration is the school’s model' },

  'GET /api/mentor-programs/:mentorProgramId': { kind: 'school', why: 'the office runs mentor programs' },
  'PATCH /api/mentor-programs/:mentorProgramId': { kind: 'school', why: 'the office runs mentor programs' },
  'POST /api/mentor-programs/:mentorProgramId/conflicts': { kind: 'school', why: 'the office runs mentor programs' },
  'DELETE /api/mentor-programs/:mentorProgramId/conflicts/:conflictId': { kind: 'school', why: 'the office runs mentor programs' },
  'POST /api/mentor-programs/:mentorProgramId/open-ranking': { kind: 'school', why: 'the office runs mentor programs' },
  'POST /api/mentor-programs/:mentorProgramId/run': { kind: 'school', why: 'the office runs mentor programs' },
  'GET /api/mentor-programs/:mentorProgramId/draft': { kind: 'school', why: 'the office runs mentor programs' },
  'POST /api/mentor-programs/:mentorProgramId/pairs': { kind: 'school', why: 'the office runs mentor programs' },
  'POST /api/mentor-programs/:mentorProgramId/publish': { kind: 'school', why: 'the office runs mentor programs' },
  'POST /api/mentor-programs/:mentorProgramId/archive': { kind: 'school', why: 'the office runs mentor programs' },
  'GET /api/mentor-programs/:mentorProgramId/ranking': { kind: 'owner-only' },
  'PUT /api/mentor-programs/:mentorProgramId/ranking': { kind: 'owner-only', body: { mentorIds: [] } },
  'PUT /api/mentor-programs/:mentorProgramId/continuation': { kind: 'owner-only', body: { partnerId: '00000000-0000-4000-8000-0000000000f1', keep: true } },

  'GET /api/list-builder/students/:personId/profile': { kind: 'owner-only' },
  'GET /api/list-builder/students/:personId/chances': { kind: 'owner-only' },
  'GET /api/list-builder/chances/:programId': { kind: 'shared', why: 'the caller’s own chances at a catalogue program' },
  'GET /api/list-builder/students/:personId/chances/:programId': { kind: 'owner-only' },
  'PATCH /api/list-builder/my-programs/:programId': { kind: 'shared', why: 'writes to the caller’s own list', body: { note: 'mine' } },
  'GET /api/list-builder/students/:personId/programs': { kind: 'owner-only' },

  'GET /api/rank-lists/students/:studentId': { kind: 'owner-only' },
  'GET /api/rank-lists/students/:studentId/export.csv': { kind: 'owner-only' },
  'POST /api/rank-lists/students/:studentId/comments': { kind: 'owner-only', body: { body: 'A comment on someone else’s list' } },
  'POST /api/rank-lists/students/:studentId/sign-off': { kind: 'owner-only', body: { version: 1 } },

  'GET /api/class-simulations/:simulationId': { kind: 'owner-only' },
  'POST /api/class-simulations/:simulationId/cancel': { kind: 'owner-only', body: {} },
  'POST /api/records/amendments/:amendmentId/decision': {
    kind: 'owner-only',
    strangers: ['admin'],
    why: 'the office’s administrators decide every student’s requests to correct a record',
    body: { decision: 'amended', reason: 'Checked against the source record.' },
  },
  'PUT /api/mock-interviews/questions/:mockQuestionId': { kind: 'school', why: 'the question bank is the school’s, kept by the office' },
  'POST /api/mock-interviews/slots/:mockSlotId/cancel': { kind: 'owner-only', body: {} },
  'POST /api/mock-interviews/slots/:mockSlotId/book': {
    kind: 'shared',
    why: 'a published slot is open to every student to book; the owner’s is taken, so a stranger is told so (409) and nothing of the owner’s is shown',
    body: {},
    okStatuses: [409],
  },
  // A student's mock feedback: the student, the interviewer, and the student's advisors through the audited student-record gate.
  'GET /api/mock-interviews/students/:personId': { kind: 'owner-only' },
  'GET /api/mock-interviews/bookings/:mockBookingId': { kind: 'owner-only' },
  'POST /api/mock-interviews/bookings/:mockBookingId/cancel': { kind: 'owner-only', body: {} },
  'PUT /api/mock-interviews/bookings/:mockBookingId/scores': { kind: 'owner-only', body: { scores: {}, feedback: 'Feedback from a stranger.' } },
  'POST /api/records/amendments/:amendmentId/statement': { kind: 'owner-only', body: { statement: 'I disagree with this decision.' } },
  // Messages: the student and the mentor of the conversation only; no staff role reads them (decision 021).
  'GET /api/mentorships/:mentorshipId/messages': { kind: 'owner-only' },
  'POST /api/mentorships/:mentorshipId/messages': { kind: 'owner-only', body: { body: 'A message in someone else’s mentorship' } },
  'PUT /api/mentorships/:mentorshipId/messages/read': { kind: 'owner-only', body: { upTo: '2026-10-05T14:00:00Z' } },
  'GET /api/mentorship-requests/:mentorshipRequestId/messages': { kind: 'owner-only' },
  'POST /api/mentorship-requests/:mentorshipRequestId/messages': { kind: 'owner-only', body: { body: 'A message on someone else’s request' } },
  'PUT /api/mentorship-requests/:mentorshipRequestId/messages/read': { kind: 'owner-only', body: { upTo: '2026-10-05T14:00:00Z' } },
  'GET /api/messages/:messageId/attachment': { kind: 'owner-only' },
  // A notification is its person's alone: no role, staff included, reads or marks another's.
  'POST /api/notifications/:notificationId/read': { kind: 'owner-only', body: {} },
}
