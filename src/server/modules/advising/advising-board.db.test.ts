import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { advisingBoardAssignments, auditLog, outbox, people, personRoles, studentAdvisors } from '#server/db/schema/index.ts'
import { humanDate } from '#shared/human-date.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { TEST_ORIGIN } from '#tests/setup/test-app.ts'
import { createAdvisingRepository } from './advising.repository.ts'
import type { AdvisingBoardView, BoardSlot } from '#shared/contracts/advising.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * The advising board end to end: slots filled from real mentorships and assignments, the
 * specialty slot following a change of declared specialty, suggestions, the Office's advisor
 * assignments (one, many, CSV) and who may do what.
 */

let t: TestApp
let adminCookie: string
let student: { id: string; cookie: string }
let advisor: { id: string; cookie: string }
let otherAdvisor: { id: string; cookie: string }
const ids = {} as Record<'dermFaculty' | 'nearPeer' | 'resident' | 'heldResident' | 'closedResident' | 'imFaculty' | 'imAdvisor' | 'mentorOnly', string>

const slotOf = (board: AdvisingBoardView, slot: BoardSlot['slot']): BoardSlot => {
  const found = board.slots.find((s) => s.slot === slot)
  if (!found) throw new Error(`no ${slot} slot`)
  return found
}

async function mentorship(studentCookie: string, mentorId: string) {
  const request = await t.request('POST', '/api/mentorship-requests', {
    cookie: studentCookie,
    body: { mentorId, kind: 'ongoing', message: 'I would value your advice over the coming year.', helpWanted: ['career-advice'] },
  })
  expect(request.status, request.text).toBe(201)
  const accepted = await t.request('POST', `/api/mentorship-requests/${request.json.id}/accept`, { cookie: await t.sessionCookie(mentorId) })
  expect(accepted.status, accepted.text).toBe(200)
}

const mentorFields = { capacity: 3, accepting: true, offers: ['career-advice'] as ('career-advice' | 'research')[] }

beforeAll(async () => {
  t = await createTestApp()
  adminCookie = (await t.signedInAs(['admin'])).cookie
  const s = await t.insertAccount(['student'], {
    name: 'Board Student',
    student: {
      classYear: 'M2',
      specialtyInterests: ['dermatology', 'internal-medicine'],
      helpWanted: ['career-advice', 'research'],
      careerGoals: 'Dermatology research',
      identity: ['first-generation'],
      wantsIdentityAlignedMentor: true,
    },
  })
  student = { id: s.id, cookie: await t.sessionCookie(s.id) }
  const a = await t.insertAccount(['advisor'], { name: 'Dean Advisor', advisor: { advisesSpecialtyId: null } })
  advisor = { id: a.id, cookie: await t.sessionCookie(a.id) }
  const b = await t.insertAccount(['advisor'], { name: 'Other Advisor', advisor: { advisesSpecialtyId: null } })
  otherAdvisor = { id: b.id, cookie: await t.sessionCookie(b.id) }

  ids.dermFaculty = (
    await t.insertAccount(['mentor'], {
      name: 'Derm Faculty',
      mentor: { ...mentorFields, kind: 'faculty', specialtyId: 'dermatology', departmentId: 'dermatology', offers: ['career-advice', 'research'] },
    })
  ).id
  // An M3: a year ahead of the M2 student, a classmate of the M3 one (the class year is fixed, not
  // drawn, so "a year or two ahead" does not depend on the factories' seed).
  ids.nearPeer = (
    await t.insertAccount(['student', 'mentor'], {
      name: 'Near Peer',
      student: { classYear: 'M3' },
      mentor: { ...mentorFields, kind: 'near-peer', specialtyId: 'dermatology' },
    })
  ).id
  ids.resident = (
    await t.insertAccount(['mentor'], {
      name: 'Open Resident',
      mentor: {
        ...mentorFields,
        kind: 'resident',
        specialtyId: 'dermatology',
        identity: ['first-generation'],
        identityVisibility: 'everyone',
        offers: ['career-advice', 'identity-based-mentorship'],
      },
    })
  ).id
  ids.heldResident = (
    await t.insertAccount(['mentor'], { name: 'Held Resident', directoryHold: true, mentor: { ...mentorFields, kind: 'resident', specialtyId: 'dermatology' } })
  ).id
  ids.closedResident = (
    await t.insertAccount(['mentor'], { name: 'Closed Resident', mentor: { ...mentorFields, kind: 'resident', specialtyId: 'dermatology', accepting: false } })
  ).id
  ids.imFaculty = (
    await t.insertAccount(['mentor'], {
      name: 'Medicine Faculty',
      mentor: { ...mentorFields, kind: 'faculty', specialtyId: 'internal-medicine', departmentId: 'medicine' },
    })
  ).id
  ids.imAdvisor = (await t.insertAccount(['advisor'], { name: 'Medicine Specialty Advisor', advisor: { advisesSpecialtyId: 'internal-medicine' } })).id
  ids.mentorOnly = (await t.insertAccount(['mentor'], { name: 'Plain Mentor', mentor: { ...mentorFields, kind: 'alumni' } })).id

  const assigned = await t.request('PUT', '/api/admin/student-advisors', { cookie: adminCookie, body: { studentId: student.id, advisorIds: [advisor.id] } })
  expect(assigned.status, assigned.text).toBe(200)
  await mentorship(student.cookie, ids.dermFaculty)
  await mentorship(student.cookie, ids.nearPeer)
})
afterAll(async () => {
  await t?.close()
})

describe('the board from real mentorships and assignments', () => {
  it('fills each slot and says why; flags the empty one with suggestions of its kind', async () => {
    const response = await t.request('GET', '/api/advising/board/me', { cookie: student.cookie })
    expect(response.status, response.text).toBe(200)
    const board = response.json as AdvisingBoardView
    expect(board.declaredSpecialty).toEqual({ id: 'dermatology', name: 'Dermatology' })
    expect(slotOf(board, 'advisory-dean').holders.map((h) => [h.person.name, h.why])).toEqual([
      ['Dean Advisor', 'Assigned by the Office of Student Affairs in October 2026'],
    ])
    expect(slotOf(board, 'specialty-advisor').holders.map((h) => [h.person.id, h.why])).toEqual([
      [ids.dermFaculty, 'Faculty, Dermatology; active mentorship since October 2026'],
    ])
    expect(slotOf(board, 'research-mentor').holders.map((h) => h.person.id)).toEqual([ids.dermFaculty])
    expect(slotOf(board, 'near-peer').holders.map((h) => h.person.id)).toEqual([ids.nearPeer])
    expect(board.emptySlots).toEqual(['resident-or-alumni'])

    const empty = slotOf(board, 'resident-or-alumni')
    expect(empty.flag).toMatch(/No resident or alumni mentor yet/)
    const suggested = empty.suggestions.map((s) => s.person.id)
    expect(suggested).toContain(ids.resident)
    // Held, not accepting and already-on-the-board people are never suggested.
    expect(suggested).not.toContain(ids.heldResident)
    expect(suggested).not.toContain(ids.closedResident)
    expect(suggested).not.toContain(ids.dermFaculty)
    expect(empty.suggestions.find((s) => s.person.id === ids.resident)?.action).toBe('request')
    // The student asked for an identity-aligned mentor: their own reasons may say so.
    expect(empty.suggestions.find((s) => s.person.id === ids.resident)?.reasons.join(' ')).toMatch(/you asked for that/)
  })

  it('follows a change of declared specialty: the old mentor stays in the corner (never "no longer in this slot"), the slot empties with new suggestions', async () => {
    const patched = await t.request('PATCH', '/api/profiles/me/student', {
      cookie: student.cookie,
      body: { specialtyInterests: ['internal-medicine', 'dermatology'] },
    })
    expect(patched.status, patched.text).toBe(200)
    const board = (await t.request('GET', '/api/advising/board/me', { cookie: student.cookie })).json as AdvisingBoardView
    const specialty = slotOf(board, 'specialty-advisor')
    expect(specialty.label).toBe('Internal Medicine advisor')
    expect(specialty.isEmpty).toBe(true)
    // A mentorship does not record the specialty declared when it began: no claim the student changed it.
    expect(specialty.former).toEqual([])
    expect(board.others).toEqual([])
    expect(specialty.suggestions.map((s) => [s.person.id, s.action])).toEqual([
      [ids.imAdvisor, 'ask-advisor'],
      [ids.imFaculty, 'request'],
    ])
    // Research still held by the Dermatology faculty member: that slot does not depend on the specialty.
    expect(slotOf(board, 'research-mentor').holders.map((h) => h.person.id)).toEqual([ids.dermFaculty])
  })
})

describe('an advisor and the board', () => {
  it('an assigned advisor reads the board (audited) without identity reasons; others may not', async () => {
    const response = await t.request('GET', `/api/advising/students/${student.id}/board`, { cookie: advisor.cookie })
    expect(response.status, response.text).toBe(200)
    expect(JSON.stringify(response.json)).not.toMatch(/you asked for that/)
    const [audited] = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, advisor.id), eq(auditLog.objectId, student.id), eq(auditLog.action, 'student-record.read.advising-board')))
    expect(audited).toBeDefined()

    expect((await t.request('GET', `/api/advising/students/${student.id}/board`, { cookie: otherAdvisor.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/advising/students/${student.id}/board`, { cookie: adminCookie })).status).toBe(403)
    expect((await t.request('GET', `/api/advising/students/${student.id}/board`, { cookie: student.cookie })).status).toBe(403)
    expect((await t.request('GET', `/api/advising/students/${student.id}/board`, { cookie: await t.sessionCookie(ids.dermFaculty) })).status).toBe(403)
  })

  it('lists my students with empty slots flagged, filterable by the slot missing', async () => {
    const all = await t.request('GET', '/api/advising/students', { cookie: advisor.cookie })
    expect(all.status, all.text).toBe(200)
    expect(all.json.total).toBe(1)
    expect(all.json.items[0].student.id).toBe(student.id)
    expect(all.json.items[0].emptySlots).toEqual(['specialty-advisor', 'resident-or-alumni'])
    expect(all.json.missingCounts['specialty-advisor']).toBe(1)
    expect(all.json.missingCounts['near-peer']).toBe(0)
    expect((await t.request('GET', '/api/advising/students?missing=near-peer', { cookie: advisor.cookie })).json.items).toEqual([])
    expect((await t.request('GET', '/api/advising/students?missing=specialty-advisor', { cookie: advisor.cookie })).json.items).toHaveLength(1)
    const bad = await t.request('GET', '/api/advising/students?missing=dean', { cookie: advisor.cookie })
    expect(bad.status).toBe(400)
    expect(bad.json.error.fields.missing).toBeTruthy()
    expect((await t.request('GET', '/api/advising/students', { cookie: otherAdvisor.cookie })).json.total).toBe(0)
  })

  it('assigns a slot by hand for the declared specialty only, once, and removes it', async () => {
    const wrong = await t.request('POST', '/api/advising/assignments', {
      cookie: advisor.cookie,
      body: { studentId: student.id, slot: 'specialty-advisor', personId: ids.dermFaculty },
    })
    expect(wrong.status).toBe(400)
    expect(wrong.json.error.message).toMatch(/advises in Dermatology; the student's declared specialty is Internal Medicine/)
    expect(wrong.json.error.fields.personId).toBeTruthy()
    const notNearPeer = await t.request('POST', '/api/advising/assignments', {
      cookie: advisor.cookie,
      body: { studentId: student.id, slot: 'near-peer', personId: ids.mentorOnly },
    })
    expect(notNearPeer.status).toBe(400)
    expect(notNearPeer.json.error.fields.personId).toBeTruthy()
    expect(
      (
        await t.request('POST', '/api/advising/assignments', {
          cookie: otherAdvisor.cookie,
          body: { studentId: student.id, slot: 'specialty-advisor', personId: ids.imAdvisor },
        })
      ).status,
    ).toBe(404)

    const made = await t.request('POST', '/api/advising/assignments', {
      cookie: advisor.cookie,
      body: { studentId: student.id, slot: 'specialty-advisor', personId: ids.imAdvisor, note: 'Met at the fair' },
    })
    expect(made.status, made.text).toBe(201)
    const again = await t.request('POST', '/api/advising/assignments', {
      cookie: advisor.cookie,
      body: { studentId: student.id, slot: 'specialty-advisor', personId: ids.imAdvisor },
    })
    expect(again.status).toBe(409)

    // The student sees the assignment once the person agreed.
    const waiting = (await t.request('GET', '/api/advising/board/me', { cookie: student.cookie })).json as AdvisingBoardView
    expect(slotOf(waiting, 'specialty-advisor').holders).toEqual([])
    const agreed = await t.request('POST', `/api/advising/agreements/${made.json.assignmentId}/accept`, { cookie: await t.sessionCookie(ids.imAdvisor) })
    expect(agreed.status, agreed.text).toBe(200)

    const board = (await t.request('GET', '/api/advising/board/me', { cookie: student.cookie })).json as AdvisingBoardView
    expect(slotOf(board, 'specialty-advisor').holders.map((h) => [h.person.id, h.source, h.why])).toEqual([
      [ids.imAdvisor, 'board-assignment', 'Assigned as Internal Medicine advisor in October 2026'],
    ])

    expect((await t.request('DELETE', `/api/advising/assignments/${made.json.assignmentId}`, { cookie: otherAdvisor.cookie })).status).toBe(404)
    expect((await t.request('DELETE', `/api/advising/assignments/${made.json.assignmentId}`, { cookie: advisor.cookie })).status).toBe(200)
    expect((await t.request('DELETE', `/api/advising/assignments/${made.json.assignmentId}`, { cookie: advisor.cookie })).status).toBe(404)
  })
})

describe('the Office assigns advisors', () => {
  it('assigns many students to one advisor, row by row', async () => {
    const s2 = await t.insertAccount(['student'], { name: 'Second Student' })
    const s3 = await t.insertAccount(['student'], { name: 'Third Student' })
    const gone = await t.insertAccount(['student'], { name: 'Gone Student', status: 'disabled' })
    const unknown = '00000000-0000-4000-8000-00000000dead'
    const body = { advisorId: otherAdvisor.id, studentIds: [s2.id, s3.id, unknown, ids.dermFaculty, gone.id] }
    const first = await t.request('POST', '/api/admin/student-advisors/bulk', { cookie: adminCookie, body })
    expect(first.status, first.text).toBe(200)
    expect([first.json.assigned, first.json.alreadyAssigned, first.json.rejected]).toEqual([2, 0, 3])
    expect(first.json.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [1, 'assigned'],
      [2, 'assigned'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
    ])
    expect(first.json.rows[4].reason).toMatch(/disabled/)
    const second = await t.request('POST', '/api/admin/student-advisors/bulk', {
      cookie: adminCookie,
      body: { advisorId: otherAdvisor.id, studentIds: [s2.id] },
    })
    expect(second.json.alreadyAssigned).toBe(1)

    const notAdvisor = await t.request('POST', '/api/admin/student-advisors/bulk', {
      cookie: adminCookie,
      body: { advisorId: ids.dermFaculty, studentIds: [s2.id] },
    })
    expect(notAdvisor.status).toBe(400)
    expect(notAdvisor.json.error.fields.advisorId).toBeTruthy()
    expect((await t.request('POST', '/api/admin/student-advisors/bulk', { cookie: advisor.cookie, body })).status).toBe(403)

    const list = await t.request('GET', `/api/admin/student-advisors?advisorId=${otherAdvisor.id}`, { cookie: adminCookie })
    expect(list.json.items.map((r: { student: { name: string } }) => r.student.name).sort()).toEqual(['Second Student', 'Third Student'])
    const advisors = await t.request('GET', '/api/admin/advisors', { cookie: adminCookie })
    expect(advisors.json.items.find((a: { id: string }) => a.id === otherAdvisor.id)?.studentCount).toBe(2)
  })

  it('imports a CSV and reports every rejected row with its reason', async () => {
    const s4 = await t.insertAccount(['student'], { name: 'Fourth Student', email: 'fourth@csv.test' })
    const a = await t.insertAccount(['advisor'], { name: 'Csv Advisor', email: 'csv-advisor@csv.test', advisor: { advisesSpecialtyId: null } })
    await t.insertAccount(['mentor'], { name: 'Csv Mentor', email: 'csv-mentor@csv.test' })
    const csv = [
      'student_email,advisor_email',
      'FOURTH@csv.test,csv-advisor@csv.test',
      'nobody@csv.test,csv-advisor@csv.test',
      'csv-mentor@csv.test,csv-advisor@csv.test',
      'fourth@csv.test,csv-mentor@csv.test',
      'not-an-email,csv-advisor@csv.test',
    ].join('\n')
    const out = await t.request('POST', '/api/admin/student-advisors/import', { cookie: adminCookie, body: { csv, dryRun: false } })
    expect(out.status, out.text).toBe(200)
    expect(out.json.rows.map((r: { row: number; outcome: string; reason: string | null }) => [r.row, r.outcome, r.reason])).toEqual([
      [2, 'assigned', null],
      [3, 'rejected', 'No one has the e-mail nobody@csv.test.'],
      [4, 'rejected', 'Csv Mentor (csv-mentor@csv.test) is not a student.'],
      [5, 'rejected', 'Csv Mentor (csv-mentor@csv.test) is not an advisor.'],
      [6, 'rejected', 'student_email "not-an-email" is not an e-mail address.'],
    ])
    const rows = await t.db.select().from(studentAdvisors).where(eq(studentAdvisors.studentId, s4.id))
    expect(rows.map((r) => r.advisorId)).toEqual([a.id])

    const noHeader = await t.request('POST', '/api/admin/student-advisors/import', { cookie: adminCookie, body: { csv: 'a,b\n1,2' } })
    expect(noHeader.status).toBe(400)
    expect(noHeader.json.error.fields.csv).toMatch(/student_email and advisor_email/)
  })

  it('sets one student’s advisors, refusing non-advisors without writing anything', async () => {
    const bad = await t.request('PUT', '/api/admin/student-advisors', {
      cookie: adminCookie,
      body: { studentId: student.id, advisorIds: [otherAdvisor.id, ids.dermFaculty] },
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error.fields['advisorIds.1']).toBeTruthy()
    const unchanged = await t.db.select().from(studentAdvisors).where(eq(studentAdvisors.studentId, student.id))
    expect(unchanged.map((r) => r.advisorId)).toEqual([advisor.id])

    const set = await t.request('PUT', '/api/admin/student-advisors', { cookie: adminCookie, body: { studentId: student.id, advisorIds: [otherAdvisor.id] } })
    expect(set.status, set.text).toBe(200)
    expect(set.json.advisors.map((a: { id: string }) => a.id)).toEqual([otherAdvisor.id])
    // The former advisor no longer reads the board; the new one does.
    expect((await t.request('GET', `/api/advising/students/${student.id}/board`, { cookie: advisor.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/advising/students/${student.id}/board`, { cookie: otherAdvisor.cookie })).status).toBe(200)
    const unknownStudent = await t.request('PUT', '/api/admin/student-advisors', { cookie: adminCookie, body: { studentId: ids.dermFaculty, advisorIds: [] } })
    expect(unknownStudent.status).toBe(400)
    expect(unknownStudent.json.error.fields.studentId).toBeTruthy()
  })
})

describe('the board reads every active mentorship, whatever made it', () => {
  let em: { id: string; cookie: string }
  let emAdvisor: { id: string; cookie: string }
  let imMentor: string

  beforeAll(async () => {
    const s = await t.insertAccount(['student'], {
      name: 'Maya Program',
      email: 'maya.program@board.test',
      student: { classYear: 'M3', specialtyInterests: ['emergency-medicine', 'internal-medicine'], helpWanted: ['career-advice'] },
    })
    em = { id: s.id, cookie: await t.sessionCookie(s.id) }
    const a = await t.insertAccount(['advisor'], { name: 'Program Dean', advisor: { advisesSpecialtyId: null } })
    emAdvisor = { id: a.id, cookie: await t.sessionCookie(a.id) }
    expect(
      (await t.request('PUT', '/api/admin/student-advisors', { cookie: adminCookie, body: { studentId: em.id, advisorIds: [emAdvisor.id] } })).status,
    ).toBe(200)
    const m = await t.insertAccount(['mentor'], {
      name: 'Program Internist',
      email: 'internist@board.test',
      mentor: { ...mentorFields, kind: 'faculty', specialtyId: 'internal-medicine', departmentId: 'medicine' },
    })
    imMentor = m.id
  })

  it('publish a program, read the board: the paired mentor is in the student’s corner, never "no longer in this slot"', async () => {
    const created = await t.request('POST', '/api/mentor-programs', {
      cookie: adminCookie,
      body: {
        name: 'Board program',
        pairingMethod: 'max-fit',
        maxPerMentor: 1,
        studentEmails: ['maya.program@board.test'],
        mentors: [{ email: 'internist@board.test' }],
      },
    })
    expect(created.status, created.text).toBe(201)
    expect((await t.request('POST', `/api/mentor-programs/${created.json.id}/run`, { cookie: adminCookie })).status).toBe(200)
    const published = await t.request('POST', `/api/mentor-programs/${created.json.id}/publish`, { cookie: adminCookie })
    expect(published.status, published.text).toBe(200)

    const board = (await t.request('GET', '/api/advising/board/me', { cookie: em.cookie })).json as AdvisingBoardView
    expect(slotOf(board, 'specialty-advisor').former).toEqual([])
    expect(board.others.map((o) => [o.person.id, o.source, o.why])).toEqual([
      [imMentor, 'mentorship', 'Faculty, Internal Medicine (one of your specialty interests); active mentorship since October 2026'],
    ])
    const mine = await t.request('GET', '/api/advising/students', { cookie: emAdvisor.cookie })
    expect(mine.json.items.find((r: { student: { id: string } }) => r.student.id === em.id)?.otherNames).toEqual(['Program Internist'])
  })

  it('shows a request still waiting as pending, never offering to ask again', async () => {
    const request = await t.request('POST', '/api/mentorship-requests', {
      cookie: em.cookie,
      body: { mentorId: ids.resident, kind: 'ongoing', message: 'I would value your advice over the coming year.', helpWanted: ['career-advice'] },
    })
    expect(request.status, request.text).toBe(201)
    const board = (await t.request('GET', '/api/advising/board/me', { cookie: em.cookie })).json as AdvisingBoardView
    const first = slotOf(board, 'resident-or-alumni').suggestions[0]
    expect([first?.person.id, first?.pendingRequestId]).toEqual([ids.resident, request.json.id])
  })

  it('an advisor reads about the student by name, never "your"', async () => {
    const response = await t.request('GET', `/api/advising/students/${em.id}/board`, { cookie: emAdvisor.cookie })
    expect(response.status, response.text).toBe(200)
    const text = JSON.stringify(response.json)
    expect(text).not.toMatch(/\b(your|you|yours)\b/i)
    expect(text).toMatch(/Maya’s/)
  })

  it('assigning from the board asks the person first: the board shows them awaiting agreement, the student is told once they agree', async () => {
    const tooClose = await t.request('POST', '/api/advising/assignments', {
      cookie: emAdvisor.cookie,
      body: { studentId: em.id, slot: 'near-peer', personId: ids.nearPeer },
    })
    expect(tooClose.status).toBe(400)
    expect(tooClose.json.error.fields.personId).toMatch(/year or two ahead/)

    const made = await t.request('POST', '/api/advising/assignments', {
      cookie: emAdvisor.cookie,
      body: { studentId: em.id, slot: 'research-mentor', personId: ids.dermFaculty, note: 'Maya wants a first project.' },
    })
    expect(made.status, made.text).toBe(201)
    expect(made.json.message).toMatch(/^We asked Derm Faculty to agree to be Maya Program’s research mentor\./)
    expect(made.json.emailed).toEqual(['Derm Faculty'])
    const id = made.json.assignmentId as string
    const toStudent = () =>
      t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'advising.board-assigned-student'), eq(outbox.toAddress, 'maya.program@board.test')))
    expect(await toStudent()).toHaveLength(0)
    const asked = (await t.db.select().from(outbox).where(eq(outbox.kind, 'advising.board-agreement-asked'))).filter((m) => m.textBody.includes('Maya Program'))
    expect(asked).toHaveLength(1)
    expect(asked[0]?.textBody).toContain(`/?agreement=${id}`)
    expect(asked[0]?.textBody).toContain('Maya wants a first project.')

    // Staff see "awaiting agreement"; the student does not see the person yet.
    const staffBoard = (await t.request('GET', `/api/advising/students/${em.id}/board`, { cookie: emAdvisor.cookie })).json as AdvisingBoardView
    expect(slotOf(staffBoard, 'research-mentor').holders.find((h) => h.person.id === ids.dermFaculty)).toMatchObject({ awaitingAgreement: true })
    const mine = (await t.request('GET', '/api/advising/students', { cookie: emAdvisor.cookie })).json
    const row = mine.items.find((r: { student: { id: string } }) => r.student.id === em.id)
    expect(row.slots.find((s: { slot: string }) => s.slot === 'research-mentor').holderNames).toContain('Derm Faculty (awaiting agreement)')
    const studentBoard = (await t.request('GET', '/api/advising/board/me', { cookie: em.cookie })).json as AdvisingBoardView
    expect(slotOf(studentBoard, 'research-mentor').holders.map((h) => h.person.id)).not.toContain(ids.dermFaculty)

    // Only the person asked may answer; the list is theirs.
    const faculty = await t.sessionCookie(ids.dermFaculty)
    const list = await t.request('GET', '/api/advising/agreements', { cookie: faculty })
    expect(
      list.json.items.map((i: { assignmentId: string; slotLabel: string; askedBy: { name: string } }) => [i.assignmentId, i.slotLabel, i.askedBy.name]),
    ).toEqual([[id, 'research mentor', 'Program Dean']])
    expect((await t.request('GET', '/api/advising/agreements', { cookie: await t.sessionCookie(ids.resident) })).json.items).toEqual([])
    expect((await t.request('POST', `/api/advising/agreements/${id}/accept`, { cookie: await t.sessionCookie(ids.resident) })).status).toBe(404)
    expect((await t.request('POST', `/api/advising/agreements/${id}/decline`, { cookie: emAdvisor.cookie, body: {} })).status).toBe(404)

    const accepted = await t.request('POST', `/api/advising/agreements/${id}/accept`, { cookie: faculty })
    expect(accepted.status, accepted.text).toBe(200)
    expect((await t.request('POST', `/api/advising/agreements/${id}/accept`, { cookie: faculty })).status).toBe(409)
    expect((await t.request('POST', `/api/advising/agreements/${id}/decline`, { cookie: faculty, body: {} })).status).toBe(409)
    const told = await toStudent()
    expect(told).toHaveLength(1)
    expect(told[0]?.textBody).toMatch(/\/advising\n/)
    const after = (await t.request('GET', '/api/advising/board/me', { cookie: em.cookie })).json as AdvisingBoardView
    expect(slotOf(after, 'research-mentor').holders.find((h) => h.person.id === ids.dermFaculty)).toMatchObject({ awaitingAgreement: false })
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'advising-board.agreed'), eq(auditLog.objectId, em.id)))
    expect(audit).toHaveLength(1)
  })

  it('a decline takes the person off the board and tells the advisor who asked, with the reason; the student never hears of it', async () => {
    const made = await t.request('POST', '/api/advising/assignments', {
      cookie: emAdvisor.cookie,
      body: { studentId: em.id, slot: 'resident-or-alumni', personId: ids.resident },
    })
    expect(made.status, made.text).toBe(201)
    const resident = await t.sessionCookie(ids.resident)
    const tooLong = await t.request('POST', `/api/advising/agreements/${made.json.assignmentId}/decline`, {
      cookie: resident,
      body: { reason: 'x'.repeat(501) },
    })
    expect(tooLong.status).toBe(400)
    expect(tooLong.json.error.fields.reason).toMatch(/500/)

    const declined = await t.request('POST', `/api/advising/agreements/${made.json.assignmentId}/decline`, {
      cookie: resident,
      body: { reason: 'I am on nights until March.' },
    })
    expect(declined.status, declined.text).toBe(200)
    expect(declined.json.message).toMatch(/We told Program Dean/)
    const mails = await t.db.select().from(outbox).where(eq(outbox.kind, 'advising.board-agreement-declined'))
    expect(mails).toHaveLength(1)
    expect(mails[0]?.textBody).toContain('I am on nights until March.')
    expect(mails[0]?.textBody).toContain(`/advising/students/${em.id}`)
    const staffBoard = (await t.request('GET', `/api/advising/students/${em.id}/board`, { cookie: emAdvisor.cookie })).json as AdvisingBoardView
    expect(slotOf(staffBoard, 'resident-or-alumni').holders.map((h) => h.person.id)).not.toContain(ids.resident)
    expect((await t.request('GET', '/api/advising/agreements', { cookie: resident })).json.items).toEqual([])
    const toStudent = (await t.db.select().from(outbox).where(eq(outbox.toAddress, 'maya.program@board.test'))).filter((m) =>
      m.textBody.includes('Open Resident'),
    )
    expect(toStudent).toEqual([])
  })
})

describe('the advisor CSV: check first, then apply; one advisory dean per student', () => {
  it('a dry run lists every row’s problem by row and column and writes nothing; applying writes the valid rows', async () => {
    const s5 = await t.insertAccount(['student'], { name: 'Fifth Student', email: 'fifth@dean.test' })
    const s6 = await t.insertAccount(['student'], { name: 'Sixth Student', email: 'sixth@dean.test' })
    await t.insertAccount(['advisor'], { name: 'Dean One', email: 'dean1@dean.test', advisor: { advisesSpecialtyId: null } })
    await t.insertAccount(['advisor'], { name: 'Dean Two', email: 'dean2@dean.test', advisor: { advisesSpecialtyId: null } })
    await t.insertAccount(['advisor'], { name: 'Derm Specialty', email: 'derm-adv@dean.test', advisor: { advisesSpecialtyId: 'dermatology' } })
    const csv = [
      'student_email,advisor_email',
      'fifth@dean.test,dean1@dean.test',
      'fifth@dean.test,dean2@dean.test',
      'sixth@dean.test,derm-adv@dean.test',
      'nobody@dean.test,dean1@dean.test',
      'sixth@dean.test,',
    ].join('\n')
    const check = await t.request('POST', '/api/admin/student-advisors/import', { cookie: adminCookie, body: { csv } })
    expect(check.status, check.text).toBe(200)
    expect(check.json.dryRun).toBe(true)
    expect(check.json.rows.map((r: { row: number; outcome: string; column: string | null }) => [r.row, r.outcome, r.column])).toEqual([
      [2, 'to-assign', null],
      [3, 'rejected', 'advisor_email'],
      [4, 'to-assign', null],
      [5, 'rejected', 'student_email'],
      [6, 'rejected', 'advisor_email'],
    ])
    expect(check.json.rows[1].reason).toBe('An earlier row already gives Fifth Student an advisory dean (Dean One); a student has one.')
    expect(await t.db.select().from(studentAdvisors).where(eq(studentAdvisors.studentId, s5.id))).toEqual([])

    const applied = await t.request('POST', '/api/admin/student-advisors/import', { cookie: adminCookie, body: { csv, dryRun: false } })
    expect([applied.json.dryRun, applied.json.assigned, applied.json.rejected]).toEqual([false, 2, 3])
    expect((await t.db.select().from(studentAdvisors).where(eq(studentAdvisors.studentId, s6.id))).length).toBe(1)

    // A second dean later is refused too, in the CSV and in bulk; replacing one is explicit (set the student's advisors).
    const again = await t.request('POST', '/api/admin/student-advisors/import', {
      cookie: adminCookie,
      body: { csv: 'student_email,advisor_email\nfifth@dean.test,dean2@dean.test' },
    })
    expect(again.json.rows[0].reason).toMatch(/already has an advisory dean \(Dean One\)/)
    const deanTwo = (await t.request('GET', '/api/admin/advisors', { cookie: adminCookie })).json.items.find((a: { name: string }) => a.name === 'Dean Two').id
    const bulk = await t.request('POST', '/api/admin/student-advisors/bulk', { cookie: adminCookie, body: { advisorId: deanTwo, studentIds: [s5.id] } })
    expect(bulk.json.rejected).toBe(1)
    const deanOne = (await t.request('GET', '/api/admin/advisors', { cookie: adminCookie })).json.items.find((a: { name: string }) => a.name === 'Dean One').id
    const two = await t.request('PUT', '/api/admin/student-advisors', { cookie: adminCookie, body: { studentId: s5.id, advisorIds: [deanOne, deanTwo] } })
    expect(two.status).toBe(400)
    expect(two.json.error.fields['advisorIds.1']).toMatch(/one advisory dean/)
    const replaced = await t.request('PUT', '/api/admin/student-advisors', { cookie: adminCookie, body: { studentId: s5.id, advisorIds: [deanTwo] } })
    expect(replaced.json.advisors.map((a: { name: string }) => a.name)).toEqual(['Dean Two'])
  })
})

describe('agreement requests: races, true answers, one reminder', () => {
  let student: { id: string; cookie: string }
  let dean: { id: string; cookie: string }
  let n = 0
  /** A fresh mentor each time: one person is asked once per slot. */
  async function ask(): Promise<{ id: string; person: string; email: string; cookie: string }> {
    n++
    const email = `research${n}@agree.test`
    const person = await t.insertAccount(['mentor'], {
      name: `Research Mentor ${n}`,
      email,
      mentor: { ...mentorFields, kind: 'faculty', offers: ['research'] },
    })
    const made = await t.request('POST', '/api/advising/assignments', {
      cookie: dean.cookie,
      body: { studentId: student.id, slot: 'research-mentor', personId: person.id },
    })
    expect(made.status, made.text).toBe(201)
    return { id: made.json.assignmentId as string, person: person.id, email, cookie: await t.sessionCookie(person.id) }
  }
  const row = async (id: string) => (await t.db.select().from(advisingBoardAssignments).where(eq(advisingBoardAssignments.id, id)))[0]
  const mailsOf = async (kind: string) => t.db.select().from(outbox).where(eq(outbox.kind, kind))

  beforeAll(async () => {
    const s = await t.insertAccount(['student'], {
      name: 'Ravi Agree',
      email: 'ravi@agree.test',
      student: { classYear: 'M2', specialtyInterests: ['pediatrics'] },
    })
    student = { id: s.id, cookie: await t.sessionCookie(s.id) }
    const d = await t.insertAccount(['advisor'], { name: 'Agree Dean', email: 'dean@agree.test', advisor: { advisesSpecialtyId: null } })
    dean = { id: d.id, cookie: await t.sessionCookie(d.id) }
    const assigned = await t.request('PUT', '/api/admin/student-advisors', { cookie: adminCookie, body: { studentId: student.id, advisorIds: [dean.id] } })
    expect(assigned.status, assigned.text).toBe(200)
  })

  it('a decline after an accept is refused with 409 and a clear message; the agreed assignment stays', async () => {
    const asked = await ask()
    expect((await t.request('POST', `/api/advising/agreements/${asked.id}/accept`, { cookie: asked.cookie })).status).toBe(200)
    const late = await t.request('POST', `/api/advising/agreements/${asked.id}/decline`, { cookie: asked.cookie, body: { reason: 'Too busy' } })
    expect(late.status).toBe(409)
    expect(late.json.error.code).toBe('CONFLICT')
    expect(late.json.error.message).toMatch(/You agreed to this already/)
    expect((await row(asked.id))?.agreedAt).not.toBeNull()
    expect((await mailsOf('advising.board-agreement-declined')).filter((m) => m.textBody.includes(`Research Mentor ${n} `))).toEqual([])
  })

  it('a decline that read the request before an accept committed cannot delete the agreed assignment', async () => {
    // The decline's own read saw the request unanswered; the accept commits in between; the
    // delete must then find nothing to delete (on PostgreSQL it re-checks the row it waited for).
    const asked = await ask()
    const repo = createAdvisingRepository(t.db)
    expect((await row(asked.id))?.agreedAt).toBeNull()
    expect(await repo.markAgreed(asked.id, t.clock.now())).toBe(true)
    expect(await t.db.transaction((tx) => repo.deleteAwaitingAssignment(asked.id, tx))).toBe(false)
    expect((await row(asked.id))?.agreedAt).not.toBeNull()
  })

  it('an accept and a decline at the same time leave one outcome: its answer, its e-mails and no other', async () => {
    for (let round = 0; round < 4; round++) {
      const asked = await ask()
      const [accept, decline] = await Promise.all([
        t.request('POST', `/api/advising/agreements/${asked.id}/accept`, { cookie: asked.cookie }),
        t.request('POST', `/api/advising/agreements/${asked.id}/decline`, { cookie: asked.cookie, body: {} }),
      ])
      expect([accept.status, decline.status].sort()).toEqual([200, 409].sort())
      const name = `Research Mentor ${n} `
      const accepted = (await mailsOf('advising.board-agreement-accepted')).filter((m) => m.textBody.includes(name))
      const declined = (await mailsOf('advising.board-agreement-declined')).filter((m) => m.textBody.includes(name))
      const stored = await row(asked.id)
      if (accept.status === 200) {
        expect(stored?.agreedAt).not.toBeNull()
        expect([accepted.length, declined.length]).toEqual([1, 0])
      } else {
        expect(stored).toBeUndefined()
        expect([accepted.length, declined.length]).toEqual([0, 1])
      }
    }
  })

  it('the decline message says who was told only when an e-mail went out', async () => {
    const told = await ask()
    const answer = await t.request('POST', `/api/advising/agreements/${told.id}/decline`, { cookie: told.cookie, body: {} })
    expect(answer.json.message).toBe('You declined. We told Agree Dean, so they can ask someone else.')

    const untold = await ask()
    await t.db.update(people).set({ status: 'disabled' }).where(eq(people.id, dean.id))
    try {
      const before = (await mailsOf('advising.board-agreement-declined')).length
      const quiet = await t.request('POST', `/api/advising/agreements/${untold.id}/decline`, { cookie: untold.cookie, body: {} })
      expect(quiet.status, quiet.text).toBe(200)
      expect(quiet.json.message).not.toMatch(/We told/)
      expect(quiet.json.message).toMatch(/Agree Dean no longer has an active account, so nobody was e-mailed/)
      expect((await mailsOf('advising.board-agreement-declined')).length).toBe(before)
    } finally {
      await t.db.update(people).set({ status: 'active' }).where(eq(people.id, dean.id))
    }
  })

  it('reminds the person asked once, a week on, even when sweeps run at the same time; the advisor sees what still waits', async () => {
    // Past every request the other tests left waiting: the first sweep reminds those, not ours.
    const start = new Date(t.clock.now().getTime() + 30 * MS_PER_DAY)
    t.clock.set(start)
    await t.services.advising.sweepAgreementReminders(start)
    // Sessions made a month ago have lapsed.
    dean.cookie = await t.sessionCookie(dean.id)
    const asked = await ask()
    const at = (days: number) => new Date(start.getTime() + days * MS_PER_DAY)
    const reminders = async () => (await mailsOf('advising.board-agreement-reminder')).filter((m) => m.toAddress === asked.email)

    expect((await t.services.advising.sweepAgreementReminders(at(6.9))).reminded).toBe(0)
    const concurrent = await Promise.all([1, 2, 3].map(() => t.services.advising.sweepAgreementReminders(at(7))))
    expect(concurrent.reduce((sum, r) => sum + r.reminded, 0)).toBe(1)
    await t.services.advising.sweepAgreementReminders(at(12))
    const sent = await reminders()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.textBody).toContain(`${TEST_ORIGIN}/?agreement=${asked.id}`)
    expect(sent[0]?.textBody).toMatch(/Agree Dean asked you to be Ravi Agree’s research mentor/)

    const waiting = (await t.request('GET', '/api/advising/agreements', { cookie: dean.cookie })).json
    expect(waiting.waitingOnOthers.find((w: { assignmentId: string }) => w.assignmentId === asked.id)).toMatchObject({
      person: { id: asked.person, name: `Research Mentor ${n}` },
      student: { name: 'Ravi Agree' },
      slotLabel: 'research mentor',
      remindedAt: at(7).toISOString(),
      lapsesAt: at(21).toISOString(),
    })
    // Another advisor does not see this advisor's requests.
    expect((await t.request('GET', '/api/advising/agreements', { cookie: await t.sessionCookie(advisor.id) })).json.waitingOnOthers).toEqual([])
    expect((await t.request('POST', `/api/advising/agreements/${asked.id}/accept`, { cookie: asked.cookie })).status).toBe(200)
    expect((await t.request('GET', '/api/advising/agreements', { cookie: dean.cookie })).json.waitingOnOthers).toEqual([])
    await t.services.advising.sweepAgreementReminders(at(30))
    expect(await reminders()).toHaveLength(1)
  })

  it('an unanswered request lapses two weeks after its reminder: off the board, the advisor told once, an answer given first kept', async () => {
    const start = new Date(t.clock.now().getTime() + 60 * MS_PER_DAY)
    t.clock.set(start)
    // Requests the other tests left waiting are reminded and lapse first, so the counts below are ours.
    await t.services.advising.sweepAgreementReminders(start)
    await t.services.advising.sweepLapsedAgreements(new Date(start.getTime() + 15 * MS_PER_DAY))
    t.clock.set(start)
    dean.cookie = await t.sessionCookie(dean.id)
    const at = (days: number) => new Date(start.getTime() + days * MS_PER_DAY)
    const silent = await ask()
    const answered = await ask()
    await t.services.advising.sweepAgreementReminders(at(7))
    const reminder = (await mailsOf('advising.board-agreement-reminder')).find((m) => m.toAddress === silent.email)
    expect(reminder?.textBody).toContain(`the request lapses on ${humanDate(at(21))}`)
    t.clock.set(at(10))
    expect((await t.request('POST', `/api/advising/agreements/${answered.id}/accept`, { cookie: await t.sessionCookie(answered.person) })).status).toBe(200)

    expect((await t.services.advising.sweepLapsedAgreements(at(20.9))).lapsed).toBe(0)
    const concurrent = await Promise.all([1, 2, 3].map(() => t.services.advising.sweepLapsedAgreements(at(21))))
    expect(concurrent.reduce((sum, r) => sum + r.lapsed, 0)).toBe(1)

    const told = (await mailsOf('advising.board-agreement-lapsed')).filter((m) => m.textBody.includes(`Research Mentor ${n - 1}`))
    expect(told).toHaveLength(1)
    expect(told[0]?.toAddress).toBe('dean@agree.test')
    expect(told[0]?.subject).toBe(`No answer from Research Mentor ${n - 1}: Ravi Agree’s research mentor slot is open again`)
    expect(told[0]?.textBody).toContain(`${TEST_ORIGIN}/advising/students/${student.id}`)
    // The lapsed request is gone everywhere; the answered one stays on the board.
    const waiting = (await t.request('GET', '/api/advising/agreements', { cookie: await t.sessionCookie(dean.id) })).json
    expect(waiting.waitingOnOthers.map((w: { assignmentId: string }) => w.assignmentId)).not.toContain(silent.id)
    expect((await t.request('POST', `/api/advising/agreements/${silent.id}/accept`, { cookie: await t.sessionCookie(silent.person) })).status).toBe(404)
    const rows = await t.db.select().from(advisingBoardAssignments).where(eq(advisingBoardAssignments.studentId, student.id))
    expect(rows.map((r) => r.id)).toContain(answered.id)
    expect(rows.map((r) => r.id)).not.toContain(silent.id)
  })

  it('every link in the advising e-mails opens a page its recipient may open', async () => {
    const { webRouteFor } = await import('#tests/setup/web-routes.ts')
    const rolesOf = new Map<string, string[]>()
    for (const r of await t.db.select({ email: people.email, role: personRoles.role }).from(people).innerJoin(personRoles, eq(personRoles.personId, people.id)))
      rolesOf.set(r.email, [...(rolesOf.get(r.email) ?? []), r.role])
    const mails = (await t.db.select().from(outbox)).filter((m) => m.kind.startsWith('advising.'))
    const links = mails.flatMap((mail) =>
      [...mail.textBody.matchAll(/https?:\/\/\S+/g)].map((m) => ({ to: mail.toAddress, kind: mail.kind, url: new URL(m[0]) })),
    )
    // Every kind the module sends, the reminder included, was written by the tests above.
    expect(new Set(links.map((l) => l.kind))).toEqual(
      new Set([
        'advising.board-agreement-asked',
        'advising.board-agreement-accepted',
        'advising.board-agreement-declined',
        'advising.board-agreement-lapsed',
        'advising.board-agreement-reminder',
        'advising.board-assigned-student',
      ]),
    )
    const problems = links.flatMap(({ to, kind, url }) => {
      if (url.origin !== TEST_ORIGIN) return [`${kind} to ${to}: ${url.href} is not the app`]
      const route = webRouteFor(`${url.pathname}${url.search}`)
      if (!route) return [`${kind} to ${to}: ${url.pathname} is no page`]
      if (route.roles && !route.roles.some((role) => rolesOf.get(to)?.includes(role)))
        return [`${kind} to ${to}: ${route.pattern} is for ${route.roles.join(', ')}`]
      return []
    })
    expect(problems).toEqual([])
  })
})
