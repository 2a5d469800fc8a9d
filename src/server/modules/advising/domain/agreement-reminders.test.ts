import { describe, expect, it } from 'vitest'
import { MS_PER_DAY } from '#shared/time.ts'
import { isAgreementReminderDue } from './agreement-reminders.ts'

const asked = new Date('2026-10-05T14:00:00Z')
const on = (days: number) => new Date(asked.getTime() + days * MS_PER_DAY)

describe('the one reminder of an agreement request', () => {
  it.each([
    ['not before a week', { agreedAt: null, remindedAt: null }, 6.99, false],
    ['a week on', { agreedAt: null, remindedAt: null }, 7, true],
    ['long after, still once', { agreedAt: null, remindedAt: on(7) }, 30, false],
    ['never once agreed', { agreedAt: on(2), remindedAt: null }, 10, false],
  ])('%s', (_, state, day, due) => {
    expect(isAgreementReminderDue({ assignedAt: asked, ...state }, on(day))).toBe(due)
  })
})
