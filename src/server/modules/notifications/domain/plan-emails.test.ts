import { describe, expect, it } from 'vitest'
import { planEmails, type Recipient } from './plan-emails.ts'

const ORIGIN = 'https://preceptor.example.edu'
const email = (to: string, kind: string) => ({ to, kind, subject: `About ${kind}`, text: `Hello,\n\nSomething happened.\n\n${ORIGIN}/mentorships/1\n` })

describe('planning e-mails and in-app notifications', () => {
  const ana: Recipient = { personId: 'ana', optedOut: new Set(['meetings']) }
  const recipients = new Map([['ana@x.edu', ana]])

  it('a person who turned a group off gets the in-app notification and no e-mail of that group', () => {
    const plan = planEmails([email('Ana@X.edu', 'meeting.proposed'), email('ana@x.edu', 'mentorship.accepted')], recipients, ORIGIN)
    expect(plan.send.map((e) => e.kind)).toEqual(['mentorship.accepted'])
    expect(plan.inApp.map((n) => [n.personId, n.kind, n.link])).toEqual([
      ['ana', 'meeting.proposed', '/mentorships/1'],
      ['ana', 'mentorship.accepted', '/mentorships/1'],
    ])
  })

  it('an e-mail that is always sent goes out whatever the choices; a sign-in link never appears in the app', () => {
    const everything: Recipient = { personId: 'ana', optedOut: new Set(['mentorships', 'meetings', 'letters', 'community', 'reminders', 'other']) }
    const plan = planEmails([email('ana@x.edu', 'magic-link'), email('ana@x.edu', 'records.amendment-refused')], new Map([['ana@x.edu', everything]]), ORIGIN)
    expect(plan.send.map((e) => e.kind)).toEqual(['magic-link', 'records.amendment-refused'])
    expect(plan.inApp.map((n) => n.kind)).toEqual(['records.amendment-refused'])
  })

  it('an address that is no one’s (an outside writer) gets the e-mail only', () => {
    const plan = planEmails([email('outside@elsewhere.org', 'letter.requested')], recipients, ORIGIN)
    expect(plan.send).toHaveLength(1)
    expect(plan.inApp).toEqual([])
  })
})
