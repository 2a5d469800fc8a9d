/**
 * Every table that holds data about a person, and where a student's export covers it: the
 * section that shows it, or why it is left out. `export-coverage.db.test.ts` reads the schema and
 * fails when a table that refers to a person is in neither list, so a new table must be
 * classified here (and in docs/decisions/015-records-export.md) before it ships.
 */
export type Coverage = { section: string; note?: string } | { excluded: string }

export const EXPORT_COVERAGE: Readonly<Record<string, Coverage>> = {
  // identity and profiles
  people: { section: 'profile' },
  person_roles: { section: 'profile' },
  student_profiles: { section: 'profile' },
  mentor_profiles: { section: 'profile', note: 'for a student who also mentors' },
  advisor_profiles: { section: 'profile', note: 'for a student who is also on staff' },
  sessions: { excluded: 'Sign-in sessions: hashed ids and times kept for security, at most a day.' },
  sign_in_failures: { excluded: 'Failed sign-in attempts by e-mail address, kept briefly to stop password guessing.' },
  auth_tokens: { excluded: 'One-time sign-in and reset links: hashed, expire within hours.' },
  calendar_feeds: { excluded: 'The secret address of your calendar feed; its meetings and events are in their own sections.' },
  class_rollovers: {
    excluded: 'The office’s record of each year-end rollover (who ran it, how many moved); your class year and status are in the profile section.',
  },
  house_advisors: { excluded: 'The office’s choice of each house’s advisory dean; your own advisors are in the advising section.' },
  directory_entries: { excluded: 'A search copy of a mentor profile; the profile section shows the same fields.' },
  // advising
  student_advisors: { section: 'advising' },
  advising_board_assignments: { section: 'advising' },
  // letters
  letter_requests: { section: 'letters' },
  letter_packet_documents: { section: 'letters', note: 'listed with the request; the files download from the Letters page' },
  letter_contents: {
    section: 'letters',
    note: 'a letter you did not waive is listed with the request; a waived one is named only ("a confidential letter from …"), never its file or content',
  },
  letter_waiver_revocations: { section: 'letters' },
  letter_reminders: { excluded: 'The schedule of reminder e-mails to letter writers; holds nothing about you beyond the request.' },
  letter_upload_links: { excluded: 'Hashed one-time upload links for outside writers.' },
  // curriculum
  curriculum_completions: { section: 'curriculum' },
  curriculum_nudges: {
    excluded:
      'The office’s note of each reminder e-mail it sent you about a milestone (who, when), kept to send no second one within a week; each reached your own inbox.',
  },
  curriculum_milestones: {
    excluded: 'The school’s curriculum as the office writes it: it names its author, nothing about you; your ticks are in their own section.',
  },
  // mock interviews
  mock_interview_bookings: { section: 'mock-interviews' },
  mock_interview_scores: { section: 'mock-interviews', note: 'with each booking: the scores and feedback' },
  mock_interview_slots: { section: 'mock-interviews', note: 'slots you published, for a student who also interviews' },
  mock_interview_allowances: {
    excluded: 'A count of the mock interviews you booked each season, kept to apply the school’s limit; the bookings themselves are in their own section.',
  },
  // mentorships
  mentorship_requests: { section: 'mentorship-requests' },
  mentorships: { section: 'mentorships' },
  mentorship_goals: { section: 'mentorships' },
  mentorship_action_items: { section: 'mentorships' },
  mentorship_notes: { section: 'mentorships' },
  mentorship_private_notes: {
    section: 'mentorships',
    note: 'your own private notes; a mentor’s private notes are their own memory aid (“sole possession” records, 34 CFR §99.3) and stay out',
  },
  meetings: { section: 'mentorships' },
  meeting_feedback: { section: 'mentorships' },
  meeting_follow_ups: { excluded: 'A record that a follow-up e-mail after a meeting was sent.' },
  mentorship_request_notices: { excluded: 'A record that a reminder about a request was e-mailed.' },
  mentorship_nudges: { excluded: 'A record that a “stay in touch” e-mail was sent.' },
  private_note_accesses: { excluded: 'When an admin opened a mentor’s private notes, which are not part of your record.' },
  mentor_availability: { excluded: 'A mentor’s own weekly availability, shown on their Availability page.' },
  availability_slots: { excluded: 'A mentor’s own weekly availability, shown on their Availability page.' },
  availability_exceptions: { excluded: 'A mentor’s own days off, shown on their Availability page.' },
  mentor_pauses: { excluded: 'A mentor’s own pause on new requests.' },
  mentorship_settings: { excluded: 'School-wide settings; names only the admin who changed them.' },
  // messages
  messages: { section: 'messages' },
  message_attachments: { section: 'messages', note: 'named with each message; the files download from the mentorship page' },
  message_reads: { excluded: 'How far you have read each conversation, kept to count unread messages and show “Seen”.' },
  message_email_marks: { excluded: 'When an e-mail about new messages was last sent, kept so they come at most every 15 minutes.' },
  message_preferences: { excluded: 'Your choice of message e-mails, shown and changed on any mentorship page.' },
  // mentor programs
  mentor_program_students: { section: 'mentor-programs' },
  mentor_program_rankings: { section: 'mentor-programs' },
  mentor_program_pairs: { section: 'mentor-programs' },
  mentor_program_continuations: { section: 'mentor-programs' },
  mentor_programs: { excluded: 'The program itself; your place in it is in “Mentor programs”.' },
  mentor_program_mentors: { excluded: 'The mentors of a program, on the mentor side.' },
  mentor_program_conflicts: {
    excluded:
      'Conflicts of interest the office records between a student and a mentor, kept apart so a ranking list does not reveal them; ask the office to inspect them.',
  },
  // events and opportunities
  event_rsvps: { section: 'events' },
  event_attendance: { section: 'event-attendance', note: 'when you were checked in and how; the staff member who did it is kept for the office' },
  event_feedback: { section: 'event-attendance' },
  event_check_in_passes: {
    excluded: 'The check-in code of your place at an event (shown on the event’s page while it is ahead); your places are in “Events”.',
  },
  events: { excluded: 'The event itself; names only the staff member who created it.' },
  // interest groups and specialty advising
  interest_group_members: { section: 'interest-groups' },
  interest_group_announcements: {
    excluded: 'What a group’s leaders wrote to its members; one you wrote is on the group’s page, and each reached members by e-mail.',
  },
  interest_groups: { excluded: 'The group itself, as the office set it up; your place in it is in the interest groups section.' },
  interest_group_events: { excluded: 'Which events belong to which group; your places at events are in the events section.' },
  department_advising: { excluded: 'The office’s choice of each department’s specialty advisor and its chair’s availability, shown on the specialty pages.' },
  event_slot_bookings: { section: 'event-slots' },
  event_slots: { excluded: 'The slots an event offers; the ones you booked, with their times, are in “Event slots”.' },
  event_series: { excluded: 'How a series of events repeats; names only the staff member who created it.' },
  event_series_occurrences: { excluded: 'Which events belong to one series; the events themselves are in “Events”.' },
  opportunity_applications: { section: 'opportunity-applications' },
  saved_opportunities: { section: 'saved-opportunities', note: 'those you may still see; one unpublished since is left out, as on the board' },
  opportunity_application_documents: {
    section: 'opportunity-applications',
    note: 'the document sent with each application (kind, title, version number); its words are in “Application documents”',
  },
  experience_entries: { section: 'experiences' },
  research_outputs: { section: 'experiences', note: 'the abstracts, posters and publications of each experience' },
  opportunities: { excluded: 'The posting itself; names only its poster.' },
  shadowing_bookings: { section: 'shadowing' },
  shadowing_slots: { excluded: 'The days a poster offers; your bookings of them, with when and where, are in “Shadowing days”.' },
  requirement_records: { section: 'requirements' },
  requirements: { excluded: 'The school’s list of requirements; names only the admin who set each. Your records of them are in “Requirements”.' },
  // community
  community_questions: { section: 'community' },
  community_answers: { section: 'community' },
  community_follows: { section: 'community' },
  community_votes: { excluded: 'Kept only so nobody votes twice; a vote is shown as a count on the answer, never by person.' },
  community_reports: { excluded: 'Reports of posts are read by moderators only, to protect who reported.' },
  community_moderation_actions: { excluded: 'Moderators’ actions on posts; names the moderator.' },
  community_word_filter: { excluded: 'The school’s list of filtered words, set by moderators; about no student.' },
  // application documents (materials)
  material_documents: { section: 'materials' },
  material_versions: { section: 'materials' },
  material_review_requests: { section: 'materials' },
  material_threads: { section: 'materials' },
  material_replies: { section: 'materials' },
  // residency
  application_profiles: { section: 'application-profile' },
  student_program_lists: { section: 'program-list' },
  rank_lists: { section: 'rank-list' },
  rank_list_entries: { section: 'rank-list' },
  rank_list_comments: { section: 'rank-list' },
  rank_list_couples: { section: 'rank-list' },
  class_simulations: { excluded: 'An advisor’s simulation of a whole class; names only the advisor who ran it.' },
  past_applicants: { excluded: 'Graduates’ past match outcomes, imported by the office to calibrate the list builder; a current student has none.' },
  past_applications: { excluded: 'Graduates’ past applications (see past_applicants).' },
  past_applicant_details: { excluded: 'Graduates’ past application details (see past_applicants).' },
  smart_pick_calibrations: { excluded: 'A calibration of the list builder; names only the admin who made it.' },
  // platform
  audit_log: { section: 'access', note: 'reads and disclosures of your records by others; the rest of the log records your own and others’ actions' },
  // records
  record_amendments: { section: 'amendments' },
  retention_settings: { excluded: 'The school’s rule for how long graduates’ records are kept; names only the admin who set it.' },
  retention_runs: { excluded: 'The office’s record of each retention run: counts per table and who ran it.' },
  retention_anonymised: {
    excluded: 'The ids of graduates whose records were anonymised after the school’s retention period; a current student is never in it.',
  },
  outbox: { excluded: 'Copies of e-mails the school sent; each reached your own inbox.' },
  in_app_notifications: {
    excluded: 'The notifications in the app: the subject and first line of e-mails the school sent you, each also in your inbox; deleted after 180 days.',
  },
  email_opt_outs: { excluded: 'The groups of e-mails you turned off, shown under E-mails when you edit your profile.' },
}

export const EXPORT_SECTIONS_BEYOND_SOURCES = ['directory-hold', 'amendments', 'access'] as const

/** The "not included" list the export and the page show, from the table above. */
export function notIncludedList(): { what: string; why: string }[] {
  return Object.entries(EXPORT_COVERAGE).flatMap(([table, c]) => ('excluded' in c ? [{ what: table.replaceAll('_', ' '), why: c.excluded }] : []))
}
