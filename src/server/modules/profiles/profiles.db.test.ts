import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

describe('viewing profiles', () => {
  it('a student sees a mentor’s profile without their e-mail, and never another student’s', async () => {
    const mentor = await t.insertAccount(['mentor'], { mentor: { identity: ['first-generation'], identityVisibility: 'private' } })
    const other = await t.insertAccount(['student'])
    const { cookie } = await t.signedInAs(['student'])
    const seen = await t.request('GET', `/api/profiles/${mentor.id}`, { cookie })
    expect(seen.status).toBe(200)
    expect(seen.json.person.email).toBe('')
    expect(seen.json.mentor.bio).toBeTypeOf('string')
    expect(seen.json.mentor).not.toHaveProperty('identity')
    expect(seen.json.student).toBeNull()
    expect((await t.request('GET', `/api/profiles/${other.id}`, { cookie })).status).toBe(404)
  })

  it('a near-peer mentor’s student record stays hidden from students; advisors see it', async () => {
    const nearPeer = await t.insertAccount(['student', 'mentor'])
    const { cookie: studentCookie } = await t.signedInAs(['student'])
    const asStudent = await t.request('GET', `/api/profiles/${nearPeer.id}`, { cookie: studentCookie })
    expect(asStudent.json.student).toBeNull()
    expect(asStudent.json.mentor).not.toBeNull()
    const { cookie: advisorCookie } = await t.signedInAs(['advisor'])
    const asAdvisor = await t.request('GET', `/api/profiles/${nearPeer.id}`, { cookie: advisorCookie })
    expect(asAdvisor.json.student.classYear).toBeTypeOf('string')
    expect(asAdvisor.json.person.email).toBe(nearPeer.email)
  })

  it('a person on a directory hold is invisible to students and mentors', async () => {
    const held = await t.insertAccount(['mentor'], { directoryHold: true })
    for (const role of ['student', 'mentor'] as const) {
      const { cookie } = await t.signedInAs([role])
      expect((await t.request('GET', `/api/profiles/${held.id}`, { cookie })).status).toBe(404)
    }
    const { cookie } = await t.signedInAs(['advisor'])
    expect((await t.request('GET', `/api/profiles/${held.id}`, { cookie })).status).toBe(200)
  })

  it('identity shared with advisors is shown to advisors, audited, and hidden from admins', async () => {
    const student = await t.insertAccount(['student'], { student: { identity: ['veteran'], identityVisibility: 'advisors' } })
    const { person: advisor, cookie: advisorCookie } = await t.signedInAs(['advisor'])
    const asAdvisor = await t.request('GET', `/api/profiles/${student.id}`, { cookie: advisorCookie })
    expect(asAdvisor.json.student.identity).toEqual(['veteran'])
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.objectId, student.id))
    expect(audit.find((row) => row.action === 'profile.identity-read' && row.actorId === advisor.id)).toBeTruthy()
    const { cookie: adminCookie } = await t.signedInAs(['admin'])
    const asAdmin = await t.request('GET', `/api/profiles/${student.id}`, { cookie: adminCookie })
    expect(asAdmin.json.student).not.toHaveProperty('identity')
  })
})

describe('editing my profile', () => {
  it('saves student fields and reads them back; a bad value names its field and changes nothing', async () => {
    const { cookie } = await t.signedInAs(['student'])
    const saved = await t.request('PATCH', '/api/profiles/me/student', {
      cookie,
      body: { specialtyInterests: ['dermatology', 'internal-medicine'], careerGoals: 'Academic dermatology with a global health focus.' },
    })
    expect(saved.status).toBe(200)
    expect(saved.json.student.specialtyInterests).toEqual(['dermatology', 'internal-medicine'])
    const bad = await t.request('PATCH', '/api/profiles/me/student', {
      cookie,
      body: { specialtyInterests: ['dermatology', 'astrology'], careerGoals: 'changed' },
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fields)[0]).toMatch(/^specialtyInterests/)
    const after = await t.request('GET', '/api/profiles/me', { cookie })
    expect(after.json.student.careerGoals).toBe('Academic dermatology with a global health focus.')
  })

  it('explains a value out of range in plain words, the same the web form shows', async () => {
    const { cookie } = await t.signedInAs(['student'])
    const response = await t.request('PATCH', '/api/profiles/me/student', { cookie, body: { graduationYear: 1800 } })
    expect(response.status).toBe(400)
    expect(response.json.error.fields.graduationYear).toBe('Enter a number of at least 1990.')
  })

  it('refuses a negative mentor capacity with the field named', async () => {
    const { cookie } = await t.signedInAs(['mentor'])
    const response = await t.request('PATCH', '/api/profiles/me/mentor', { cookie, body: { capacity: -1 } })
    expect(response.status).toBe(400)
    expect(response.json.error.fields.capacity).toMatch(/negative/)
  })

  it('takes a photo by its content, not its declared type, and serves it back', async () => {
    const { person, cookie } = await t.signedInAs(['mentor'])
    const fake = await t.request('PUT', '/api/profiles/me/photo', {
      cookie,
      rawBody: new TextEncoder().encode('<svg onload=alert(1)>'),
      headers: { 'content-type': 'image/png' },
    })
    expect(fake.status).toBe(415)
    const saved = await t.request('PUT', '/api/profiles/me/photo', { cookie, rawBody: PNG, headers: { 'content-type': 'image/png' } })
    expect(saved.status).toBe(200)
    expect(saved.json.person.hasPhoto).toBe(true)
    const { cookie: viewer } = await t.signedInAs(['student'])
    const photo = await t.app.request(`http://preceptor.test/api/people/${person.id}/photo`, { headers: { cookie: viewer } })
    expect(photo.status).toBe(200)
    expect(photo.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(PNG)
  })

  it('refuses a photo over 1 MB', async () => {
    const { cookie } = await t.signedInAs(['student'])
    const big = new Uint8Array(1024 * 1024 + 10)
    big.set(PNG)
    const response = await t.request('PUT', '/api/profiles/me/photo', { cookie, rawBody: big, headers: { 'content-type': 'image/png' } })
    expect(response.status).toBe(413)
  })
})
