import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cookieFrom, createTestApp, TEST_PASSWORD, type TestApp } from '#tests/setup/test-app.ts'

// Every change here follows a request that has just read the session, so on the embedded
// database (where lookups are kept in memory) the change must reach a session already held.
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

const sessionOf = async (cookie: string) => (await t.request('GET', '/api/auth/session', { cookie })).json.person

describe('a change to a session or its person reaches the next request', () => {
  it('sign-out: the cookie no longer signs anyone in', async () => {
    const { cookie } = await t.signedInAs(['student'])
    expect(await sessionOf(cookie)).not.toBeNull()
    expect((await t.request('POST', '/api/auth/sign-out', { cookie })).status).toBe(200)
    expect(await sessionOf(cookie)).toBeNull()
    expect((await t.request('GET', '/api/profiles/me', { cookie })).status).toBe(401)
  })

  it('a password changed on one device ends the session on another', async () => {
    const { person, cookie: laptop } = await t.signedInAs(['mentor'])
    const signIn = await t.request('POST', '/api/auth/sign-in', { body: { email: person.email, password: TEST_PASSWORD } })
    const phone = cookieFrom(signIn.headers)
    if (!phone) throw new Error('no session cookie')
    expect(await sessionOf(laptop)).not.toBeNull()
    expect(await sessionOf(phone)).not.toBeNull()
    const changed = await t.request('POST', '/api/auth/change-password', {
      cookie: phone,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a new and longer passphrase' },
    })
    expect(changed.status, changed.text).toBe(200)
    expect(await sessionOf(laptop)).toBeNull()
    expect(await sessionOf(phone)).not.toBeNull()
  })

  it('disabling a person ends the session they are using', async () => {
    const { cookie: admin } = await t.signedInAs(['admin'])
    const { person, cookie } = await t.signedInAs(['student'])
    expect(await sessionOf(cookie)).not.toBeNull()
    expect((await t.request('POST', `/api/admin/people/${person.id}/disable`, { cookie: admin })).status).toBe(200)
    expect((await t.request('GET', '/api/profiles/me', { cookie })).status).toBe(401)
  })

  it('a role taken away is refused on the next request, and one given is allowed', async () => {
    const { cookie: admin } = await t.signedInAs(['admin'])
    const { person, cookie } = await t.signedInAs(['student', 'mentor'])
    expect((await sessionOf(cookie)).roles).toEqual(['mentor', 'student'])
    expect((await t.request('PUT', `/api/admin/people/${person.id}/roles`, { cookie: admin, body: { roles: ['student'] } })).status).toBe(200)
    expect((await sessionOf(cookie)).roles).toEqual(['student'])
    expect((await t.request('PATCH', '/api/profiles/me/mentor', { cookie, body: { capacity: 2, kind: 'near-peer' } })).status).toBe(403)
    expect((await t.request('PUT', `/api/admin/people/${person.id}/roles`, { cookie: admin, body: { roles: ['student', 'advisor'] } })).status).toBe(200)
    expect((await sessionOf(cookie)).roles).toEqual(['advisor', 'student'])
  })

  it('the school-wide scope taken from an advisor narrows the school dashboard to their own students at once', async () => {
    const { cookie: admin } = await t.signedInAs(['admin'])
    const { person, cookie } = await t.signedInAs(['advisor'])
    const grant = (schoolWide: boolean) => t.request('PUT', `/api/admin/people/${person.id}/school-wide`, { cookie: admin, body: { schoolWide } })
    const scope = async () => (await t.request('GET', '/api/reports/school', { cookie })).json.scope
    expect(await scope()).toBe('assigned')
    expect((await grant(true)).status).toBe(200)
    expect(await scope()).toBe('school')
    expect((await grant(false)).status).toBe(200)
    expect(await scope()).toBe('assigned')
  })
})
