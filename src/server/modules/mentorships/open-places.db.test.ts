import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

describe('open places: capacity minus active mentees, everywhere a student looks', () => {
  it('an accepted mentorship takes a place in the directory and in recommendations', async () => {
    const mentor = await t.insertAccount(['mentor'], {
      name: 'Wendell Quarterman',
      mentor: { kind: 'faculty', specialtyId: 'dermatology', departmentId: 'dermatology', capacity: 1, accepting: true, offers: ['career-advice'] },
    })
    const mentorCookie = await t.sessionCookie(mentor.id)
    const { cookie: studentCookie } = await t.signedInAs(['student'])
    const { cookie: otherStudent } = await t.signedInAs(['student'])
    await t.request('PATCH', '/api/profiles/me/student', { cookie: otherStudent, body: { specialtyInterests: ['dermatology'], helpWanted: ['career-advice'] } })

    const before = await t.request('GET', `/api/directory/mentors/${mentor.id}`, { cookie: studentCookie })
    expect(before.json.openPlaces).toBe(1)

    const request = await t.request('POST', '/api/mentorship-requests', {
      cookie: studentCookie,
      body: { mentorId: mentor.id, kind: 'ongoing', message: 'I would value your advice on dermatology.', helpWanted: ['career-advice'] },
    })
    expect(request.status).toBe(201)
    const accepted = await t.request('POST', `/api/mentorship-requests/${request.json.id}/accept`, { cookie: mentorCookie })
    expect(accepted.status).toBe(200)

    const after = await t.request('GET', `/api/directory/mentors/${mentor.id}`, { cookie: studentCookie })
    expect(after.json.openPlaces).toBe(0)
    const search = await t.request('GET', '/api/directory/mentors?q=Quarterman', { cookie: otherStudent })
    expect(search.json.results[0]?.openPlaces).toBe(0)
    const recommended = await t.request('GET', '/api/recommendations/mentors?limit=50', { cookie: otherStudent })
    expect(recommended.status).toBe(200)
    expect(JSON.stringify(recommended.json)).not.toContain(mentor.id)
  })
})
