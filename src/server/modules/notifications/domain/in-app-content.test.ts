import { describe, expect, it } from 'vitest'
import { anonymousAskerDigestEmail, newAnswerEmail } from '../../community/community-emails.ts'
import { letterRequestedEmail } from '../../letters/letters-emails.ts'
import { requestAnsweredEmail } from '../../mentorships/mentorships-emails.ts'
import { firstSentence, inAppContentOf, pagePathOf, summaryOf } from './in-app-content.ts'

const ORIGIN = 'https://preceptor.example.edu'

describe('the page an in-app notification opens', () => {
  it.each([
    [`${ORIGIN}/mentorships/abc`, '/mentorships/abc'],
    [`${ORIGIN}/mentorships?request=abc`, '/mentorships?request=abc'],
    [`${ORIGIN}/records#records-your-requests`, '/records#records-your-requests'],
    [`${ORIGIN}/?agreement=1`, '/?agreement=1'],
    [`${ORIGIN}/auth/magic?token=secret`, null],
    [`${ORIGIN}/letters/upload/secret`, null],
    [`${ORIGIN}/api/calendar/secret.ics`, null],
    [`${ORIGIN}/letters/1?token=secret`, null],
    ['https://zoom.example.com/j/123', null],
    ['not a link', null],
  ])('%s → %s', (url, path) => {
    expect(pagePathOf(url, ORIGIN)).toBe(path)
  })

  it('takes the first page link of the text, skipping outside links and token links', () => {
    const text = `Hello Ana,\n\nJoin at https://zoom.example.com/j/1 or upload at ${ORIGIN}/letters/upload/tok.\n\n${ORIGIN}/events/42\n`
    expect(inAppContentOf({ subject: 'S', text }, ORIGIN).link).toBe('/events/42')
  })

  it('an explicit link wins, as a path or a full link; null means none', () => {
    const text = `Hello,\n\nSee ${ORIGIN}/community\n`
    expect(inAppContentOf({ subject: 'S', text, link: '/letters/7' }, ORIGIN).link).toBe('/letters/7')
    expect(inAppContentOf({ subject: 'S', text, link: `${ORIGIN}/letters/8` }, ORIGIN).link).toBe('/letters/8')
    expect(inAppContentOf({ subject: 'S', text, link: null }, ORIGIN).link).toBeNull()
  })
})

describe('the one-line summary', () => {
  it('is the first sentence after the greeting, on one line, without links', () => {
    expect(summaryOf('Hello Ana,\n\nDr. Lee accepted.\nSet goals here:\n\nhttps://x.test/m\n')).toBe('Dr. Lee accepted.')
  })

  it('does not end a sentence at a title', () => {
    expect(firstSentence('Dr. Lee and Prof. Kim accepted. Book a time.')).toBe('Dr. Lee and Prof. Kim accepted.')
    expect(firstSentence('No full stop here')).toBe('No full stop here')
  })

  it('is cut at a word with an ellipsis when long', () => {
    const summary = summaryOf(`Hello,\n\n${'word '.repeat(100)}`)
    expect(summary.length).toBeLessThanOrEqual(200)
    expect(summary.endsWith('word…')).toBe(true)
  })

  it('keeps a first paragraph that is not a greeting', () => {
    expect(summaryOf('Your letter was delivered.\n\nThanks.')).toBe('Your letter was delivered.')
  })
})

describe('says no more than the e-mail', () => {
  it('an anonymous answer stays anonymous and the anonymous asker’s digest names no question', () => {
    const answer = newAnswerEmail({ email: 'a@x.edu', name: 'Ana', why: 'follower' }, { title: 'Burnout in M3' }, null, `${ORIGIN}/community/questions/q1`)
    const inApp = inAppContentOf(answer, ORIGIN)
    expect(inApp.summary).toBe('A student, anonymously, answered a question you follow: "Burnout in M3".')
    expect(inApp.link).toBe('/community/questions/q1')
    const digest = inAppContentOf(anonymousAskerDigestEmail({ email: 'a@x.edu', name: 'Ana' }, 2, `${ORIGIN}/community`), ORIGIN)
    expect(digest.link).toBe('/community')
    expect(`${digest.title} ${digest.summary}`).not.toMatch(/questions\/|Burnout/)
  })

  it('a writer’s upload link (a credential) never becomes the in-app link', () => {
    const about = {
      studentName: 'Ana Diaz',
      writerName: 'Dr. Lee',
      letterType: 'standard',
      purposeText: 'internal medicine residency',
      dueDate: '2026-11-01',
    } as unknown as Parameters<typeof letterRequestedEmail>[1]
    const email = letterRequestedEmail('lee@x.edu', about, `${ORIGIN}/letters/upload/secret-token`, { expiresAt: new Date('2026-11-10T00:00:00Z') })
    const inApp = inAppContentOf(email, ORIGIN)
    expect(inApp.link).toBeNull()
    expect(JSON.stringify(inApp)).not.toContain('secret-token')
  })

  it('every word of the in-app copy is in the e-mail (a decline with its reason)', () => {
    const email = requestAnsweredEmail('a@x.edu', 'Ana', 'Dr. Lee', false, 'at-capacity', 'Try Dr. Kim.', `${ORIGIN}/mentors`)
    const inApp = inAppContentOf(email, ORIGIN)
    expect(email.subject).toContain(inApp.title)
    for (const word of inApp.summary.split(' ')) expect(email.text).toContain(word)
  })
})
