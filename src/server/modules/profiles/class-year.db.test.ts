import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** The class year is the school's fact: an admin sets it; the student reads it and cannot change it. */
let t: TestApp
let admin = ''
beforeAll(async () => {
  t = await createTestApp()
  admin = (await t.signedInAs(['admin'])).cookie
})
afterAll(async () => {
  await t?.close()
})

describe('the class year', () => {
  it('is refused from the student, naming the field, while their other fields still save', async () => {
    const student = await t.insertAccount(['student'], { student: { classYear: 'M2' } })
    const cookie = await t.sessionCookie(student.id)
    const changed = await t.request('PATCH', '/api/profiles/me/student', { cookie, body: { classYear: 'M4', careerGoals: 'Surgery.' } })
    expect(changed.status).toBe(400)
    expect(changed.json.error.fields.classYear).toMatch(/Office of Student Affairs/)
    const same = await t.request('PATCH', '/api/profiles/me/student', { cookie, body: { classYear: 'M2', careerGoals: 'Surgery.' } })
    expect(same.status, same.text).toBe(200)
    expect(same.json.student).toMatchObject({ classYear: 'M2', careerGoals: 'Surgery.' })
  })

  it('is set by an admin, audited, and only for a student', async () => {
    const student = await t.insertAccount(['student'], { student: { classYear: 'M2' } })
    const set = await t.request('PUT', `/api/admin/people/${student.id}/class-year`, { cookie: admin, body: { classYear: 'M3' } })
    expect(set.status, set.text).toBe(200)
    const own = await t.request('GET', '/api/profiles/me', { cookie: await t.sessionCookie(student.id) })
    expect(own.json.student.classYear).toBe('M3')
    const audit = await t.request('GET', `/api/admin/audit-log?subject=${student.id}&action=profile.class-year-set`, { cookie: admin })
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['profile.class-year-set:M3'])

    const mentor = await t.insertAccount(['mentor'])
    const refused = await t.request('PUT', `/api/admin/people/${mentor.id}/class-year`, { cookie: admin, body: { classYear: 'M3' } })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields.classYear).toBeTruthy()
    const bad = await t.request('PUT', `/api/admin/people/${student.id}/class-year`, { cookie: admin, body: { classYear: 'M9' } })
    expect(bad.json.error.fields.classYear).toBeTruthy()
  })
})
