import { describe, expect, it } from 'vitest'
import { appearsInApp, emailKindGroupOf, isAlwaysSent } from './email-kinds.ts'

describe('groups of e-mail kinds', () => {
  it.each([
    ['mentorship.request-received', 'mentorships'],
    ['mentorship.accepted', 'mentorships'],
    ['mentorship.message', 'mentorships'],
    ['meeting.proposed', 'meetings'],
    ['mock-interview.booked', 'meetings'],
    ['letter.submitted', 'letters'],
    ['community.answered', 'community'],
    ['community.anonymous-digest', 'community'],
    ['mentorship.request-reminder', 'reminders'],
    ['mentorship.stay-in-touch', 'reminders'],
    ['meeting.follow-up', 'reminders'],
    ['letter.nudge', 'reminders'],
    ['letter.reminder.due-in-7-days', 'reminders'],
    ['event.reminder', 'reminders'],
    ['advising.board-agreement-reminder', 'reminders'],
    ['event.changed', 'events-and-opportunities'],
    ['opportunity.accepted', 'events-and-opportunities'],
    ['rank-list.comment', 'other'],
    ['advising.board-assigned-student', 'other'],
    ['a-kind-nobody-named', 'other'],
    ['brand-new.area', 'other'],
  ])('%s → %s', (kind, group) => {
    expect(emailKindGroupOf(kind)).toBe(group)
  })

  it('sign-in links, resets, invitations, upload links, security notices and FERPA decisions cannot be turned off', () => {
    for (const kind of ['magic-link', 'password-reset', 'invite', 'letter.upload-link', 'security.new-sign-in', 'records.amendment-refused'])
      expect([kind, isAlwaysSent(kind), emailKindGroupOf(kind)]).toEqual([kind, true, null])
  })

  it('a reminder word inside another word does not make a reminder', () => {
    expect(emailKindGroupOf('mentorship.unreminderable')).toBe('mentorships')
  })

  it('only e-mails carrying a sign-in credential stay out of the app', () => {
    expect(['magic-link', 'password-reset', 'invite'].map(appearsInApp)).toEqual([false, false, false])
    expect(['letter.upload-link', 'mentorship.accepted', 'records.amendment-refused', 'new.kind'].map(appearsInApp)).toEqual([true, true, true, true])
  })
})
