import type { Role } from '#shared/enums.ts'

export type NavItem = {
  to: string
  label: string
  /** Shown to anyone holding one of these roles (everyone when absent). */
  roles?: readonly Role[]
  /** Not shown to these roles, even when `roles` matches. */
  hiddenFor?: readonly Role[]
  end?: boolean
}

/** A menu of links grouped by what people do there, or a single top-level link. */
export type NavEntry = { kind: 'link'; item: NavItem } | { kind: 'group'; id: string; label: string; items: readonly NavItem[] }

/**
 * The main menu, grouped by what people come to do rather than by module. Students see
 * Mentoring · Career plan · Residency; staff see Students · Programs · Office. A person with
 * several roles (a near-peer is a student and a mentor) gets the union: each group keeps the
 * links any of their roles may use, and a link is listed once.
 */
const NAV: readonly NavEntry[] = [
  { kind: 'link', item: { to: '/', label: 'Home', end: true } },
  {
    kind: 'group',
    id: 'mentoring',
    label: 'Mentoring',
    items: [
      { to: '/mentors/for-you', label: 'Mentors for you', roles: ['student'] },
      { to: '/mentors', label: 'Find a mentor', roles: ['student', 'mentor'], end: true },
      { to: '/mentorships', label: 'Mentorships', roles: ['student', 'mentor'] },
      { to: '/mentorships/availability', label: 'Your availability', roles: ['mentor'] },
      // Students ask and mentors answer in the same place: the community is part of mentoring.
      { to: '/community', label: 'Community', roles: ['student', 'mentor'] },
      { to: '/programs', label: 'Mentor programs', roles: ['student', 'mentor'], hiddenFor: ['advisor', 'admin'] },
      // A student who also mentors reaches the letters they write from their own Letters page.
      { to: '/letters/writing', label: 'Letters to write', roles: ['mentor'], hiddenFor: ['student'] },
      // Mentors come to (and speak at) events open to every student.
      { to: '/events', label: 'Events', roles: ['mentor'], hiddenFor: ['student'] },
      // Research projects and shadowing days a mentor offers students.
      { to: '/opportunities/posted', label: 'My postings', roles: ['mentor'], hiddenFor: ['advisor', 'admin'] },
      // Students' CVs and statements shared with the mentor for comments.
      { to: '/materials/reviews', label: 'Documents to review', roles: ['mentor'] },
      // Mock interviews a mentor (or a specialty advisor) gives: slots, then scores and feedback.
      { to: '/mock-interviews/interviewing', label: 'Mock interviews you give', roles: ['mentor'] },
    ],
  },
  {
    kind: 'group',
    id: 'career-plan',
    label: 'Career plan',
    items: [
      { to: '/timeline', label: 'Career timeline', roles: ['student'] },
      { to: '/advising', label: 'Advising board', roles: ['student'], end: true },
      { to: '/letters', label: 'Letters', roles: ['student'], end: true },
      { to: '/events', label: 'Events', roles: ['student'] },
      // A specialty's page leads to its interest group, and back.
      { to: '/interest-groups', label: 'Interest groups', roles: ['student'] },
      { to: '/opportunities', label: 'Opportunities', roles: ['student'], end: true },
      { to: '/experiences', label: 'Experience record', roles: ['student'] },
      { to: '/materials', label: 'Application documents', roles: ['student'], end: true },
      { to: '/mock-interviews', label: 'Mock interviews', roles: ['student'], end: true },
      // FERPA: what the school holds about the student, who saw it, corrections.
      { to: '/records', label: 'My records', roles: ['student'] },
    ],
  },
  {
    kind: 'group',
    id: 'residency',
    label: 'Residency',
    items: [
      // Choosing a specialty comes before its programs.
      { to: '/specialties', label: 'Explore specialties', roles: ['student'] },
      { to: '/residency/programs', label: 'Residency programs', hiddenFor: ['advisor', 'admin'] },
      { to: '/residency/list-builder', label: 'Residency list builder', roles: ['student'] },
      { to: '/residency/rank-list', label: 'Rank order list', roles: ['student'] },
    ],
  },
  {
    kind: 'group',
    id: 'students',
    label: 'Students',
    items: [
      { to: '/people', label: 'People', roles: ['advisor', 'admin'] },
      { to: '/advising/students', label: 'My students', roles: ['advisor'] },
      { to: '/residency/rank-lists', label: 'Rank lists to review', roles: ['advisor'] },
      { to: '/residency/class-simulation', label: 'Class simulation', roles: ['advisor'] },
      { to: '/materials/reviews', label: 'Documents to review', roles: ['advisor'] },
      { to: '/mentorships/quiet', label: 'Quiet mentorships', roles: ['advisor', 'admin'] },
      { to: '/admin/advisors', label: 'Advisors of students', roles: ['admin'] },
      { to: '/admin/roster', label: 'Class roster', roles: ['admin'] },
      { to: '/reports/school', label: 'School dashboard', roles: ['advisor'] },
      { to: '/curriculum/progress', label: 'Class progress', roles: ['advisor'] },
      { to: '/mock-interviews/interviewers', label: 'Mock interviewers', roles: ['advisor', 'admin'] },
      // Specialty advisors give mock interviews too.
      { to: '/mock-interviews/interviewing', label: 'Mock interviews you give', roles: ['advisor'] },
    ],
  },
  {
    kind: 'group',
    id: 'programs',
    label: 'Programs',
    items: [
      { to: '/admin/programs', label: 'Mentor programs', roles: ['advisor', 'admin'] },
      { to: '/mentors', label: 'Find a mentor', roles: ['advisor', 'admin'], hiddenFor: ['student', 'mentor'], end: true },
      { to: '/residency/programs', label: 'Residency programs', roles: ['advisor', 'admin'] },
      { to: '/residency/calibration', label: 'List builder calibration', roles: ['advisor', 'admin'] },
      { to: '/events', label: 'Events', roles: ['advisor', 'admin'] },
      { to: '/interest-groups', label: 'Interest groups', roles: ['advisor', 'admin'] },
      // Where the office names each department's specialty advisor.
      { to: '/specialties', label: 'Specialties', roles: ['advisor', 'admin'] },
      { to: '/curriculum/milestones', label: 'Career curriculum', roles: ['advisor', 'admin'] },
      { to: '/admin/academic-calendar', label: 'Academic calendar', roles: ['advisor', 'admin'] },
      { to: '/opportunities/posted', label: 'Opportunities posted', roles: ['advisor', 'admin'] },
      { to: '/community', label: 'Community', roles: ['advisor', 'admin'] },
    ],
  },
  {
    kind: 'group',
    id: 'office',
    label: 'Office',
    items: [
      { to: '/admin/people', label: 'Manage people', roles: ['admin'] },
      { to: '/admin/letters', label: 'Letter delivery', roles: ['admin'] },
      { to: '/admin/requirements', label: 'Opportunity requirements', roles: ['admin'] },
      { to: '/admin/outbox', label: 'Outbox', roles: ['admin'] },
      { to: '/admin/mentorships', label: 'Mentorship settings', roles: ['admin'] },
      { to: '/admin/recommendations', label: 'Recommendations', roles: ['admin'] },
      { to: '/admin/audit', label: 'Audit log', roles: ['admin'] },
      { to: '/admin/sso', label: 'Single sign-on', roles: ['admin'] },
      { to: '/admin/mock-interviews/rubric', label: 'Mock interview rubric', roles: ['admin'] },
      { to: '/admin/mock-interviews/questions', label: 'Mock interview questions', roles: ['admin'] },
      { to: '/records/amendments', label: 'Record corrections', roles: ['admin'] },
      { to: '/records/retention', label: 'Record retention', roles: ['admin'] },
    ],
  },
]

const visibleTo = (roles: readonly Role[]) => (item: NavItem) =>
  (!item.roles || item.roles.some((role) => roles.includes(role))) && !(item.hiddenFor ?? []).some((role) => roles.includes(role))

/**
 * The menu for a person with these roles: groups keep only the links they may use, empty groups
 * go, and a link already shown in an earlier group is not repeated.
 */
export function navFor(roles: readonly Role[]): NavEntry[] {
  const seen = new Set<string>()
  const entries: NavEntry[] = []
  for (const entry of NAV) {
    if (entry.kind === 'link') {
      if (visibleTo(roles)(entry.item) && !seen.has(entry.item.to)) {
        seen.add(entry.item.to)
        entries.push(entry)
      }
      continue
    }
    const items = entry.items.filter((item) => visibleTo(roles)(item) && !seen.has(item.to))
    for (const item of items) seen.add(item.to)
    if (items.length > 0) entries.push({ ...entry, items })
  }
  return entries
}

/** Whether the current path belongs to one of the group's links (the group shows as current). */
export function isInGroup(pathname: string, items: readonly NavItem[]): boolean {
  return items.some((item) => (item.end ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`)))
}
