import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, studentAdvisors } from '#server/db/schema/index.ts'
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
    student: { classYear: 'M2', specialtyInterests: ['dermatology', 'internal-medicine'], helpWanted: ['career-advice', 'research'], careerGoals: 'Dermatology research', identity: ['first-generation'], wantsIdentityAlignedMentor: true },
  })
  student = { id: s.id, cookie: await t.sessionCookie(s.id) }
  const a = await t.insertAccount(['advisor'], { name: 'Dean Advisor', advisor: { advisesSpecialtyId: null } })
  advisor = { id: a.id, cookie: await t.sessionCookie(a.id) }
  const b = await t.insertAccount(['advisor'], { name: 'Other Advisor', advisor: { advisesSpecialtyId: null } })
  otherAdvisor = { id: b.id, cookie: await t.sessionCookie(b.id) }

  ids.dermFaculty = (await t.insertAccount(['mentor'], { name: 'Derm Faculty', mentor: { ...mentorFields, kind: 'faculty', specialtyId: 'dermatology', departmentId: 'dermatology', offers: ['career-advice', 'research'] } })).id
  ids.nearPeer = (await t.insertAccount(['student', 'mentor'], { name: 'Near Peer', mentor: { ...mentorFields, kind: 'near-peer', specialtyId: 'dermatology' } })).id
  ids.resident = (
    await t.insertAccount(['mentor'], {
      name: 'Open Resident',
      mentor: { ...mentorFields, kind: 'resident', specialtyId: 'dermatology', identity: ['first-generation'], identityVisibility: 'everyone', offers: ['career-advice', 'identity-based-mentorship'] },
    })
  ).id
  ids.heldResident = (await t.insertAccount(['mentor'], { name: 'Held Resident', directoryHold: true, mentor: { ...mentorFields, kind: 'resident', specialtyId: 'dermatology' } })).id
  ids.closedResident = (await t.insertAccount(['mentor'], { name: 'Closed Resident', mentor: { ...mentorFields, kind: 'resident', specialtyId: 'dermatology', accepting: false } })).id
  ids.imFaculty = (await t.insertAccount(['mentor'], { name: 'Medicine Faculty', mentor: { ...mentorFields, kind: 'faculty', specialtyId: 'internal-medicine', departmentId: 'medicine' } })).id
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
    expect(slotOf(board, 'advisory-dean').holders.map((h) => [h.person.name, h.why])).toEqual([['Dean Advisor', 'Assigned by the Office of Student Affairs in October 2026']])
    expect(slotOf(board, 'specialty-advisor').holders.map((h) => [h.person.id, h.why])).toEqual([[ids.dermFaculty, 'Faculty, Dermatology; active mentorship since October 2026']])
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

  it('follows a change of declared specialty: the old holder is shown apart, the slot empties with new suggestions', async () => {
    const patched = await t.request('PATCH', '/api/profiles/me/student', { cookie: student.cookie, body: { specialtyInterests: ['internal-medicine', 'dermatology'] } })
    expect(patched.status, patched.text).toBe(200)
    const board = (await t.request('GET', '/api/advising/board/me', { cookie: student.cookie })).json as AdvisingBoardView
    const specialty = slotOf(board, 'specialty-advisor')
    expect(specialty.label).toBe('Internal Medicine advisor')
    expect(specialty.isEmpty).toBe(true)
    expect(specialty.former.map((f) => [f.person.id, f.why])).toEqual([[ids.dermFaculty, 'Mentors in Dermatology; your declared specialty is now Internal Medicine.']])
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
    const wrong = await t.request('POST', '/api/advising/assignments', { cookie: advisor.cookie, body: { studentId: student.id, slot: 'specialty-advisor', personId: ids.dermFaculty } })
    expect(wrong.status).toBe(400)
    expect(wrong.json.error.message).toMatch(/advises in Dermatology; the student's declared specialty is Internal Medicine/)
    expect(wrong.json.error.fields.personId).toBeTruthy()
    const notNearPeer = await t.request('POST', '/api/advising/assignments', { cookie: advisor.cookie, body: { studentId: student.id, slot: 'near-peer', personId: ids.mentorOnly } })
    expect(notNearPeer.status).toBe(400)
    expect(notNearPeer.json.error.fields.personId).toBeTruthy()
    expect((await t.request('POST', '/api/advising/assignments', { cookie: otherAdvisor.cookie, body: { studentId: student.id, slot: 'specialty-advisor', personId: ids.imAdvisor } })).status).toBe(404)

    const made = await t.request('POST', '/api/advising/assignments', { cookie: advisor.cookie, body: { studentId: student.id, slot: 'specialty-advisor', personId: ids.imAdvisor, note: 'Met at the fair' } })
    expect(made.status, made.text).toBe(201)
    const again = await t.request('POST', '/api/advising/assignments', { cookie: advisor.cookie, body: { studentId: student.id, slot: 'specialty-advisor', personId: ids.imAdvisor } })
    expect(again.status).toBe(409)

    const board = (await t.request('GET', '/api/advising/board/me', { cookie: student.cookie })).json as AdvisingBoardView
    expect(slotOf(board, 'specialty-advisor').holders.map((h) => [h.person.id, h.source, h.why])).toEqual([[ids.imAdvisor, 'board-assignment', 'Assigned as Internal Medicine advisor in October 2026']])

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
    const second = await t.request('POST', '/api/admin/student-advisors/bulk', { cookie: adminCookie, body: { advisorId: otherAdvisor.id, studentIds: [s2.id] } })
    expect(second.json.alreadyAssigned).toBe(1)

    const notAdvisor = await t.request('POST', '/api/admin/student-advisors/bulk', { cookie: adminCookie, body: { advisorId: ids.dermFaculty, studentIds: [s2.id] } })
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
    const out = await t.request('POST', '/api/admin/student-advisors/import', { cookie: adminCookie, body: { csv } })
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
    const bad = await t.request('PUT', '/api/admin/student-advisors', { cookie: adminCookie, body: { studentId: student.id, advisorIds: [otherAdvisor.id, ids.dermFaculty] } })
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
