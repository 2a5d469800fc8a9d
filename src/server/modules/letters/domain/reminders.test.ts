import { describe, expect, it } from 'vitest'
import { fixedClock } from '#server/clock.ts'
import type { LetterReminderKind, LetterStatus } from '#shared/enums.ts'
import { reminderDue } from './reminders.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
// Due 2026-11-30: "due in N days" counts to the start of that day; overdue begins at its end.
const dueStart = Date.parse('2026-11-30T00:00:00Z')
const request = (status: LetterStatus = 'accepted', createdAt = new Date('2026-09-01T00:00:00Z')) => ({ status, dueDate: '2026-11-30', createdAt })
const at = (msBeforeDue: number) => new Date(dueStart - msBeforeDue)

describe('reminderDue', () => {
  it.each([
    ['20 days before', at(20 * MS_PER_DAY), [], null],
    ['just over 14 days before', at(14 * MS_PER_DAY + 1), [], null],
    ['exactly 14 days before', at(14 * MS_PER_DAY), [], 'due-in-14-days'],
    ['10 days before', at(10 * MS_PER_DAY), [], 'due-in-14-days'],
    ['10 days before, 14-day sent', at(10 * MS_PER_DAY), ['due-in-14-days'], null],
    ['7 days before, 14-day sent', at(7 * MS_PER_DAY), ['due-in-14-days'], 'due-in-7-days'],
    ['5 days before, nothing sent: only the most urgent', at(5 * MS_PER_DAY), [], 'due-in-7-days'],
    ['2 days before', at(2 * MS_PER_DAY), ['due-in-14-days', 'due-in-7-days'], 'due-in-2-days'],
    ['1 hour before', at(MS_PER_HOUR), ['due-in-2-days'], null],
    ['on the due date itself', at(-23 * MS_PER_HOUR), ['due-in-2-days'], null],
    ['once the due date has ended', at(-MS_PER_DAY), ['due-in-2-days'], 'overdue'],
    ['a week overdue, overdue sent', at(-7 * MS_PER_DAY), ['overdue'], null],
    ['a week overdue, never reminded', at(-7 * MS_PER_DAY), [], 'overdue'],
  ] as const)('%s → %s', (_label, now, sent, expected) => {
    expect(reminderDue(request(), now, new Set<LetterReminderKind>(sent))).toBe(expected)
  })

  it.each(['submitted', 'delivered', 'declined', 'withdrawn'] as const)('never for a %s request', (status) => {
    expect(reminderDue(request(status), at(-MS_PER_DAY), new Set())).toBeNull()
  })

  it('reminds a writer who has not answered yet', () => {
    expect(reminderDue(request('requested'), at(MS_PER_DAY), new Set())).toBe('due-in-2-days')
  })

  it('waits a day after the request before any reminder', () => {
    const created = at(10 * MS_PER_DAY)
    expect(reminderDue(request('requested', created), new Date(created.getTime() + MS_PER_HOUR), new Set())).toBeNull()
    expect(reminderDue(request('requested', created), new Date(created.getTime() + MS_PER_DAY), new Set())).toBe('due-in-14-days')
  })

  it('a writer followed day by day gets each reminder exactly once, in order (fake clock)', () => {
    const clock = fixedClock(new Date('2026-11-01T09:00:00Z'))
    const sent = new Set<LetterReminderKind>()
    const log: string[] = []
    while (clock.now().getTime() < Date.parse('2026-12-10T00:00:00Z')) {
      const kind = reminderDue(request(), clock.now(), sent)
      if (kind) {
        sent.add(kind)
        log.push(`${clock.now().toISOString().slice(0, 10)} ${kind}`)
      }
      clock.advance(10 * 60_000)
    }
    expect(log).toEqual(['2026-11-16 due-in-14-days', '2026-11-23 due-in-7-days', '2026-11-28 due-in-2-days', '2026-12-01 overdue'])
  })
})
