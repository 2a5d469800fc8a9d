import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '#server/clock.ts'
import { outbox } from '#server/db/schema/index.ts'
import { createTestDatabase } from '#tests/setup/test-database.ts'
import { startTestSmtpServer, type TestSmtpServer } from '#tests/setup/smtp.ts'
import type { DatabaseHandle } from '#server/db/client.ts'
import { createSmtpMailer, type Mailer } from './mailer.ts'
import { createNotificationsService, retryDelayMinutes } from './notifications.service.ts'

let smtp: TestSmtpServer
let database: DatabaseHandle
let mailer: Mailer

beforeAll(async () => {
  smtp = await startTestSmtpServer()
  database = await createTestDatabase()
  mailer = createSmtpMailer(`smtp://127.0.0.1:${smtp.port}?tls=off`, 'Preceptor <no-reply@preceptor.test>')
})
afterAll(async () => {
  mailer?.close()
  await smtp?.close()
  await database?.close()
})

describe('outbox delivery over a real SMTP server', () => {
  it('delivers each queued e-mail exactly once, even with two workers at it', async () => {
    const clock = fixedClock(new Date('2026-10-05T14:00:00Z'))
    const service = createNotificationsService(database.db, clock, mailer)
    for (let i = 0; i < 6; i++) {
      await service.enqueue({ to: `student${i}@test.example.edu`, subject: `Reminder ${i}`, text: `Body ${i}`, kind: 'test' })
    }
    const [a, b] = await Promise.all([service.deliverDue(), service.deliverDue()])
    expect((a ?? 0) + (b ?? 0)).toBe(6)
    await smtp.waitForMessage((m) => m.subject === 'Reminder 5', 5_000)
    const subjects = smtp.messages.map((m) => m.subject).filter((s) => s.startsWith('Reminder'))
    expect(subjects.sort()).toEqual(['Reminder 0', 'Reminder 1', 'Reminder 2', 'Reminder 3', 'Reminder 4', 'Reminder 5'])
    const rows = await database.db.select().from(outbox).where(eq(outbox.kind, 'test'))
    expect(rows.every((row) => row.status === 'sent' && row.sentAt !== null)).toBe(true)
    expect(await service.deliverDue()).toBe(0)
  })

  it('retries later when the server refuses, then gives the reason on the outbox', async () => {
    const clock = fixedClock(new Date('2026-10-05T15:00:00Z'))
    const broken = createSmtpMailer('smtp://127.0.0.1:1?tls=off', 'Preceptor <no-reply@preceptor.test>')
    const service = createNotificationsService(database.db, clock, broken)
    await service.enqueue({ to: 'x@test.example.edu', subject: 'Will fail', text: '…', kind: 'retry-test' })
    expect(await service.deliverDue()).toBe(0)
    const [row] = await database.db.select().from(outbox).where(eq(outbox.kind, 'retry-test'))
    expect(row?.status).toBe('pending')
    expect(row?.attempts).toBe(1)
    expect(row?.lastError).toBeTruthy()
    expect(row?.nextAttemptAt.getTime()).toBe(clock.now().getTime() + retryDelayMinutes(1) * 60_000)
    broken.close()
  })

  it('without SMTP, e-mail stays on the outbox page', async () => {
    const service = createNotificationsService(database.db, fixedClock(new Date()), null)
    await service.enqueue({ to: 'y@test.example.edu', subject: 'Kept', text: 'Read me in the app', kind: 'outbox-test' })
    const page = await service.listOutbox({ page: 1, pageSize: 50 })
    expect(page.items.find((m) => m.subject === 'Kept')?.status).toBe('outbox')
  })

  it('the outbox lists each attachment with its name, type, size in bytes and the content to download', async () => {
    const service = createNotificationsService(database.db, fixedClock(new Date()), null)
    const content = 'BEGIN:VCALENDAR\r\nX-NAME:Zoë\r\nEND:VCALENDAR\r\n'
    await service.enqueue({
      to: 'z@test.example.edu',
      subject: 'With invite',
      text: 'See the invite',
      kind: 'attachment-test',
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content }],
    })
    const page = await service.listOutbox({ page: 1, pageSize: 50 })
    expect(page.items.find((m) => m.subject === 'With invite')?.attachments).toEqual([
      { filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', sizeBytes: content.length + 1, content },
    ])
    expect(page.items.find((m) => m.subject === 'Kept')?.attachments).toEqual([])
  })
})
