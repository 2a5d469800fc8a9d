import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, outbox, sessions } from '#server/db/schema/index.ts'
import { cookieFrom, createTestApp, TEST_PASSWORD, type TestApp } from '#tests/setup/test-app.ts'
import { MS_PER_HOUR } from '#shared/time.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

const signIn = (email: string, password = TEST_PASSWORD, cookie?: string | null) =>
  t.request('POST', '/api/auth/sign-in', { body: { email, password }, cookie: cookie ?? null })

/** The token of the newest e-mail to an address, taken from its link. */
async function linkTokenSentTo(email: string, kind: string): Promise<string> {
  const rows = await t.db.select().from(outbox).where(eq(outbox.toAddress, email))
  const mail = rows.filter((r) => r.kind === kind).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]
  const token = mail?.textBody.match(/token=([A-Za-z0-9_-]+)/)?.[1]
  if (!token) throw new Error(`no ${kind} e-mail to ${email}`)
  return token
}

describe('sign-in with password', () => {
  it('signs in, sets an httpOnly SameSite cookie, and the session answers', async () => {
    const person = await t.insertAccount(['student'], { email: 'ada@test.example.edu' })
    const response = await signIn('ADA@test.example.edu ')
    expect(response.status).toBe(200)
    expect(response.json.person).toMatchObject({ id: person.id, roles: ['student'] })
    const setCookie = response.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const session = await t.request('GET', '/api/auth/session', { cookie: cookieFrom(response.headers) })
    expect(session.status).toBe(200)
    expect(session.json.person.email).toBe('ada@test.example.edu')
  })

  it('answers a visitor who is not signed in with 200 and no person: signed out is not an error', async () => {
    const session = await t.request('GET', '/api/auth/session', { cookie: null })
    expect(session.status).toBe(200)
    expect(session.json).toEqual({ person: null })
    const unknownCookie = await t.request('GET', '/api/auth/session', { cookie: 'preceptor_session=not-a-session' })
    expect(unknownCookie.status).toBe(200)
    expect(unknownCookie.json).toEqual({ person: null })
  })

  it('refuses a wrong password with the same answer as an unknown e-mail, and audits both', async () => {
    await t.insertAccount(['mentor'], { email: 'grace@test.example.edu' })
    const wrong = await signIn('grace@test.example.edu', 'not the password')
    const unknown = await signIn('nobody@test.example.edu', 'not the password')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.json.error.message).toBe(unknown.json.error.message)
    const failures = await t.db.select().from(auditLog).where(eq(auditLog.action, 'sign-in.failed'))
    expect(failures.length).toBeGreaterThanOrEqual(2)
  })

  it('rotates the session id: the cookie held before sign-in no longer works', async () => {
    const person = await t.insertAccount(['student'])
    const before = await t.sessionCookie(person.id)
    const response = await signIn(person.email, TEST_PASSWORD, before)
    const after = cookieFrom(response.headers)
    expect(after).not.toBe(before)
    expect((await t.request('GET', '/api/auth/session', { cookie: before })).json.person).toBeNull()
    expect((await t.request('GET', '/api/auth/session', { cookie: after })).json.person).toBeTruthy()
  })

  it('rate-limits after five failures for one e-mail', async () => {
    const person = await t.insertAccount(['student'])
    for (let i = 0; i < 5; i++) expect((await signIn(person.email, 'wrong password')).status).toBe(401)
    const limited = await signIn(person.email)
    expect(limited.status).toBe(429)
    expect(limited.json.error.code).toBe('RATE_LIMITED')
    t.clock.advance(16 * 60_000)
    expect((await signIn(person.email)).status).toBe(200)
  })

  it('refuses a disabled person', async () => {
    const person = await t.insertAccount(['student'], { status: 'disabled' })
    expect((await signIn(person.email)).status).toBe(403)
  })
})

describe('how a person reads times', () => {
  it('keeps the zone and the 12/24-hour clock on the server: the session and the next sign-in carry them', async () => {
    const person = await t.insertAccount(['student'], { email: 'clock@test.example.edu' })
    const cookie = await t.sessionCookie(person.id)
    expect((await t.request('GET', '/api/auth/session', { cookie })).json.clock).toEqual({ timeZone: null, hourCycle: null })
    const saved = await t.request('PUT', '/api/auth/clock', { cookie, body: { timeZone: 'America/Chicago', hourCycle: '24h' } })
    expect(saved.status, saved.text).toBe(200)
    expect((await t.request('GET', '/api/auth/session', { cookie })).json.clock).toEqual({ timeZone: 'America/Chicago', hourCycle: '24h' })
    expect((await signIn('clock@test.example.edu')).json.clock).toEqual({ timeZone: 'America/Chicago', hourCycle: '24h' })
  })

  it('refuses a zone that is not a time zone and a clock that is neither 12 nor 24 hours, naming the field, and changes nothing', async () => {
    const person = await t.insertAccount(['mentor'], { email: 'clock2@test.example.edu' })
    const cookie = await t.sessionCookie(person.id)
    await t.request('PUT', '/api/auth/clock', { cookie, body: { timeZone: 'Europe/Paris', hourCycle: '12h' } })
    for (const [body, field] of [
      [{ timeZone: 'Mars/Olympus_Mons', hourCycle: null }, 'timeZone'],
      [{ timeZone: null, hourCycle: '13h' }, 'hourCycle'],
    ] as const) {
      const refused = await t.request('PUT', '/api/auth/clock', { cookie, body })
      expect(refused.status, refused.text).toBe(400)
      expect(Object.keys(refused.json.error.fields ?? {})).toContain(field)
    }
    expect((await t.request('GET', '/api/auth/session', { cookie })).json.clock).toEqual({ timeZone: 'Europe/Paris', hourCycle: '12h' })
  })
})

describe('session timeouts and sign-out', () => {
  it('ends a session after the idle timeout', async () => {
    const { cookie } = await t.signedInAs(['student'])
    t.clock.advance(59 * 60_000)
    expect((await t.request('GET', '/api/auth/session', { cookie })).json.person).toBeTruthy()
    t.clock.advance(61 * 60_000)
    expect((await t.request('GET', '/api/auth/session', { cookie })).json.person).toBeNull()
  })

  it('ends an active session at the absolute timeout', async () => {
    const { cookie } = await t.signedInAs(['student'])
    for (let hour = 0; hour < 23; hour++) {
      t.clock.advance(50 * 60_000)
      expect((await t.request('GET', '/api/auth/session', { cookie })).json.person).toBeTruthy()
    }
    t.clock.advance(2 * MS_PER_HOUR)
    expect((await t.request('GET', '/api/auth/session', { cookie })).json.person).toBeNull()
  })

  it('signs out: the session row is gone and the cookie is cleared', async () => {
    const { person, cookie } = await t.signedInAs(['mentor'])
    const response = await t.request('POST', '/api/auth/sign-out', { cookie })
    expect(response.status).toBe(200)
    expect(response.headers.get('set-cookie')).toMatch(/preceptor_session=;/)
    expect(await t.db.select().from(sessions).where(eq(sessions.personId, person.id))).toHaveLength(0)
  })
})

describe('CSRF origin check', () => {
  it('refuses an unsafe request from another origin, or with no origin', async () => {
    const { cookie } = await t.signedInAs(['student'])
    const foreign = await t.request('PATCH', '/api/profiles/me', { cookie, body: { pronouns: 'she/her' }, origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    const none = await t.request('PATCH', '/api/profiles/me', { cookie, body: { pronouns: 'she/her' }, origin: null })
    expect(none.status).toBe(403)
    const own = await t.request('PATCH', '/api/profiles/me', { cookie, body: { pronouns: 'she/her' } })
    expect(own.status).toBe(200)
  })
})

describe('e-mailed links', () => {
  it('magic link: the same answer for unknown addresses; the link signs in once', async () => {
    const person = await t.insertAccount(['student'])
    const unknown = await t.request('POST', '/api/auth/magic-link', { body: { email: 'who@test.example.edu' } })
    const known = await t.request('POST', '/api/auth/magic-link', { body: { email: person.email } })
    expect(unknown.status).toBe(202)
    expect(known.status).toBe(202)
    expect(known.json).toEqual(unknown.json)
    const token = await linkTokenSentTo(person.email, 'magic-link')
    const first = await t.request('POST', '/api/auth/magic-link/consume', { body: { token } })
    expect(first.status).toBe(200)
    expect(first.json.person.id).toBe(person.id)
    const second = await t.request('POST', '/api/auth/magic-link/consume', { body: { token } })
    expect(second.status).toBe(404)
  })

  it('magic link expires after 15 minutes', async () => {
    const person = await t.insertAccount(['mentor'])
    await t.request('POST', '/api/auth/magic-link', { body: { email: person.email } })
    const token = await linkTokenSentTo(person.email, 'magic-link')
    t.clock.advance(16 * 60_000)
    expect((await t.request('POST', '/api/auth/magic-link/consume', { body: { token } })).status).toBe(404)
  })

  it('password reset sets the new password and ends every other session', async () => {
    const { person, cookie: otherDevice } = await t.signedInAs(['advisor'])
    await t.request('POST', '/api/auth/password-reset', { body: { email: person.email } })
    const token = await linkTokenSentTo(person.email, 'password-reset')
    const short = await t.request('POST', '/api/auth/password-reset/complete', { body: { token, password: 'short' } })
    expect(short.status).toBe(400)
    expect(short.json.error.fields.password).toBeTruthy()
    const done = await t.request('POST', '/api/auth/password-reset/complete', { body: { token, password: 'a much better passphrase' } })
    expect(done.status).toBe(200)
    expect((await t.request('GET', '/api/auth/session', { cookie: otherDevice })).json.person).toBeNull()
    expect((await signIn(person.email)).status).toBe(401)
    expect((await signIn(person.email, 'a much better passphrase')).status).toBe(200)
  })

  it('an admin invites; the invited person sets a password through the link and is signed in', async () => {
    const { cookie: adminCookie } = await t.signedInAs(['admin'])
    const invited = await t.request('POST', '/api/admin/people', {
      cookie: adminCookie,
      body: { email: 'new.mentor@test.example.edu', name: 'Nia Okafor', roles: ['mentor'] },
    })
    expect(invited.status).toBe(201)
    expect(invited.json.status).toBe('invited')
    const duplicate = await t.request('POST', '/api/admin/people', {
      cookie: adminCookie,
      body: { email: 'new.mentor@test.example.edu', name: 'Nia', roles: ['mentor'] },
    })
    expect(duplicate.status).toBe(409)
    expect(duplicate.json.error.fields.email).toBeTruthy()
    const token = await linkTokenSentTo('new.mentor@test.example.edu', 'invite')
    const accepted = await t.request('POST', '/api/auth/invite/accept', { body: { token, password: 'my own good password' } })
    expect(accepted.status).toBe(200)
    expect(accepted.json.person).toMatchObject({ name: 'Nia Okafor', roles: ['mentor'] })
    expect((await signIn('new.mentor@test.example.edu', 'my own good password')).status).toBe(200)
  })
})

describe('admin actions on people', () => {
  it('disabling a person ends their sessions at once', async () => {
    const { cookie: adminCookie } = await t.signedInAs(['admin'])
    const { person, cookie } = await t.signedInAs(['student'])
    expect((await t.request('GET', '/api/profiles/me', { cookie })).status).toBe(200)
    const disabled = await t.request('POST', `/api/admin/people/${person.id}/disable`, { cookie: adminCookie })
    expect(disabled.status).toBe(200)
    expect(disabled.json.status).toBe('disabled')
    expect((await t.request('GET', '/api/profiles/me', { cookie })).status).toBe(401)
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.objectId, person.id))
    expect(audit.map((row) => row.action)).toContain('person.disabled')
  })

  it('role changes take effect on the next request and are audited', async () => {
    const { cookie: adminCookie } = await t.signedInAs(['admin'])
    const { person, cookie } = await t.signedInAs(['student'])
    expect((await t.request('PATCH', '/api/profiles/me/mentor', { cookie, body: { capacity: 2 } })).status).toBe(403)
    const changed = await t.request('PUT', `/api/admin/people/${person.id}/roles`, { cookie: adminCookie, body: { roles: ['student', 'mentor'] } })
    expect(changed.json.roles).toEqual(['mentor', 'student'])
    expect((await t.request('PATCH', '/api/profiles/me/mentor', { cookie, body: { capacity: 2, kind: 'near-peer' } })).status).toBe(200)
  })

  it('an admin cannot remove their own admin role', async () => {
    const { person, cookie } = await t.signedInAs(['admin'])
    const response = await t.request('PUT', `/api/admin/people/${person.id}/roles`, { cookie, body: { roles: ['advisor'] } })
    expect(response.status).toBe(409)
  })

  it('the audit log is append-only at the database', async () => {
    await expect(t.db.delete(auditLog)).rejects.toThrow()
  })
})

describe('demo accounts', () => {
  it('lists the demo accounts in demo mode', async () => {
    const answer = await t.request('GET', '/api/demo-accounts')
    expect(answer.status).toBe(200)
    expect(Array.isArray(answer.json.accounts)).toBe(true)
  })

  it('answers 200 with no accounts on a school’s own install, so the sign-in page logs no error', async () => {
    const school = await createTestApp({ demoMode: false })
    try {
      const answer = await school.request('GET', '/api/demo-accounts')
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual({ accounts: null })
    } finally {
      await school.close()
    }
  })
})
