import nodemailer from 'nodemailer'

export type OutgoingEmail = { to: string; subject: string; text: string; attachments?: { filename: string; contentType: string; content: string }[] }

/** Delivers one e-mail or throws; the outbox worker owns retries. */
export type Mailer = { send(email: OutgoingEmail): Promise<void>; close(): void }

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl)
  // A plain smtp:// URL to a server without TLS (a relay on the same host, a test server)
  // must not be upgraded; smtps:// and servers that offer STARTTLS still get TLS.
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    ignoreTLS: url.searchParams.get('tls') === 'off',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
  })
  return {
    async send(email) {
      await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.attachments && email.attachments.length > 0
          ? { attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) }
          : {}),
      })
    },
    close: () => transport.close(),
  }
}
