import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '#shared/enums.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** The outbox, usable: searched by recipient and subject, each message's attachments listed (decision 030). */
let t: TestApp
let admin = ''
const CONFIDENTIAL = 'CONFIDENTIAL LETTER TEXT: an outstanding student'
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  admin = (await t.signedInAs(['admin'])).cookie
  const n = t.services.notifications
  await n.enqueue({
    to: 'maya.quintero@test.example.edu',
    subject: 'Your meeting is booked',
    text: 'See you.',
    kind: 'meeting.scheduled',
    attachments: [{ filename: 'meeting.ics', contentType: 'text/calendar; charset=utf-8', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
  })
  await n.enqueue({ to: 'omar@test.example.edu', subject: 'Maya’s letter request', text: '…', kind: 'letter.requested' })
  // A letter's e-mail never carries the letter today; were one to, the outbox must not serve it.
  await n.enqueue({
    to: 'maya.quintero@test.example.edu',
    subject: 'Your letter was delivered',
    text: '…',
    kind: 'letter.delivered',
    attachments: [{ filename: 'letter.pdf', contentType: 'application/pdf', content: CONFIDENTIAL }],
  })
  for (let i = 0; i < 4; i++) await n.enqueue({ to: `person${i}@test.example.edu`, subject: `Reminder 100%_${i}`, text: '…', kind: 'test.reminder' })
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const outbox = (query: string, cookie = admin) => t.request('GET', `/api/admin/outbox?${query}`, { cookie })

describe('searching the outbox', () => {
  it('finds words in the recipient’s address or the subject, in any case', async () => {
    const byRecipient = await outbox('q=MAYA.QUINTERO')
    expect(byRecipient.status).toBe(200)
    expect(byRecipient.json.items.map((m: { subject: string }) => m.subject).sort()).toEqual(['Your letter was delivered', 'Your meeting is booked'])
    const bySubject = await outbox(`q=${encodeURIComponent('maya’s letter')}`)
    expect(bySubject.json.items.map((m: { to: string }) => m.to)).toEqual(['omar@test.example.edu'])
    expect((await outbox('q=nobody-at-all')).json).toMatchObject({ items: [], total: 0 })
  })

  it('treats % and _ as letters, and pages the matches', async () => {
    expect((await outbox('q=100%25_')).json.total).toBe(4)
    expect((await outbox('q=100%25x')).json.total).toBe(0)
    const second = await outbox('q=reminder&page=2&pageSize=3')
    expect(second.json).toMatchObject({ total: 4, page: 2, pageSize: 3 })
    expect(second.json.items).toHaveLength(1)
  })

  it('lists each attachment with its name, type and size, the content of an invite to download', async () => {
    const [meeting] = (await outbox('q=meeting')).json.items
    expect(meeting.attachments).toEqual([
      { filename: 'meeting.ics', contentType: 'text/calendar; charset=utf-8', sizeBytes: 32, content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
    ])
  })

  it('names a letter e-mail’s file but never serves its content, even to an admin', async () => {
    const response = await outbox('q=letter%20was%20delivered')
    expect(response.json.items[0].attachments).toEqual([
      { filename: 'letter.pdf', contentType: 'application/pdf', sizeBytes: CONFIDENTIAL.length, content: null },
    ])
    expect(response.text).not.toContain('CONFIDENTIAL')
  })

  it('a student who waived access cannot reach the letter through the outbox (403, nothing of it in the answer)', async () => {
    const { cookie } = await t.signedInAs(['student'])
    for (const query of ['', 'q=letter', 'q=maya.quintero']) {
      const response = await outbox(query, cookie)
      expect(response.status).toBe(403)
      expect(response.text).not.toContain('CONFIDENTIAL')
      expect(response.text).not.toContain('letter.pdf')
    }
  })

  it.each<Role>(['mentor', 'advisor'])('the %s role may not search the outbox (403)', async (role) => {
    const { cookie } = await t.signedInAs([role])
    expect((await outbox('q=maya', cookie)).status).toBe(403)
  })

  it('refuses a search longer than 200 characters, naming the field', async () => {
    const response = await outbox(`q=${'x'.repeat(201)}`)
    expect(response.status).toBe(400)
    expect(response.json.error.fields.q).toBeTruthy()
  })
})
