import type { Tx } from '../client.ts'
import {
  departmentAdvising,
  eventRsvps,
  events,
  interestGroupAnnouncements,
  interestGroupEvents,
  interestGroupMembers,
  interestGroups,
} from '../schema/index.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
import { DEMO_ACCOUNT_EMAILS } from './demo-accounts.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'

type GroupPlan = {
  id: string
  name: string
  specialtyId: string | null
  description: string
  announcements: { subject: string; body: string; daysAgo: number }[]
}

const PLANS: readonly GroupPlan[] = [
  {
    id: '5a1e0c3d-9b2f-4e61-8a70-1f2e3d4c5b01',
    name: 'Emergency Medicine Interest Group',
    specialtyId: 'emergency-medicine',
    description: 'Shadowing shifts in the emergency department, a suturing and splinting night each term, and residents on the EM match.',
    announcements: [
      {
        subject: 'Shadowing sign-ups are open',
        body: 'Four-hour shadowing shifts in the emergency department are open for January and February. Sign up on the sheet linked from our next meeting’s page.',
        daysAgo: 12,
      },
      {
        subject: 'Skills night: bring a friend',
        body: 'Our suturing and splinting night is coming up. Members get first places; the rest go to the waitlist.',
        daysAgo: 3,
      },
    ],
  },
  {
    id: '5a1e0c3d-9b2f-4e61-8a70-1f2e3d4c5b02',
    name: 'Internal Medicine Interest Group',
    specialtyId: 'internal-medicine',
    description: 'Morning report for students, subspecialty lunch talks and a mentor from the residency for every member who asks.',
    announcements: [
      { subject: 'Cardiology lunch talk', body: 'A cardiology fellow talks about the path from residency to fellowship. Lunch provided.', daysAgo: 6 },
    ],
  },
  {
    id: '5a1e0c3d-9b2f-4e61-8a70-1f2e3d4c5b03',
    name: 'Surgery Interest Group',
    specialtyId: 'general-surgery',
    description: 'Knot-tying workshops, OR etiquette before clerkships, and a panel of surgical residents each spring.',
    announcements: [{ subject: 'Knot-tying kits', body: 'Kits are in the student lounge: take one, practise, and bring it to the workshop.', daysAgo: 9 }],
  },
  {
    id: '5a1e0c3d-9b2f-4e61-8a70-1f2e3d4c5b04',
    name: 'Pediatrics Interest Group',
    specialtyId: 'pediatrics',
    description: 'Volunteering at the children’s hospital, a pediatric subspecialty fair and advice on the pediatrics match.',
    announcements: [],
  },
  {
    id: '5a1e0c3d-9b2f-4e61-8a70-1f2e3d4c5b05',
    name: 'Wilderness Medicine Interest Group',
    specialtyId: null,
    description: 'Medicine far from a hospital: weekend trips, a field skills day and talks from search-and-rescue physicians.',
    announcements: [],
  },
]

/** The demo interest groups' one event of their own, tied to the Emergency Medicine group. */
const GROUP_EVENT_ID = '5a1e0c3d-9b2f-4e61-8a70-1f2e3d4c5e01'
/** A department's lunch-and-learn open to the students interested in its specialty. */
const SPECIALTY_EVENT_ID = '5a1e0c3d-9b2f-4e61-8a70-1f2e3d4c5e02'

const CHAIR_AVAILABILITY: Readonly<Record<string, string>> = {
  'emergency-medicine': 'Holds residency conversations on Thursday afternoons from September to November; write to the department office to book 20 minutes.',
  medicine: 'Meets students applying in internal medicine in small groups each October; ask your specialty advisor to add you.',
  surgery: 'Has office hours for students considering surgery on the first Monday of each month, 4–5 pm.',
  pediatrics: 'Happy to talk about a pediatrics career by appointment through the department office.',
}

/**
 * Interest groups with leaders and members (students who list the specialty among their
 * interests), announcements, one group event with places taken, one event for a specialty's
 * interested students, and each demo department's specialty advisor and chair. The near-peer
 * demo account leads the Emergency Medicine group; the demo student is not a member yet, so they
 * can join from the specialty's page.
 */
export async function insertDemoInterestGroups(tx: Tx, rows: DemoSchoolRows, now: Date): Promise<void> {
  const people = new Map(rows.people.map((p) => [p.id, p]))
  const demo = new Set(rows.people.filter((p) => DEMO_ACCOUNT_EMAILS.includes(p.email)).map((p) => p.id))
  const nearPeer = rows.people.find((p) => p.email === 'near-peer@demo.example.edu')?.id
  const advisorAccount = rows.people.find((p) => p.email === 'advisor@demo.example.edu')?.id ?? null
  const usable = (id: string) => people.get(id)?.status === 'active' && !people.get(id)?.directoryHold && !demo.has(id)
  const students = rows.studentProfiles.filter((s) => s.classYear !== 'M4')
  const faculty = rows.mentorProfiles.filter((m) => m.kind === 'faculty')
  const used = new Set<string>()

  for (const [index, plan] of PLANS.entries()) {
    const createdAt = new Date(now.getTime() - (200 + index) * MS_PER_DAY)
    const advisor = faculty.find((m) => (plan.specialtyId ? m.specialtyId === plan.specialtyId : m.specialtyId === 'emergency-medicine') && usable(m.personId))
    await tx.insert(interestGroups).values({
      id: plan.id,
      name: plan.name,
      specialtyId: plan.specialtyId,
      description: plan.description,
      facultyAdvisorId: advisor?.personId ?? null,
      createdById: advisorAccount,
      createdAt,
      updatedAt: createdAt,
    })
    const interested = students.filter(
      (s) => (plan.specialtyId ? s.specialtyInterests.includes(plan.specialtyId) : s.personId.endsWith('7')) && usable(s.personId),
    )
    const leaders = interested.filter((s) => !used.has(s.personId) && (s.classYear === 'M2' || s.classYear === 'M3')).slice(0, 2)
    for (const l of leaders) used.add(l.personId)
    const leaderIds = [...(plan.specialtyId === 'emergency-medicine' && nearPeer ? [nearPeer] : []), ...leaders.map((l) => l.personId)].slice(0, 2)
    const members = interested.filter((s) => !leaderIds.includes(s.personId)).slice(0, 24)
    await tx.insert(interestGroupMembers).values([
      ...leaderIds.map((personId) => ({ groupId: plan.id, personId, role: 'leader' as const, joinedAt: createdAt })),
      ...members.map((m, i) => ({
        groupId: plan.id,
        personId: m.personId,
        role: 'member' as const,
        joinedAt: new Date(createdAt.getTime() + (i + 1) * 3 * MS_PER_DAY),
      })),
    ])
    for (const a of plan.announcements)
      await tx.insert(interestGroupAnnouncements).values({
        groupId: plan.id,
        authorId: leaderIds[0] ?? null,
        subject: a.subject,
        body: a.body,
        recipientCount: members.length + leaderIds.length - 1,
        createdAt: new Date(now.getTime() - a.daysAgo * MS_PER_DAY),
      })

    if (plan.specialtyId === 'emergency-medicine') {
      const startAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 11 * MS_PER_DAY + 22 * MS_PER_HOUR)
      await tx.insert(events).values({
        id: GROUP_EVENT_ID,
        title: 'Suturing and splinting skills night',
        kind: 'interest-group-meeting',
        description: 'Emergency medicine residents teach simple interrupted sutures and splints for common fractures. Pig feet and plaster provided.',
        startAt,
        endAt: new Date(startAt.getTime() + 2 * MS_PER_HOUR),
        timeZone: 'America/New_York',
        room: 'Clinical Skills Center, Room 4',
        host: plan.name,
        interestGroupIds: [plan.id],
        capacity: 20,
        rsvpClosesAt: new Date(startAt.getTime() - 2 * MS_PER_HOUR),
        createdById: leaderIds[0] ?? advisorAccount,
        createdAt: new Date(now.getTime() - 4 * MS_PER_DAY),
        updatedAt: new Date(now.getTime() - 4 * MS_PER_DAY),
      })
      await tx.insert(interestGroupEvents).values({ eventId: GROUP_EVENT_ID, groupId: plan.id })
      const going = members.slice(0, 12)
      if (going.length > 0)
        await tx.insert(eventRsvps).values(
          going.map((m, i) => {
            const queuedAt = new Date(now.getTime() - (3 * MS_PER_DAY - i * MS_PER_HOUR))
            return { eventId: GROUP_EVENT_ID, studentId: m.personId, status: 'confirmed' as const, queuedAt, queueNumber: i + 1, updatedAt: queuedAt }
          }),
        )
    }
  }

  const startAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 16 * MS_PER_DAY + 16 * MS_PER_HOUR)
  await tx.insert(events).values({
    id: SPECIALTY_EVENT_ID,
    title: 'Pediatrics lunch-and-learn: a day in the NICU',
    kind: 'lunch-and-learn',
    description: 'A neonatologist and a pediatrics resident on life in the neonatal intensive care unit. For students interested in pediatrics.',
    startAt,
    endAt: new Date(startAt.getTime() + MS_PER_HOUR),
    timeZone: 'America/New_York',
    room: 'Children’s Hospital, Conference Room B',
    host: 'Department of Pediatrics',
    specialtyIds: ['pediatrics'],
    capacity: 30,
    rsvpClosesAt: new Date(startAt.getTime() - MS_PER_DAY),
    createdById: advisorAccount,
    createdAt: new Date(now.getTime() - 7 * MS_PER_DAY),
    updatedAt: new Date(now.getTime() - 7 * MS_PER_DAY),
  })

  // Each demo department's designated specialty advisor (an advisor who advises on one of its specialties) and its chair (a professor there).
  for (const departmentId of Object.keys(CHAIR_AVAILABILITY)) {
    const advisor = rows.advisorProfiles.find((a) => a.advisesSpecialtyId && findSpecialty(a.advisesSpecialtyId)?.departmentId === departmentId)
    const chair = faculty.find((m) => m.departmentId === departmentId && m.academicRank === 'professor' && usable(m.personId))
    if (!advisor && !chair) continue
    await tx.insert(departmentAdvising).values({
      departmentId,
      specialtyAdvisorId: advisor?.personId ?? null,
      chairId: chair?.personId ?? null,
      chairAvailability: chair ? (CHAIR_AVAILABILITY[departmentId] ?? '') : '',
      updatedById: advisorAccount,
      updatedAt: new Date(now.getTime() - 30 * MS_PER_DAY),
    })
  }
}
