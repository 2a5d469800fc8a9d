/**
 * Enumerations shared by the database, the zod contracts and the web app. Each is declared
 * once as a const array; the type is derived from it.
 */

export const ROLES = ['student', 'mentor', 'advisor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  student: 'Student',
  mentor: 'Mentor',
  advisor: 'Advisor',
  admin: 'Administrator',
}

export const PERSON_STATUSES = ['invited', 'active', 'disabled'] as const
export type PersonStatus = (typeof PERSON_STATUSES)[number]

/** Where a student is in the curriculum; research years sit between M3 and M4 for most. */
export const CLASS_YEARS = ['M1', 'M2', 'M3', 'M4', 'research'] as const
export type ClassYear = (typeof CLASS_YEARS)[number]

export const CLASS_YEAR_LABELS: Record<ClassYear, string> = {
  M1: 'Year 1 (M1)',
  M2: 'Year 2 (M2)',
  M3: 'Year 3 (M3)',
  M4: 'Year 4 (M4)',
  research: 'Research year',
}

export const STUDENT_TRACKS = ['MD', 'MD-PhD', 'MD-MPH', 'MD-MBA', 'primary-care-scholars', 'rural-health'] as const
export type StudentTrack = (typeof STUDENT_TRACKS)[number]

export const STUDENT_TRACK_LABELS: Record<StudentTrack, string> = {
  MD: 'MD',
  'MD-PhD': 'MD-PhD (Medical Scientist Training Program)',
  'MD-MPH': 'MD-MPH dual degree',
  'MD-MBA': 'MD-MBA dual degree',
  'primary-care-scholars': 'Primary Care Scholars',
  'rural-health': 'Rural Health track',
}

/**
 * Where a student stands with the school (decision 020): enrolled, on a leave of absence (kept
 * in place by the year-end rollover), or graduated (an alumnus: the student role is taken away).
 */
export const ENROLLMENT_STATUSES = ['enrolled', 'leave', 'graduated'] as const
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number]

export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  enrolled: 'Enrolled',
  leave: 'On leave',
  graduated: 'Graduated',
}

export const MENTOR_KINDS = ['faculty', 'resident', 'fellow', 'alumni', 'near-peer'] as const
export type MentorKind = (typeof MENTOR_KINDS)[number]

export const MENTOR_KIND_LABELS: Record<MentorKind, string> = {
  faculty: 'Faculty',
  resident: 'Resident',
  fellow: 'Fellow',
  alumni: 'Alumni',
  'near-peer': 'Near-peer student',
}

/** What a mentor offers, and (the same words) what help a student wants. */
export const MENTOR_OFFERINGS = [
  'career-advice',
  'research',
  'shadowing',
  'letters',
  'mock-interviews',
  'cv-review',
  'personal-statement-review',
  'wellness',
  'identity-based-mentorship',
  'high-expectations',
] as const
export type MentorOffering = (typeof MENTOR_OFFERINGS)[number]

export const MENTOR_OFFERING_LABELS: Record<MentorOffering, string> = {
  'career-advice': 'Career advice',
  research: 'Research',
  shadowing: 'Shadowing',
  letters: 'Letters of recommendation',
  'mock-interviews': 'Mock interviews',
  'cv-review': 'CV review',
  'personal-statement-review': 'Personal statement review',
  wellness: 'Wellness',
  'identity-based-mentorship': 'Identity-based mentorship',
  // A mentor's own word that they hold students to a high bar; students may ask for "someone who will challenge me".
  'high-expectations': 'High-expectation mentoring (will challenge you)',
}

export const ACADEMIC_RANKS = ['instructor', 'assistant-professor', 'associate-professor', 'professor', 'clinical-faculty'] as const
export type AcademicRank = (typeof ACADEMIC_RANKS)[number]

export const ACADEMIC_RANK_LABELS: Record<AcademicRank, string> = {
  instructor: 'Instructor',
  'assistant-professor': 'Assistant Professor',
  'associate-professor': 'Associate Professor',
  professor: 'Professor',
  'clinical-faculty': 'Clinical Faculty',
}

/** Who may see a person's optional, self-identified identity fields. */
export const IDENTITY_VISIBILITIES = ['private', 'advisors', 'mentors-and-advisors', 'everyone'] as const
export type IdentityVisibility = (typeof IDENTITY_VISIBILITIES)[number]

export const IDENTITY_VISIBILITY_LABELS: Record<IdentityVisibility, string> = {
  private: 'Only me',
  advisors: 'Advisors (Office of Student Affairs)',
  'mentors-and-advisors': 'Mentors and advisors',
  everyone: 'Everyone at the school',
}

/** Optional, self-identified identity attributes a person may share for identity-based mentorship. */
export const IDENTITY_ATTRIBUTES = [
  'first-generation',
  'underrepresented-in-medicine',
  'lgbtq',
  'parent-or-caregiver',
  'veteran',
  'disability',
  'international',
  'rural-background',
] as const
export type IdentityAttribute = (typeof IDENTITY_ATTRIBUTES)[number]

export const IDENTITY_ATTRIBUTE_LABELS: Record<IdentityAttribute, string> = {
  'first-generation': 'First in family to attend college',
  'underrepresented-in-medicine': 'Underrepresented in medicine',
  lgbtq: 'LGBTQ+',
  'parent-or-caregiver': 'Parent or caregiver',
  veteran: 'Military veteran',
  disability: 'Person with a disability',
  international: 'International background',
  'rural-background': 'Rural background',
}

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'outbox'] as const
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number]

/** Where a letter of recommendation request is; `docs/decisions/008-letter-confidentiality.md`. */
export const LETTER_STATUSES = ['requested', 'accepted', 'declined', 'in-progress', 'submitted', 'delivered', 'withdrawn'] as const
export type LetterStatus = (typeof LETTER_STATUSES)[number]

export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  requested: 'Requested',
  accepted: 'Accepted',
  declined: 'Declined',
  'in-progress': 'In progress',
  submitted: 'Submitted',
  delivered: 'Delivered',
  withdrawn: 'Withdrawn',
}

/** SLOE: the standardized letter of evaluation some specialties (emergency medicine, …) ask for. */
export const LETTER_TYPES = ['standard', 'sloe', 'chair'] as const
export type LetterType = (typeof LETTER_TYPES)[number]

export const LETTER_TYPE_LABELS: Record<LetterType, string> = {
  standard: 'Standard letter',
  sloe: 'Standardized letter of evaluation (SLOE)',
  chair: 'Chair’s letter',
}

export const LETTER_PURPOSES = ['specialty', 'program', 'general'] as const
export type LetterPurpose = (typeof LETTER_PURPOSES)[number]

/** The documents of a letter packet the student uploads for the writer. */
export const LETTER_PACKET_DOCUMENTS = ['cv', 'personal-statement'] as const
export type LetterPacketDocument = (typeof LETTER_PACKET_DOCUMENTS)[number]

/** Automatic reminders to the writer, each sent at most once per request. */
export const LETTER_REMINDER_KINDS = ['due-in-14-days', 'due-in-7-days', 'due-in-2-days', 'overdue'] as const
export type LetterReminderKind = (typeof LETTER_REMINDER_KINDS)[number]

/** United States Census Bureau regions; the directory derives a mentor's region from their state. */
export const US_REGIONS = ['northeast', 'midwest', 'south', 'west'] as const
export type UsRegion = (typeof US_REGIONS)[number]

export const US_REGION_LABELS: Record<UsRegion, string> = {
  northeast: 'Northeast',
  midwest: 'Midwest',
  south: 'South',
  west: 'West',
}

/** How the mentor directory orders its results. */
export const DIRECTORY_SORTS = ['relevance', 'name'] as const
export type DirectorySort = (typeof DIRECTORY_SORTS)[number]

/** Where a mentorship request is; decision 010. `requested` and `viewed` are open. */
export const MENTORSHIP_REQUEST_STATUSES = ['requested', 'viewed', 'accepted', 'declined', 'expired', 'withdrawn', 'invalidated'] as const
export type MentorshipRequestStatus = (typeof MENTORSHIP_REQUEST_STATUSES)[number]

export const MENTORSHIP_KINDS = ['ongoing', 'coffee-chat'] as const
export type MentorshipKind = (typeof MENTORSHIP_KINDS)[number]

export const MENTORSHIP_KIND_LABELS: Record<MentorshipKind, string> = {
  ongoing: 'Ongoing mentorship',
  'coffee-chat': 'One-off conversation (coffee chat)',
}

export const DECLINE_REASONS = ['at-capacity', 'not-my-area', 'schedule', 'not-a-good-fit', 'other'] as const
export type DeclineReason = (typeof DECLINE_REASONS)[number]

export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  'at-capacity': 'I have no room for another mentee now',
  'not-my-area': 'This is not my area',
  schedule: 'My schedule does not allow it',
  'not-a-good-fit': 'I am not the right fit for this',
  other: 'Another reason',
}

export const MENTORSHIP_STATUSES = ['active', 'closed'] as const
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number]

export const MENTORSHIP_CLOSURE_REASONS = ['goals-met', 'one-off-done', 'graduated', 'schedule', 'not-a-good-fit', 'other'] as const
export type MentorshipClosureReason = (typeof MENTORSHIP_CLOSURE_REASONS)[number]

export const MEETING_STATUSES = ['proposed', 'confirmed', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

export const MEETING_LOCATION_KINDS = ['in-person', 'video', 'phone'] as const
export type MeetingLocationKind = (typeof MEETING_LOCATION_KINDS)[number]

/** Events the office and departments hold (issue #15's first slice: no series, slots or check-in yet). */
export const EVENT_KINDS = [
  'panel',
  'fair',
  'lunch-and-learn',
  'workshop',
  'residency-information-session',
  'alumni-session',
  'interest-group-meeting',
  'headshot-session',
  'class-meeting',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  panel: 'Panel',
  fair: 'Fair',
  'lunch-and-learn': 'Lunch and learn',
  workshop: 'Workshop',
  'residency-information-session': 'Residency information session',
  'alumni-session': 'Alumni session',
  'interest-group-meeting': 'Interest group meeting',
  'headshot-session': 'Headshot session',
  'class-meeting': 'Class meeting',
}

export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

/** A student's place at an event: a seat, a place in the queue, or given up. */
export const EVENT_RSVP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const
export type EventRsvpStatus = (typeof EVENT_RSVP_STATUSES)[number]

/** What a student can take part in through the opportunities board (issue #20). */
export const OPPORTUNITY_KINDS = ['research-project', 'shadowing', 'summer-experience', 'scholarly-year'] as const
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number]

export const OPPORTUNITY_KIND_LABELS: Record<OpportunityKind, string> = {
  'research-project': 'Research project',
  shadowing: 'Shadowing',
  'summer-experience': 'Summer experience',
  'scholarly-year': 'Scholarly year',
}

/** A draft is the poster's alone; a published one takes applications until its deadline; a closed one takes none. */
export const OPPORTUNITY_STATUSES = ['draft', 'published', 'closed'] as const
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number]

export const OPPORTUNITY_APPLICATION_STATUSES = ['submitted', 'shortlisted', 'accepted', 'declined', 'withdrawn'] as const
export type OpportunityApplicationStatus = (typeof OPPORTUNITY_APPLICATION_STATUSES)[number]

/** The kinds of a student's experience record, as ERAS groups experiences. */
export const EXPERIENCE_KINDS = ['research', 'clinical', 'volunteer', 'leadership', 'teaching'] as const
export type ExperienceKind = (typeof EXPERIENCE_KINDS)[number]

export const EXPERIENCE_KIND_LABELS: Record<ExperienceKind, string> = {
  research: 'Research',
  clinical: 'Clinical',
  volunteer: 'Volunteer',
  leadership: 'Leadership',
  teaching: 'Teaching',
}
/**
 * What a student's research produced, as ERAS and NRMP's Charting Outcomes count "abstracts,
 * presentations and publications": the list builder's research items are these.
 */
export const RESEARCH_OUTPUT_KINDS = ['abstract', 'poster', 'presentation', 'publication'] as const
export type ResearchOutputKind = (typeof RESEARCH_OUTPUT_KINDS)[number]

export const RESEARCH_OUTPUT_KIND_LABELS: Record<ResearchOutputKind, string> = {
  abstract: 'Abstract',
  poster: 'Poster',
  presentation: 'Oral presentation',
  publication: 'Publication',
}

/** The community's topic boards; every specialty has a board of its own besides (`specialty:<id>`). */
export const COMMUNITY_TOPICS = ['application-strategy', 'research', 'wellbeing', 'parenthood-and-family', 'money-and-debt', 'identity-in-medicine'] as const
export type CommunityTopic = (typeof COMMUNITY_TOPICS)[number]

export const COMMUNITY_TOPIC_LABELS: Record<CommunityTopic, { name: string; description: string }> = {
  'application-strategy': { name: 'Application strategy', description: 'ERAS, signals, how many programs, letters, interviews and the rank list.' },
  research: { name: 'Research', description: 'Finding a project and a mentor, research years, posters and papers.' },
  wellbeing: { name: 'Wellbeing', description: 'Burnout, sleep, stress, rough rotations and getting help.' },
  'parenthood-and-family': { name: 'Parenthood and family', description: 'Having a child in school or residency, partners, caring for family.' },
  'money-and-debt': { name: 'Money and debt', description: 'Loans, repayment and forgiveness, away rotations and interview costs, salaries.' },
  'identity-in-medicine': { name: 'Identity in medicine', description: 'Being first-generation, gender, race, disability, LGBTQ+ and more, in medicine.' },
}

/** What a moderator did to a post; `reveal-author` is the one way anyone learns who wrote an anonymous post. */
export const COMMUNITY_MODERATION_ACTIONS = ['hide', 'unhide', 'lock', 'unlock', 'warn', 'edit', 'dismiss-report', 'reveal-author'] as const
export type CommunityModerationAction = (typeof COMMUNITY_MODERATION_ACTIONS)[number]

/** Mock interviews (the mock-interviews module): the kinds of interview a slot practises. */
export const MOCK_INTERVIEW_KINDS = ['traditional', 'behavioural', 'virtual', 'mmi-station'] as const
export type MockInterviewKind = (typeof MOCK_INTERVIEW_KINDS)[number]
export const MOCK_INTERVIEW_KIND_LABELS: Record<MockInterviewKind, string> = {
  traditional: 'Traditional',
  behavioural: 'Behavioural',
  virtual: 'Virtual',
  'mmi-station': 'Multiple mini interview station',
}
/** The kinds of question in the school's bank: what sort of interview each practises. */
export const MOCK_QUESTION_KINDS = ['traditional', 'behavioural', 'mmi-station'] as const
export type MockQuestionKind = (typeof MOCK_QUESTION_KINDS)[number]
export const MOCK_QUESTION_KIND_LABELS: Record<MockQuestionKind, string> = {
  traditional: 'Traditional',
  behavioural: 'Behavioural',
  'mmi-station': 'Multiple mini interview station',
}
/** Where a mock interview happens: a room, or an online link. */
export const MOCK_INTERVIEW_PLACES = ['in-person', 'online'] as const
export type MockInterviewPlace = (typeof MOCK_INTERVIEW_PLACES)[number]
export const MOCK_SLOT_STATUSES = ['open', 'cancelled'] as const
export type MockSlotStatus = (typeof MOCK_SLOT_STATUSES)[number]
export const MOCK_BOOKING_STATUSES = ['booked', 'cancelled'] as const
export type MockBookingStatus = (typeof MOCK_BOOKING_STATUSES)[number]

export const SHADOWING_BOOKING_STATUSES = ['booked', 'cancelled'] as const
export type ShadowingBookingStatus = (typeof SHADOWING_BOOKING_STATUSES)[number]

/** Who vouches for a requirement: the student confirms it themselves, or the office verifies it. */
export const REQUIREMENT_VERIFICATIONS = ['student', 'office'] as const
export type RequirementVerification = (typeof REQUIREMENT_VERIFICATIONS)[number]

/** A student's standing on a requirement, computed from its dates and today. */
export const REQUIREMENT_STATES = ['met', 'missing', 'awaiting-verification', 'expired'] as const
export type RequirementState = (typeof REQUIREMENT_STATES)[number]

/** A place in an interest group: leaders are named by the office; members join on their own. */
export const INTEREST_GROUP_ROLES = ['leader', 'member'] as const
export type InterestGroupRole = (typeof INTEREST_GROUP_ROLES)[number]
/** The school's academic calendar: the first day of an academic year, a break, a holiday. */
export const ACADEMIC_DATE_KINDS = ['year-start', 'break', 'holiday'] as const
export type AcademicDateKind = (typeof ACADEMIC_DATE_KINDS)[number]
export const ACADEMIC_DATE_KIND_LABELS: Record<AcademicDateKind, string> = { 'year-start': 'Year starts', break: 'Break', holiday: 'Holiday' }

/** How a series of events repeats: on the same weekday of each month (the second Tuesday), or every N weeks. */
export const EVENT_SERIES_REPEATS = ['monthly-weekday', 'weekly'] as const
export type EventSeriesRepeat = (typeof EVENT_SERIES_REPEATS)[number]
