import type { RowMatch, Treatment } from './domain/retention-treatment.ts'

/**
 * What happens to each table that holds data about a person when a graduate's records pass the
 * school's retention period (decision 038). The keys are exactly the tables of the records
 * export's classification (`../export-coverage.ts`); `retention-coverage.db.test.ts` fails when a
 * table about people has no treatment here, or a treatment names a column that does not exist.
 *
 * The order is the order of application: deletions first (some match by the e-mail address the
 * person row still holds), then anonymisation, the person row last.
 */

const own = (column: string): RowMatch => ({ column })
const through = (column: string, table: string, owner: string, select = 'id'): RowMatch => ({ column, via: { table, select, match: own(owner) } })
const ofMentorships = (column: string): RowMatch => through(column, 'mentorships', 'student_id')
const ofLetterRequests = (column: string): RowMatch => through(column, 'letter_requests', 'student_id')
const ofMentorshipRequests = (column: string): RowMatch => through(column, 'mentorship_requests', 'student_id')
const byEmail = (column: string): RowMatch => through(column, 'people', 'id', 'email')

const POINTER_ONLY = 'Ids, dates and statuses only: once the person row is anonymised they name nobody, and the school’s counts stay true.'

export const RETENTION_TREATMENTS: Readonly<Record<string, Treatment>> = {
  // --- deleted: what only served the student while they studied here
  sessions: { action: 'delete', match: own('person_id'), why: 'Sign-in sessions.' },
  auth_tokens: { action: 'delete', match: own('person_id'), why: 'Sign-in and reset links.' },
  calendar_feeds: { action: 'delete', match: own('person_id'), why: 'The secret address of their calendar feed.' },
  event_check_in_passes: { action: 'delete', match: own('student_id'), why: 'Their check-in codes for events.' },
  saved_opportunities: { action: 'delete', match: own('student_id'), why: 'Opportunities they saved to come back to: a bookmark, nothing the school counts.' },
  interest_group_members: { action: 'delete', match: own('person_id'), why: 'Their places in interest groups.' },
  sign_in_failures: { action: 'delete', match: byEmail('email'), why: 'Failed sign-ins under their e-mail address.' },
  outbox: { action: 'delete', match: byEmail('to_address'), why: 'Copies of e-mails sent to them.' },
  in_app_notifications: { action: 'delete', match: own('person_id'), why: 'Their notifications in the app.' },
  email_opt_outs: { action: 'delete', match: own('person_id'), why: 'Their e-mail choices.' },
  message_preferences: { action: 'delete', match: own('person_id'), why: 'Their message e-mail choice.' },
  message_attachments: {
    action: 'delete',
    match: { column: 'message_id', via: { table: 'messages', select: 'id', match: ofMentorshipRequests('request_id') } },
    why: 'PDFs attached to messages with their mentors.',
  },
  messages: { action: 'delete', match: ofMentorshipRequests('request_id'), why: 'Messages between them and their mentors, both sides.' },
  mentorship_notes: { action: 'delete', match: ofMentorships('mentorship_id'), why: 'Shared notes of their mentorships.' },
  mentorship_private_notes: { action: 'delete', match: ofMentorships('mentorship_id'), why: 'Private notes kept on their mentorships, by either side.' },
  mentorship_goals: { action: 'delete', match: ofMentorships('mentorship_id'), why: 'Goals of their mentorships.' },
  mentorship_action_items: { action: 'delete', match: ofMentorships('mentorship_id'), why: 'Action items of their mentorships.' },
  letter_contents: { action: 'delete', match: ofLetterRequests('request_id'), why: 'Each letter’s file.', category: 'letters' },
  letter_packet_documents: {
    action: 'delete',
    match: ofLetterRequests('request_id'),
    why: 'The CV and statements sent with each request.',
    category: 'letters',
  },
  letter_upload_links: { action: 'delete', match: ofLetterRequests('request_id'), why: 'Writers’ upload links (hashed).', category: 'letters' },
  opportunity_application_documents: {
    action: 'delete',
    match: own('student_id'),
    why: 'Which version of their documents they sent with each application (the versions themselves go below).',
  },
  // material_documents cascades to versions, review requests, threads and replies; each is counted on its own line.
  material_replies: {
    action: 'delete',
    match: {
      column: 'thread_id',
      via: {
        table: 'material_threads',
        select: 'id',
        match: { column: 'version_id', via: { table: 'material_versions', select: 'id', match: through('document_id', 'material_documents', 'student_id') } },
      },
    },
    why: 'Replies on reviews of their application documents.',
  },
  material_threads: {
    action: 'delete',
    match: { column: 'version_id', via: { table: 'material_versions', select: 'id', match: through('document_id', 'material_documents', 'student_id') } },
    why: 'Reviewers’ comments and suggestions on their documents.',
  },
  material_review_requests: {
    action: 'delete',
    match: { column: 'version_id', via: { table: 'material_versions', select: 'id', match: through('document_id', 'material_documents', 'student_id') } },
    why: 'Their documents shared for review.',
  },
  material_versions: { action: 'delete', match: through('document_id', 'material_documents', 'student_id'), why: 'Every version of their CV and statements.' },
  material_documents: { action: 'delete', match: own('student_id'), why: 'Their application documents.' },
  research_outputs: { action: 'delete', match: own('student_id'), why: 'Abstracts, posters and publications in their experience record.' },
  experience_entries: { action: 'delete', match: own('student_id'), why: 'Their experience record (descriptions, hours).' },
  requirement_records: { action: 'delete', match: own('student_id'), why: 'Their records of requirements (e.g. immunisations) and expiry dates.' },
  application_profiles: { action: 'delete', match: own('student_id'), why: 'Their residency application profile (scores, honors, preferences).' },
  student_program_lists: { action: 'delete', match: own('student_id'), why: 'Their list of residency programs with notes.' },
  rank_list_comments: { action: 'delete', match: own('student_id'), why: 'Advisors’ comments on their rank order list.' },
  rank_list_entries: { action: 'delete', match: own('student_id'), why: 'Their rank order list.' },
  rank_lists: { action: 'delete', match: own('student_id'), why: 'Their rank order list’s version and sign-off.' },
  record_amendments: {
    action: 'delete',
    match: own('student_id'),
    why: 'Their requests to correct a record, with the statements kept with the records now removed.',
  },
  mock_interview_allowances: { action: 'delete', match: own('student_id'), why: 'A count of mock interviews booked per season.' },
  community_follows: { action: 'delete', match: own('person_id'), why: 'Questions they followed.' },
  mentor_program_conflicts: {
    action: 'delete',
    match: own('student_id'),
    why: 'Conflicts of interest recorded for them; they matter only for future pairings.',
  },

  // --- anonymised: the row stays (others’ history and the school’s counts depend on it), the words go
  letter_requests: {
    action: 'anonymise',
    match: own('student_id'),
    set: { talking_points: '', writer_message: null },
    why: 'That each letter was asked for, of whom, and its dates stay; the student’s talking points and the writer’s message go.',
    category: 'letters',
  },
  mentorship_requests: {
    action: 'anonymise',
    match: own('student_id'),
    set: { message: '', goals: '', decline_note: null },
    why: 'Requests stay for mentors’ response figures; their words go.',
  },
  mentorships: {
    action: 'anonymise',
    match: own('student_id'),
    set: { thank_you_note: null },
    why: 'Mentorships stay for mentors’ load and history; the thank-you note goes.',
  },
  meeting_feedback: {
    action: 'anonymise',
    match: { column: 'meeting_id', via: { table: 'meetings', select: 'id', match: ofMentorships('mentorship_id') } },
    set: { comment: '' },
    why: 'Ratings stay for mentors’ figures; written comments go.',
  },
  advising_board_assignments: {
    action: 'anonymise',
    match: own('student_id'),
    set: { note: '' },
    why: 'Who advised them stays for advisors’ history; the note goes.',
  },
  mock_interview_bookings: {
    action: 'anonymise',
    match: own('student_id'),
    set: { feedback: '' },
    why: 'Bookings and scores stay: interviewers’ severity is adjusted from them; the written feedback goes.',
  },
  opportunity_applications: {
    action: 'anonymise',
    match: own('student_id'),
    set: { statement: '', poster_message: '' },
    why: 'Applications stay for the participation figures; the statement and the poster’s message go.',
  },
  community_questions: {
    action: 'anonymise',
    match: own('author_id'),
    set: { is_anonymous: true },
    why: 'Questions stay for the answers others wrote under them; they are shown as asked anonymously.',
  },
  event_feedback: {
    action: 'anonymise',
    match: own('student_id'),
    set: { comment: '' },
    why: 'Ratings stay in each event’s figures; their words go.',
  },
  community_answers: { action: 'anonymise', match: own('author_id'), set: { is_anonymous: true }, why: 'Answers stay on the boards, shown as anonymous.' },
  past_applicants: {
    action: 'anonymise',
    match: own('person_id'),
    set: { person_id: null, external_id: { derived: 'anonymised-id' } },
    why: 'Past match outcomes stay for the list builder’s calibration and the school’s match figures; the link to the person and the school’s id go.',
  },
  mentor_profiles: {
    action: 'anonymise',
    match: own('person_id'),
    set: { bio: '', research_interests: '', identity: { derived: 'empty-array' }, accepting: false },
    why: 'A near-peer mentor profile from their student years: the words and identity fields go.',
  },
  student_profiles: {
    action: 'anonymise',
    match: own('person_id'),
    set: { career_goals: '', identity: { derived: 'empty-array' }, identity_visibility: 'private', wants_identity_aligned_mentor: false },
    why: 'Class, graduation year, track and house stay for the class counts; career goals and self-identified identity go.',
  },
  people: {
    action: 'anonymise',
    match: own('id'),
    set: {
      name: 'Former student',
      email: { derived: 'anonymous-email' },
      pronouns: null,
      password_hash: null,
      photo: null,
      photo_type: null,
      status: 'disabled',
      school_id: null,
      time_zone: null,
      directory_hold: true,
    },
    why: 'The person row stays so every kept row and audit entry points somewhere; name, e-mail, school id, photo and password go, and the account is disabled.',
  },

  // --- kept: pointers and counts, the school’s own records, or other people’s
  person_roles: { action: 'keep', why: 'Roles only; the anonymised account is disabled.' },
  advisor_profiles: { action: 'keep', why: 'A staff profile; a graduate who is on staff is held, not anonymised.' },
  student_advisors: { action: 'keep', why: POINTER_ONLY },
  letter_reminders: { action: 'keep', why: 'When reminders went to writers: dates only.' },
  letter_waiver_revocations: { action: 'keep', why: 'The proof of which letters the student could read; kept with the requests.' },
  curriculum_completions: { action: 'keep', why: POINTER_ONLY },
  curriculum_nudges: { action: 'keep', why: POINTER_ONLY },
  curriculum_milestones: { action: 'keep', why: 'The school’s curriculum; about no student.' },
  mock_interview_scores: { action: 'keep', why: 'Rubric scores: interviewers’ severity and the school’s figures are computed from them.' },
  mock_interview_slots: { action: 'keep', why: 'An interviewer’s slots.' },
  meetings: { action: 'keep', why: POINTER_ONLY },
  meeting_follow_ups: { action: 'keep', why: POINTER_ONLY },
  mentorship_request_notices: { action: 'keep', why: POINTER_ONLY },
  mentorship_nudges: { action: 'keep', why: POINTER_ONLY },
  private_note_accesses: { action: 'keep', why: 'An admin’s reasoned access to private notes: the office’s accountability record.' },
  mentor_availability: { action: 'keep', why: 'A mentor’s own; a graduate who mentors here is held.' },
  availability_slots: { action: 'keep', why: 'A mentor’s own; a graduate who mentors here is held.' },
  availability_exceptions: { action: 'keep', why: 'A mentor’s own; a graduate who mentors here is held.' },
  mentor_pauses: { action: 'keep', why: 'A mentor’s own; a graduate who mentors here is held.' },
  mentorship_settings: { action: 'keep', why: 'School-wide settings.' },
  message_reads: { action: 'keep', why: POINTER_ONLY },
  message_email_marks: { action: 'keep', why: POINTER_ONLY },
  mentor_program_students: { action: 'keep', why: POINTER_ONLY },
  mentor_program_rankings: { action: 'keep', why: 'Ranks: a program’s pairing is explained and compared from them.' },
  mentor_program_pairs: { action: 'keep', why: 'A program’s pairs, its fit and reasons: the program’s history.' },
  mentor_program_continuations: { action: 'keep', why: POINTER_ONLY },
  mentor_programs: { action: 'keep', why: 'The program itself.' },
  mentor_program_mentors: { action: 'keep', why: 'The mentors of a program.' },
  event_rsvps: { action: 'keep', why: POINTER_ONLY },
  events: { action: 'keep', why: 'The event itself.' },
  event_attendance: { action: 'keep', why: POINTER_ONLY },
  event_slot_bookings: { action: 'keep', why: POINTER_ONLY },
  event_slots: { action: 'keep', why: 'The slots an event offers.' },
  event_series: { action: 'keep', why: 'How a series of events repeats.' },
  event_series_occurrences: { action: 'keep', why: 'Which events belong to one series.' },
  interest_groups: { action: 'keep', why: 'The group itself, as the office set it up.' },
  interest_group_events: { action: 'keep', why: 'Which events are a group’s.' },
  interest_group_announcements: {
    action: 'keep',
    why: 'What a group’s leaders wrote to all its members, kept as the group’s record; the author id names nobody once the person row is anonymised.',
  },
  department_advising: { action: 'keep', why: 'The office’s choice of each department’s specialty advisor and chair: faculty, not graduates.' },
  opportunities: { action: 'keep', why: 'The posting itself.' },
  shadowing_bookings: { action: 'keep', why: POINTER_ONLY },
  shadowing_slots: { action: 'keep', why: 'The days a poster offers.' },
  requirements: { action: 'keep', why: 'The school’s list of requirements.' },
  community_votes: { action: 'keep', why: 'Counts on answers, never shown by person.' },
  community_reports: { action: 'keep', why: 'Moderation history: reports are read by moderators only.' },
  community_moderation_actions: { action: 'keep', why: 'Moderators’ actions and notes: the boards’ accountability record.' },
  community_word_filter: { action: 'keep', why: 'The school’s filtered words; about no student.' },
  rank_list_couples: { action: 'keep', why: 'Which two ids applied as a couple, and when; the lists themselves are deleted.' },
  class_simulations: { action: 'keep', why: 'An advisor’s simulated class: aggregate results the school’s reports compare against.' },
  past_applications: { action: 'keep', why: 'Past outcomes by program, under the anonymised past applicant (calibration depends on them).' },
  past_applicant_details: { action: 'keep', why: 'Past outcome details, under the anonymised past applicant.' },
  smart_pick_calibrations: { action: 'keep', why: 'A calibration built from the outcomes above: aggregates only.' },
  class_rollovers: { action: 'keep', why: 'Counts of each year-end rollover.' },
  house_advisors: { action: 'keep', why: 'Each house’s advisory dean.' },
  directory_entries: { action: 'keep', why: 'Search copies of listed mentors; a graduate who mentors is held, and the copy follows the person row.' },
  audit_log: {
    action: 'keep',
    why: 'Append-only and hash-chained: entries hold ids, actions and addresses, never names or content; they stay as written and now point at the anonymised person.',
  },
  retention_settings: { action: 'keep', why: 'The school’s rule; names the admin who set it.' },
  retention_runs: { action: 'keep', why: 'Each run’s counts and who ran it; no names of graduates.' },
  retention_anonymised: { action: 'keep', why: 'Which ids were anonymised, so no run treats them twice.' },
}
