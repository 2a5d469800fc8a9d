import { describe, expect, it } from 'vitest'
import { dueDateWarning, dueEnd, isLate, nextNudgeAt, seasonOf, uploadLinkExpiresAt, writerLoad } from './letter-dates.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'

const now = new Date('2026-10-05T14:00:00Z')

describe('letter dates', () => {
  it('a letter is due by the end of its due date (UTC)', () => {
    expect(dueEnd('2026-10-05').toISOString()).toBe('2026-10-06T00:00:00.000Z')
  })

  it.each([
    ['2026-11-02', null],
    ['2026-11-01', 'in 27 days'],
    ['2026-10-06', 'tomorrow'],
    ['2026-10-05', 'today'],
  ])('due %s: warning %s', (due, words) => {
    const warning = dueDateWarning(due, now)
    if (words === null) expect(warning).toBeNull()
    else expect(warning).toContain(words)
  })

  it.each([
    ['accepted', '2026-10-04', true],
    ['accepted', '2026-10-05', false],
    ['requested', '2026-09-01', true],
    ['submitted', '2026-09-01', false],
    ['withdrawn', '2026-09-01', false],
  ] as const)('%s due %s: late %s', (status, due, late) => {
    expect(isLate(status, due, now)).toBe(late)
  })

  it('one nudge per 72 hours', () => {
    const longAgo = new Date('2026-09-01T00:00:00Z')
    expect(nextNudgeAt(longAgo, null, now)).toBeNull()
    expect(nextNudgeAt(longAgo, new Date(now.getTime() - 71 * MS_PER_HOUR), now)?.toISOString()).toBe('2026-10-05T15:00:00.000Z')
    expect(nextNudgeAt(longAgo, new Date(now.getTime() - 72 * MS_PER_HOUR), now)).toBeNull()
  })

  it('the first nudge waits a week after the request was sent', () => {
    expect(nextNudgeAt(now, null, now)?.toISOString()).toBe('2026-10-12T14:00:00.000Z')
    expect(nextNudgeAt(new Date(now.getTime() - 7 * MS_PER_DAY + 1), null, now)).not.toBeNull()
    expect(nextNudgeAt(new Date(now.getTime() - 7 * MS_PER_DAY), null, now)).toBeNull()
  })

  it.each([
    ['a letter due in nine months: a week after the due date', '2027-07-05', '2027-07-13T00:00:00.000Z'],
    ['a letter due in three days: still 14 days', '2026-10-08', '2026-10-19T14:00:00.000Z'],
    ['a letter due in two years: one year at most', '2028-10-05', '2027-10-05T14:00:00.000Z'],
  ])('an upload link for %s', (_, due, expires) => {
    expect(uploadLinkExpiresAt(due, now).toISOString()).toBe(expires)
  })

  it('the writer’s load counts what the lists hold: this season and later ones, not declined or withdrawn', () => {
    const load = writerLoad(
      [
        { status: 'requested', dueDate: '2027-09-15' },
        { status: 'in-progress', dueDate: '2027-08-01' },
        { status: 'submitted', dueDate: '2026-11-01' },
        { status: 'declined', dueDate: '2027-09-15' },
        { status: 'submitted', dueDate: '2025-11-01' },
      ],
      now,
    )
    expect(load).toEqual({ season: '2026–2027 to 2027–2028', total: 3, open: 2, submitted: 1 })
    expect(writerLoad([{ status: 'accepted', dueDate: '2027-09-15' }], now).season).toBe('2027–2028')
    expect(writerLoad([], now)).toEqual({ season: '2026–2027', total: 0, open: 0, submitted: 0 })
  })

  it.each([
    ['2026-10-05T00:00:00Z', '2026–2027', '2026-07-01', '2027-06-30'],
    ['2027-03-20T00:00:00Z', '2026–2027', '2026-07-01', '2027-06-30'],
    ['2026-07-01T00:00:00Z', '2026–2027', '2026-07-01', '2027-06-30'],
    ['2026-06-30T23:59:59Z', '2025–2026', '2025-07-01', '2026-06-30'],
  ])('%s is in season %s', (at, name, start, end) => {
    expect(seasonOf(new Date(at))).toEqual({ name, start, end })
  })
})
