import { eq, sql } from 'drizzle-orm'
import { mentorProfiles, residencyPrograms, studentAdvisors, studentProgramLists } from '#server/db/schema/index.ts'
import type { Database } from '#server/db/client.ts'
import type { TestApp } from '#tests/setup/test-app.ts'
import { makePdf } from '#tests/setup/pdf.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'

/**
 * Factories for the aggregates a student owns — a mentorship with its goal, action item and
 * meeting, a letter request with a packet and an upload link, a program list, a rank order
 * list, a mentor program seat, an advising-board assignment, a class simulation — built the way
 * the people concerned build them, through the HTTP API, so every row carries the invariants
 * its service keeps. Pairs with the person factories: `buildResidencyProgram` /
 * `insertResidencyProgram` for rows, `insertStudentRecords` for the aggregates.
 */

type Account = { person: { id: string; email: string; name: string }; cookie: string }
type Program = typeof residencyPrograms.$inferInsert

export function buildResidencyProgram(overrides: Partial<Program> & { id: string }): Program {
  return {
    name: `${overrides.id} Internal Medicine`,
    institution: `${overrides.id} Hospital`,
    specialtyId: 'internal-medicine',
    track: 'categorical',
    city: 'Springfield',
    state: 'IL',
    region: 'midwest',
    positions: 10,
    setting: 'academic',
    step2P25: 240,
    step2P75: 255,
    ...overrides,
  }
}

export async function insertResidencyProgram(db: Database, overrides: Partial<Program> & { id: string }): Promise<Program> {
  const program = buildResidencyProgram(overrides)
  await db.insert(residencyPrograms).values(program)
  return program
}

export type StudentRecords = {
  student: Account
  mentor: Account
  advisor: Account
  admin: Account
  ids: {
    personId: string
    studentId: string
    mentorshipRequestId: string
    mentorshipId: string
    goalId: string
    actionItemId: string
    meetingId: string
    letterRequestId: string
    document: string
    token: string
    feed: string
    programId: string
    mentorProgramId: string
    assignmentId: string
    simulationId: string
    eventId: string
    slotId: string
    milestoneId: string
    opportunityId: string
    applicationId: string
    experienceId: string
    outputId: string
    questionId: string
    answerId: string
    reportId: string
    termId: string
    documentId: string
    versionId: string
    threadId: string
    reviewRequestId: string
    amendmentId: string
    mockSlotId: string
    mockBookingId: string
    shadowingSlotId: string
    shadowingBookingId: string
    requirementId: string
    messageId: string
    /** One of the student's in-app notifications (their mentor's answer, among others). */
    notificationId: string
    /** An interest group the student leads. */
    groupId: string
    specialtyId: string
    departmentId: string
  }
}

async function ok<T extends { status: number; text: string }>(label: string, response: Promise<T>): Promise<T> {
  const answer = await response
  if (answer.status >= 300) throw new Error(`${label}: ${answer.status} ${answer.text}`)
  return answer
}

/**
 * One student with a full set of records: their mentor (who also writes their letter), their
 * assigned advisor (who signs off their rank order list and simulates their class), and an
 * admin who runs a mentor program with them in it. Every id a route can take is in `ids`.
 */
export async function insertStudentRecords(t: TestApp, label: string): Promise<StudentRecords> {
  const student = await t.signedInAs(['student'])
  const mentorPerson = await t.insertAccount(['mentor'], { mentor: { capacity: 5, accepting: true } })
  const mentor = { person: mentorPerson, cookie: await t.sessionCookie(mentorPerson.id) }
  const advisor = await t.signedInAs(['advisor'])
  const admin = await t.signedInAs(['admin'])
  const s = student.person.id

  // Mentorship, goal, action item, meeting.
  const asked = await ok(
    'mentorship request',
    t.request('POST', '/api/mentorship-requests', {
      cookie: student.cookie,
      body: { mentorId: mentor.person.id, kind: 'ongoing', message: 'Hello', helpWanted: ['research'] },
    }),
  )
  const mentorshipRequestId = asked.json.id as string
  const accepted = await ok('accept', t.request('POST', `/api/mentorship-requests/${mentorshipRequestId}/accept`, { cookie: mentor.cookie }))
  const mentorshipId = accepted.json.mentorshipId as string
  const path = `/api/mentorships/${mentorshipId}`
  const goalId = (await ok('goal', t.request('POST', `${path}/goals`, { cookie: student.cookie, body: { title: 'A goal' } }))).json.goals[0].id as string
  const actionItemId = (
    await ok('action item', t.request('POST', `${path}/action-items`, { cookie: student.cookie, body: { title: 'An item', dueDate: null } }))
  ).json.actionItems[0].id as string
  const proposedAt = new Date(t.clock.now().getTime() + 3 * MS_PER_DAY).toISOString()
  const meetingId = (await ok('meeting', t.request('POST', `${path}/meetings`, { cookie: mentor.cookie, body: { mode: 'propose', startAt: proposedAt } }))).json
    .id as string
  const feedUrl = (await ok('calendar feed', t.request('POST', '/api/calendar/feed', { cookie: student.cookie }))).json.url as string

  // A waived letter from the mentor, with a CV in its packet, and an outside writer's upload link.
  const due = new Date(t.clock.now().getTime() + 60 * MS_PER_DAY).toISOString().slice(0, 10)
  const letter = await ok(
    'letter request',
    t.request('POST', '/api/letter-requests', {
      cookie: student.cookie,
      body: { writerPersonId: mentor.person.id, purpose: 'general', letterType: 'standard', dueDate: due, waivedRightOfAccess: true },
    }),
  )
  const letterRequestId = (letter.json.request?.id ?? letter.json.id) as string
  await ok(
    'packet',
    t.request('PUT', `/api/letter-requests/${letterRequestId}/packet/cv`, {
      cookie: student.cookie,
      rawBody: makePdf({ text: `${label} CV` }) as BodyInit,
      headers: { 'content-type': 'application/pdf' },
    }),
  )
  await ok('letter accepted', t.request('POST', `/api/letter-requests/${letterRequestId}/accept`, { cookie: mentor.cookie, body: {} }))
  await ok(
    'letter',
    t.request('PUT', `/api/letter-requests/${letterRequestId}/letter`, {
      cookie: mentor.cookie,
      rawBody: makePdf({ text: `${label} letter` }) as BodyInit,
      headers: { 'content-type': 'application/pdf' },
    }),
  )

  // Advisor, program list, rank order list (submitted), class simulation.
  await t.db.insert(studentAdvisors).values({ studentId: s, advisorId: advisor.person.id, assignedAt: t.clock.now(), assignedBy: null })
  const programId = `${label.toUpperCase()}-IM`
  await insertResidencyProgram(t.db, { id: programId })
  await t.db.insert(studentProgramLists).values({ studentId: s, programId, status: 'interviewed' })
  await ok('rank list', t.request('PUT', '/api/rank-lists/me', { cookie: student.cookie, body: { expectedVersion: 0, primary: [{ programId, note: '' }] } }))
  await ok('rank list submitted', t.request('POST', '/api/rank-lists/me/submit', { cookie: student.cookie, body: { expectedVersion: 1 } }))
  const simulation = await ok('class simulation', t.request('POST', '/api/class-simulations', { cookie: advisor.cookie, body: { runs: 100 } }))
  const simulationId = simulation.json.id as string

  // A board assignment by the advisor, and a mentor program with the student in it.
  const assignment = await ok(
    'board assignment',
    t.request('POST', '/api/advising/assignments', { cookie: advisor.cookie, body: { studentId: s, slot: 'research-mentor', personId: mentor.person.id } }),
  )
  const assignmentId = assignment.json.assignmentId as string
  const program = await ok(
    'mentor program',
    t.request('POST', '/api/mentor-programs', {
      cookie: admin.cookie,
      body: {
        name: `${label} program`,
        pairingMethod: 'student-ranks',
        maxPerMentor: 2,
        studentEmails: [student.person.email],
        mentors: [{ email: mentor.person.email }],
      },
    }),
  )
  const mentorProgramId = program.json.id as string
  await ok('open ranking', t.request('POST', `/api/mentor-programs/${mentorProgramId}/open-ranking`, { cookie: admin.cookie, body: {} }))

  // An event for the student's class only, with their place at it.
  const eventStart = new Date(t.clock.now().getTime() + 10 * MS_PER_DAY)
  const event = await ok(
    'event',
    t.request('POST', '/api/events', {
      cookie: admin.cookie,
      body: {
        title: `${label} class meeting`,
        kind: 'class-meeting',
        startAt: eventStart.toISOString(),
        endAt: new Date(eventStart.getTime() + MS_PER_DAY / 24).toISOString(),
        room: 'Room 101',
        host: 'Office of Student Affairs',
        classYears: [student.person.student?.classYear ?? 'M1'],
        capacity: 10,
        rsvpClosesAt: eventStart.toISOString(),
      },
    }),
  )
  const eventId = event.json.id as string
  // An interest group the student leads.
  const group = await ok(
    'interest group',
    t.request('POST', '/api/interest-groups', {
      cookie: admin.cookie,
      body: { name: `${label} Interest Group`, specialtyId: 'emergency-medicine', leaderEmails: [student.person.email] },
    }),
  )
  const groupId = group.json.id as string
  await ok('event RSVP', t.request('POST', `/api/events/${eventId}/rsvp`, { cookie: student.cookie }))
  // The event split into two slots, the first booked by the student.
  const eventSlots = await ok(
    'event slots',
    t.request('POST', `/api/events/${eventId}/slots`, { cookie: admin.cookie, body: { startAt: eventStart.toISOString(), lengthMinutes: 10, count: 2 } }),
  )
  const slotId = (eventSlots.json.slots as { id: string }[])[0]?.id ?? ''
  await ok('slot booking', t.request('POST', `/api/events/${eventId}/slots/${slotId}/book`, { cookie: student.cookie }))
  // A curriculum milestone linked to that event, ticked by the student.
  const milestone = await ok(
    'milestone',
    t.request('POST', '/api/curriculum/milestones', {
      cookie: admin.cookie,
      body: { title: `${label} class meeting milestone`, year: 'year-1', phase: 'understand-yourself', dueMonth: 10, eventIds: [eventId] },
    }),
  )
  const milestoneId = milestone.json.id as string
  await ok('milestone tick', t.request('POST', `/api/curriculum/milestones/${milestoneId}/done`, { cookie: student.cookie }))

  // The mentor's research project for the student's class, which the student applied to and the mentor accepted.
  const opportunity = await ok(
    'opportunity',
    t.request('POST', '/api/opportunities', {
      cookie: mentor.cookie,
      body: {
        kind: 'research-project',
        title: `${label} sepsis outcomes project`,
        description: 'Chart review of sepsis outcomes.',
        classYears: [student.person.student?.classYear ?? 'M1'],
        places: 2,
      },
    }),
  )
  const opportunityId = opportunity.json.id as string
  const applied = await ok(
    'application',
    t.request('POST', `/api/opportunities/${opportunityId}/applications`, { cookie: student.cookie, body: { statement: 'I would like to help.' } }),
  )
  const applicationId = applied.json.myApplication.id as string
  const decided = await ok(
    'acceptance',
    t.request('POST', `/api/opportunity-applications/${applicationId}/decision`, { cookie: mentor.cookie, body: { status: 'accepted', message: 'Welcome.' } }),
  )
  const experienceId = decided.json.applicants[0].experience.id as string
  const withOutput = await ok(
    'research output',
    t.request('POST', `/api/experiences/${experienceId}/outputs`, {
      cookie: student.cookie,
      body: { kind: 'abstract', citation: `${label}. Sleep on night shifts. Regional Student Research Day; 2026.` },
    }),
  )
  const outputId = withOutput.json.outputs[0].id as string
  // A community question the student asked anonymously, the mentor's answer, and a report of it.
  const question = await ok(
    'community question',
    t.request('POST', '/api/community/questions', {
      cookie: student.cookie,
      body: { board: 'topic:wellbeing', title: `${label}: how do you keep up with sleep on nights?`, body: 'Asking for a friend.', anonymous: true },
    }),
  )
  const questionId = question.json.id as string
  const answered = await ok(
    'community answer',
    t.request('POST', `/api/community/questions/${questionId}/answers`, { cookie: mentor.cookie, body: { body: 'Protect one anchor sleep block.' } }),
  )
  const answerId = answered.json.answers[0].id as string
  await ok(
    'community report',
    t.request('POST', `/api/community/answers/${answerId}/report`, { cookie: student.cookie, body: { reason: 'Testing the queue.' } }),
  )
  const queue = await ok('moderation queue', t.request('GET', '/api/community/moderation/reports', { cookie: admin.cookie }))
  const reportId = (queue.json.items as { answerId: string | null; reports: { id: string }[] }[]).find((i) => i.answerId === answerId)?.reports[0]?.id ?? ''
  // A term of the school's word filter, in words no test posts.
  const filter = await ok(
    'word filter term',
    t.request('POST', '/api/community/moderation/word-filter', { cookie: admin.cookie, body: { term: `zzfiltered ${label}`.slice(0, 60), action: 'review' } }),
  )
  const termId = (filter.json.entries as { id: string; term: string }[]).find((e) => e.term.startsWith('zzfiltered'))?.id ?? ''
  // A request to correct a record, refused by the office, so the student may add a statement.
  const amendment = await ok(
    'amendment request',
    t.request('POST', '/api/records/amendments', {
      cookie: student.cookie,
      body: { record: 'Experience record', problem: `${label}: the hours are wrong.`, correction: 'It was 40 hours, not 4.' },
    }),
  )
  const amendmentId = amendment.json.id as string
  await ok(
    'amendment refused',
    t.request('POST', `/api/records/amendments/${amendmentId}/decision`, {
      cookie: admin.cookie,
      body: { decision: 'refused', reason: 'The poster confirmed 4 hours.' },
    }),
  )

  // A personal statement shared with the mentor, who comments on its first words with a suggestion.
  const statement = await ok(
    'document',
    t.request('POST', '/api/materials/documents', {
      cookie: student.cookie,
      body: { kind: 'personal-statement', title: `${label} statement`, body: 'My first patient taught me patience.' },
    }),
  )
  const documentId = statement.json.id as string
  const versionId = statement.json.latestVersion.id as string
  const shared = await ok(
    'share',
    t.request('POST', `/api/materials/versions/${versionId}/shares`, {
      cookie: student.cookie,
      body: { reviewerIds: [mentor.person.id], dueDate: due, question: 'Is my opening too long?' },
    }),
  )
  const reviewRequestId = shared.json.reviews[0].id as string
  const commented = await ok(
    'comment',
    t.request('POST', `/api/materials/versions/${versionId}/threads`, {
      cookie: mentor.cookie,
      body: { start: 0, end: 16, body: 'Start with her name.', suggestion: 'Mrs. Alvarez' },
    }),
  )
  const threadId = commented.json.threads[0].id as string

  // The mentor offers mock interviews: the student books one of their slots.
  await t.db
    .update(mentorProfiles)
    .set({ offers: sql`array_append(${mentorProfiles.offers}, 'mock-interviews')` })
    .where(eq(mentorProfiles.personId, mentor.person.id))
  const mockStart = new Date(t.clock.now().getTime() + 5 * MS_PER_DAY)
  const mockSlot = await ok(
    'mock interview slot',
    t.request('POST', '/api/mock-interviews/slots', {
      cookie: mentor.cookie,
      body: {
        specialtyId: 'dermatology',
        kind: 'traditional',
        startAt: mockStart.toISOString(),
        durationMinutes: 30,
        place: 'in-person',
        room: 'Clinic B, room 4',
      },
    }),
  )
  const mockSlotId = mockSlot.json.id as string
  const mockBooking = await ok('mock interview booking', t.request('POST', `/api/mock-interviews/slots/${mockSlotId}/book`, { cookie: student.cookie }))
  const mockBookingId = mockBooking.json.id as string
  const message = await ok(
    'message',
    t.request('POST', `/api/mentorships/${mentorshipId}/messages`, {
      cookie: student.cookie,
      body: {
        body: `${label}: my CV before we meet`,
        attachment: { filename: 'cv.pdf', contentBase64: Buffer.from(makePdf({ text: `${label} CV` })).toString('base64') },
      },
    }),
  )
  const messageId = message.json.id as string

  // The mentor's shadowing days for the student's class: the student books one; the office then
  // asks this opportunity for a background check (after the booking, which it would refuse).
  const shadowing = await ok(
    'shadowing opportunity',
    t.request('POST', '/api/opportunities', {
      cookie: mentor.cookie,
      body: {
        kind: 'shadowing',
        title: `${label} dermatology clinic shadowing`,
        description: 'A morning in the general dermatology clinic.',
        classYears: [student.person.student?.classYear ?? 'M1'],
        places: 4,
      },
    }),
  )
  const shadowingDay = new Date(t.clock.now().getTime() + 6 * MS_PER_DAY)
  const slots = await ok(
    'shadowing slot',
    t.request('POST', `/api/opportunities/${shadowing.json.id}/shadowing-slots`, {
      cookie: mentor.cookie,
      body: { startAt: shadowingDay.toISOString(), endAt: new Date(shadowingDay.getTime() + 4 * MS_PER_HOUR).toISOString(), site: 'Clinic C' },
    }),
  )
  const shadowingSlotId = slots.json.slots[0].id as string
  const booked = await ok('shadowing booking', t.request('POST', `/api/shadowing-slots/${shadowingSlotId}/bookings`, { cookie: student.cookie }))
  const shadowingBookingId = booked.json.slots[0].myBooking.id as string
  const requirement = await ok(
    'requirement',
    t.request('POST', '/api/requirements', {
      cookie: admin.cookie,
      body: { name: `${label} background check`, verification: 'office', opportunityId: shadowing.json.id },
    }),
  )
  const requirementId = requirement.json.requirements.find((r: { name: string }) => r.name === `${label} background check`).id as string
  await ok(
    'requirement record',
    t.request('PUT', `/api/requirements/${requirementId}/mine`, { cookie: student.cookie, body: { completedOn: '2026-09-01', expiresOn: '2027-09-01' } }),
  )
  const notifications = await ok('notifications', t.request('GET', '/api/notifications', { cookie: student.cookie }))
  const notificationId = (notifications.json.items as { id: string }[])[0]?.id
  if (!notificationId) throw new Error('the student has no in-app notification')

  return {
    student,
    mentor,
    advisor,
    admin,
    ids: {
      personId: s,
      studentId: s,
      mentorshipRequestId,
      mentorshipId,
      goalId,
      actionItemId,
      meetingId,
      letterRequestId,
      document: 'cv',
      token: 'not-used',
      feed: new URL(feedUrl).pathname.split('/').pop() ?? '',
      programId,
      mentorProgramId,
      assignmentId,
      simulationId,
      eventId,
      groupId,
      specialtyId: 'emergency-medicine',
      departmentId: 'emergency-medicine',
      slotId,
      milestoneId,
      opportunityId,
      applicationId,
      experienceId,
      outputId,
      questionId,
      answerId,
      reportId,
      termId,
      documentId,
      versionId,
      threadId,
      reviewRequestId,
      amendmentId,
      mockSlotId,
      mockBookingId,
      shadowingSlotId,
      shadowingBookingId,
      requirementId,
      messageId,
      notificationId,
    },
  }
}
