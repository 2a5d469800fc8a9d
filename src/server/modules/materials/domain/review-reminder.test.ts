import { describe, expect, it } from 'vitest'
import { reviewReminderWindow } from './review-reminder.ts'

describe('reviewReminderWindow', () => {
  it('covers today and tomorrow (UTC), for requests shared over a day ago', () => {
    expect(reviewReminderWindow(new Date('2026-10-19T23:30:00Z'))).toEqual({
      fromDate: '2026-10-19',
      toDate: '2026-10-20',
      sharedBefore: new Date('2026-10-18T23:30:00Z'),
    })
    expect(reviewReminderWindow(new Date('2026-12-31T08:00:00Z')).toDate).toBe('2027-01-01')
  })
})
