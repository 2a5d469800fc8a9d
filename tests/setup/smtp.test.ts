import nodemailer from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSmtpServer, type TestSmtpServer } from './smtp.ts'

describe('startTestSmtpServer', () => {
  let smtp: TestSmtpServer
  beforeAll(async () => {
    smtp = await startTestSmtpServer()
  })
  afterAll(async () => {
    await smtp.close()
  })

  const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true })

  it('receives a message sent with nodemailer', async () => {
    const waiting = smtp.waitForMessage((message) => message.subject === 'Your advising appointment')
    await transport().sendMail({
      from: 'Student Affairs <osa@example.edu>',
      to: 'ada@example.edu',
      bcc: 'dean@example.edu',
      subject: 'Your advising appointment',
      text: 'Tuesday at 10:00 in room 4.12.\nBring your CV.',
    })
    const message = await waiting
    expect(message.to).toBe('ada@example.edu')
    expect(message.from).toContain('osa@example.edu')
    expect(message.envelopeTo).toEqual(['ada@example.edu', 'dean@example.edu'])
    expect(message.text).toBe('Tuesday at 10:00 in room 4.12.\nBring your CV.')
    expect(smtp.messages).toContain(message)
  })

  it('decodes non-ASCII subjects and bodies, and picks the text part of a multipart message', async () => {
    const subject = 'Résumé review — Zoë Ñúñez'
    const text = `${'Très bien. '.repeat(12)}\nÀ bientôt`
    await transport().sendMail({
      from: 'osa@example.edu',
      to: 'Zoë <zoe@example.edu>',
      subject,
      text,
      html: '<p>Très bien.</p>',
    })
    const message = await smtp.waitForMessage((m) => m.subject === subject)
    expect(message.to).toBe('Zoë <zoe@example.edu>')
    expect(message.text).toBe(text)
    expect(message.html).toBe('<p>Très bien.</p>')
  })

  it('rejects waitForMessage after the timeout, listing what did arrive', async () => {
    await expect(smtp.waitForMessage((m) => m.subject === 'never sent', 100)).rejects.toThrow(/no matching e-mail within 100 ms; received 2/)
  })
})
