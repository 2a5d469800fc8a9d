import ICAL from 'ical.js'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { availabilitySlots, outbox, people, personRoles } from '#server/db/schema/index.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/setup/test-app.ts'

// A Monday; the mentor offers Tuesdays and Wednesdays at 9:00 in New York.
const START = new Date('2026-10-19T12:00:00Z')
const SPACED = 'https://zoom.us/j/123 (passcode 555)'
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ now: START })
})
afterAll(async () => {
  await t?.close()
})

async function mentorshipWith(studentName: string) {
  const student = await t.insertAccount(['student'], { name: studentName })
  const mentorPerson = await t.insertAccount(['mentor'], { mentor: { capacity: 5, accepting: true } })
  const studentCookie = await t.sessionCookie(student.id)
  const mentorCookie = await t.sessionCookie(mentorPerson.id)
  const asked = await t.request('POST', '/api/mentorship-requests', {
    cookie: studentCookie,
    body: { mentorId: mentorPerson.id, kind: 'coffee-chat', message: 'Coffee?', helpWanted: ['career-advice'] },
  })
  const accepted = await t.request('POST', `/api/mentorship-requests/${asked.json.id}/accept`, { cookie: mentorCookie })
  return { student, mentorPerson, studentCookie, mentorCookie, mentorshipId: accepted.json.mentorshipId as string }
}

describe('video links', () => {
  it('a link with a space is refused at input with the field named, in availability and in a proposed meeting', async () => {
    const { mentorCookie, mentorshipId } = await mentorshipWith('Sam Lee')
    const put = await t.request('PUT', '/api/availability/me', {
      cookie: mentorCookie,
      body: { timeZone: 'America/New_York', slots: [{ weekday: 2, startTime: '09:00', durationMinutes: 30, locationKind: 'video', locationDetail: SPACED }] },
    })
    expect(put.status).toBe(400)
    expect(put.json.error.fields['slots.0.locationDetail']).toMatch(/without spaces/)
    const proposed = await t.request('POST', `/api/mentorships/${mentorshipId}/meetings`, {
      cookie: mentorCookie,
      body: { mode: 'propose', startAt: '2026-10-22T18:00:00Z', locationKind: 'video', locationDetail: 'http://zoom.us/j/1' },
    })
    expect(proposed.status).toBe(400)
    expect(proposed.json.error.fields.locationDetail).toMatch(/https/)
    const words = await t.request('PUT', '/api/availability/me', {
      cookie: mentorCookie,
      body: {
        timeZone: 'America/New_York',
        slots: [{ weekday: 2, startTime: '09:00', durationMinutes: 30, locationKind: 'video', locationDetail: 'Teams — link by e-mail' }],
      },
    })
    expect(words.status, words.text).toBe(200)
  })

  it('a bad link stored before the check does not stop anyone booking; the invite parses and keeps the words', async () => {
    const { mentorPerson, mentorCookie, studentCookie, mentorshipId, student } = await mentorshipWith('Ana Diaz')
    await t.request('PUT', '/api/availability/me', {
      cookie: mentorCookie,
      body: {
        timeZone: 'America/New_York',
        slots: [{ weekday: 3, startTime: '09:00', durationMinutes: 30, locationKind: 'video', locationDetail: 'https://zoom.us/j/123' }],
      },
    })
    await t.db.update(availabilitySlots).set({ locationDetail: SPACED }).where(eq(availabilitySlots.mentorId, mentorPerson.id))
    const booked = await t.request('POST', `/api/mentorships/${mentorshipId}/meetings`, {
      cookie: studentCookie,
      body: { mode: 'book', startAt: '2026-10-21T13:00:00Z' },
    })
    expect(booked.status, booked.text).toBe(201)
    const [mail] = (await t.db.select().from(outbox).where(eq(outbox.toAddress, student.email))).filter((e) => e.kind === 'meeting.new')
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(mail?.attachments[0]?.content ?? '')).getFirstSubcomponent('vevent') as ICAL.Component)
    expect(event.location).toBe(`Video call: ${SPACED}`)
    const feed = await t.request('POST', '/api/calendar/feed', { cookie: mentorCookie })
    expect((await t.request('GET', new URL(feed.json.url).pathname)).status).toBe(200)

    // "Add to calendar": the same event (same UID) as a file, for the two sides only.
    const file = await t.request('GET', `/api/meetings/${booked.json.id}/calendar.ics`, { cookie: studentCookie })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toContain('text/calendar')
    expect(file.headers.get('content-disposition')).toContain('.ics')
    const calendar = new ICAL.Component(ICAL.parse(file.text))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component).uid).toBe(event.uid)
    expect((await t.request('GET', `/api/meetings/${booked.json.id}/calendar.ics`, { cookie: mentorCookie })).status).toBe(200)
    const outsider = await t.signedInAs(['mentor'])
    expect((await t.request('GET', `/api/meetings/${booked.json.id}/calendar.ics`, { cookie: outsider.cookie })).status).toBe(404)
  })
})

describe('names in invites', () => {
  it('a student named to smuggle an address into the invite cannot: ical.js reads the real attendee in the invite and the feed', async () => {
    const { student, studentCookie, mentorCookie, mentorshipId } = await mentorshipWith('Maya":mailto:attacker@evil.example;X-A="')
    const proposed = await t.request('POST', `/api/mentorships/${mentorshipId}/meetings`, {
      cookie: mentorCookie,
      body: { mode: 'propose', startAt: '2026-10-22T18:00:00Z', locationKind: 'phone', locationDetail: '+1 555 0100' },
    })
    expect(proposed.status, proposed.text).toBe(201)
    expect((await t.request('POST', `/api/meetings/${proposed.json.id}/confirm`, { cookie: studentCookie })).status).toBe(200)
    const mails = (await t.db.select().from(outbox).where(eq(outbox.toAddress, student.email))).filter((e) => e.attachments.length > 0)
    const feed = await t.request('POST', '/api/calendar/feed', { cookie: studentCookie })
    const texts = [...mails.map((m) => m.attachments[0]?.content ?? ''), (await t.request('GET', new URL(feed.json.url).pathname)).text]
    expect(texts).toHaveLength(2)
    for (const text of texts) {
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component)
      expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([`mailto:${student.email}`])
    }
  })
})

describe('links in the e-mails these journeys wrote', () => {
  it('each opens a page of the web app that its recipient’s roles may open', async () => {
    // Loaded once the server (and its zod extensions) is: the web routes import the same contracts.
    const { webRouteFor } = await import('#tests/setup/web-routes.ts')
    const mails = await t.db.select().from(outbox)
    const rolesOf = new Map<string, string[]>()
    for (const row of await t.db
      .select({ email: people.email, role: personRoles.role })
      .from(people)
      .innerJoin(personRoles, eq(personRoles.personId, people.id))) {
      rolesOf.set(row.email, [...(rolesOf.get(row.email) ?? []), row.role])
    }
    // Links to the app itself; a mentor's video link is someone else's page.
    const links = mails
      .flatMap((mail) => [...mail.textBody.matchAll(/https?:\/\/\S+/g)].map((m) => ({ to: mail.toAddress, kind: mail.kind, url: new URL(m[0]) })))
      .filter((l) => l.url.origin === TEST_ORIGIN)
    expect(new Set(links.map((l) => l.kind)).size).toBeGreaterThanOrEqual(3)
    const problems = links.flatMap(({ to, kind, url }) => {
      const route = webRouteFor(`${url.pathname}${url.search}`)
      if (!route) return [`${kind} to ${to}: ${url.pathname} is no page`]
      if (route.roles && !route.roles.some((role) => rolesOf.get(to)?.includes(role)))
        return [`${kind} to ${to}: ${route.pattern} is for ${route.roles.join(', ')}`]
      return []
    })
    expect(problems).toEqual([])
  })
})
