import { describe, expect, it } from 'vitest'
import { deadlineReminder } from './deadline-reminder.ts'

describe('the deadline reminder of a saved opportunity', () => {
  const now = new Date('2026-12-06T20:00:00Z') // 3 PM in New York
  const zone = 'America/New_York'

  it('counts calendar days where the viewer is, not 24-hour periods', () => {
    // 5 PM New York three days on: "in 3 days" though it is 2 days and 2 hours away.
    expect(deadlineReminder('2026-12-09T22:00:00Z', true, now, zone)).toEqual({ text: 'Closes in 3 days', soon: true })
    expect(deadlineReminder('2026-12-20T22:00:00Z', true, now, zone)).toEqual({ text: 'Closes in 14 days', soon: false })
  })

  it('says today and tomorrow with the time', () => {
    expect(deadlineReminder('2026-12-06T22:00:00Z', true, now, zone).text).toMatch(/^Closes today at 5:00/)
    // 11 PM New York is still today there, though tomorrow in UTC.
    expect(deadlineReminder('2026-12-07T04:00:00Z', true, now, zone).text).toMatch(/^Closes today at 11:00/)
    expect(deadlineReminder('2026-12-07T22:00:00Z', true, now, zone)).toMatchObject({ soon: true })
    expect(deadlineReminder('2026-12-07T22:00:00Z', true, now, zone).text).toMatch(/^Closes tomorrow at 5:00/)
  })

  it('says when there is no deadline, and when applications have closed', () => {
    expect(deadlineReminder(null, true, now, zone).text).toBe('No deadline: open until the places are filled')
    expect(deadlineReminder('2026-12-01T22:00:00Z', false, now, zone)).toEqual({ text: 'Applications have closed', soon: false })
  })
})
