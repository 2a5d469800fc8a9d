import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSmtpMailer } from '#server/modules/notifications/mailer.ts'
import { startTestSmtpServer, type TestSmtpServer } from '#tests/setup/smtp.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** A booked meeting's invite leaves over SMTP as a text/calendar attachment that calendars read. */

let smtp: TestSmtpServer
let t: TestApp

beforeAll(async () => {
  smtp = await startTestSmtpServer()
  t = await createTestApp({
    now: new Date('2026-10-19T12:00:00Z'),
    mailer: createSmtpMailer(`smtp://127.0.0.1:${smtp.port}?tls=off`, 'Preceptor <no-reply@preceptor.test>'),
  })
})
afterAll(async () => {
  await t?.close()
  await smtp?.close()
})

describe('invite delivery', () => {
  it('the outbox worker sends the invite as an attachment', async () => {
    const student = await t.signedInAs(['student'])
    const m = await t.insertAccount(['mentor'], { mentor: { capacity: 1, accepting: true } })
    const mentorCookie = await t.sessionCookie(m.id)
    const asked = await t.request('POST', '/api/mentorship-requests', {
      cookie: student.cookie,
      body: { mentorId: m.id, kind: 'ongoing', message: 'Hi', helpWanted: ['research'] },
    })
    const mentorshipId = (await t.request('POST', `/api/mentorship-requests/${asked.json.id}/accept`, { cookie: mentorCookie })).json.mentorshipId
    await t.request('PUT', '/api/availability/me', {
      cookie: mentorCookie,
      body: {
        timeZone: 'Europe/London',
        slots: [{ weekday: 4, startTime: '17:30', durationMinutes: 60, locationKind: 'in-person', locationDetail: 'Library café' }],
      },
    })
    const booked = await t.request('POST', `/api/mentorships/${mentorshipId}/meetings`, {
      cookie: student.cookie,
      body: { mode: 'book', startAt: '2026-10-22T16:30:00Z' },
    })
    expect(booked.status, booked.text).toBe(201)

    while ((await t.services.notifications.deliverDue()) > 0) {
      // until the outbox is empty
    }
    const message = await smtp.waitForMessage((msg) => msg.to === student.person.email && msg.subject.startsWith('Meeting with'), 5_000)
    expect(message.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    const ics = message.raw.match(/BEGIN:VCALENDAR[\s\S]*END:VCALENDAR/)?.[0] ?? decodeBase64Part(message.raw)
    const calendar = new ICAL.Component(ICAL.parse(ics))
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component)
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-22T16:30:00.000Z')
    expect(event.location).toBe('In person: Library café')
  })
})

/** The calendar part when the transport encoded it (base64). */
function decodeBase64Part(raw: string): string {
  const part = raw.split(/\r?\n--/).find((p) => /text\/calendar/i.test(p)) ?? ''
  const body = part
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n')
    .replace(/\s+/g, '')
  return Buffer.from(body, 'base64').toString('utf8')
}
