import { describe, expect, it } from 'vitest'
import { expandAvailability, type WeeklySlot } from './availability.ts'
import { addDays, formatForEmail, fromLocal, isValidTimeZone, offsetMinutes, toLocal } from './time-zones.ts'

const NY = 'America/New_York'

describe('local times across daylight-saving changes', () => {
  it.each([
    // date, time, zone, UTC instant
    ['2026-07-07', '09:00', NY, '2026-07-07T13:00:00.000Z'],
    ['2026-01-06', '09:00', NY, '2026-01-06T14:00:00.000Z'],
    ['2026-03-07', '09:00', NY, '2026-03-07T14:00:00.000Z'], // the Saturday before clocks go forward
    ['2026-03-08', '09:00', NY, '2026-03-08T13:00:00.000Z'], // the day they do
    ['2026-10-31', '09:00', NY, '2026-10-31T13:00:00.000Z'],
    ['2026-11-01', '09:00', NY, '2026-11-01T14:00:00.000Z'], // clocks go back
    ['2026-11-01', '01:30', NY, '2026-11-01T05:30:00.000Z'], // happens twice: the first
    ['2026-03-29', '09:00', 'Europe/London', '2026-03-29T08:00:00.000Z'],
    ['2026-03-28', '09:00', 'Europe/London', '2026-03-28T09:00:00.000Z'],
    ['2026-04-05', '09:00', 'Australia/Sydney', '2026-04-04T23:00:00.000Z'], // southern autumn
    ['2026-04-04', '09:00', 'Australia/Sydney', '2026-04-03T22:00:00.000Z'],
    ['2026-07-07', '09:00', 'Asia/Kolkata', '2026-07-07T03:30:00.000Z'],
    ['2026-07-07', '09:00', 'UTC', '2026-07-07T09:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    expect(fromLocal(date, time, zone)?.toISOString()).toBe(iso)
    expect(toLocal(new Date(iso), zone)).toMatchObject({ date, time })
  })

  it('a local time skipped by the clocks going forward does not exist', () => {
    expect(fromLocal('2026-03-08', '02:30', NY)).toBeNull()
  })

  it('offsets', () => {
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), NY)).toBe(-240)
    expect(offsetMinutes(new Date('2026-01-01T12:00:00Z'), NY)).toBe(-300)
  })

  it('knows real zones only', () => {
    expect(isValidTimeZone(NY)).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
  })

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })
})

describe('weekly availability', () => {
  const tuesdayNine: WeeklySlot = { weekday: 2, startTime: '09:00', durationMinutes: 30, locationKind: 'video', locationDetail: 'https://video.example/room' }

  it('keeps 9:00 local across the November change: 13:00Z before, 14:00Z after', () => {
    const slots = expandAvailability([tuesdayNine], NY, new Set(), new Date('2026-10-26T00:00:00Z'), new Date('2026-11-11T00:00:00Z'))
    expect(slots.map((s) => s.startAt.toISOString())).toEqual(['2026-10-27T13:00:00.000Z', '2026-11-03T14:00:00.000Z', '2026-11-10T14:00:00.000Z'])
    expect(slots[0]?.endAt.toISOString()).toBe('2026-10-27T13:30:00.000Z')
  })

  it('keeps 9:00 local across the March change: 14:00Z before, 13:00Z after', () => {
    const slots = expandAvailability([tuesdayNine], NY, new Set(), new Date('2026-03-02T00:00:00Z'), new Date('2026-03-12T00:00:00Z'))
    expect(slots.map((s) => s.startAt.toISOString())).toEqual(['2026-03-03T14:00:00.000Z', '2026-03-10T13:00:00.000Z'])
  })

  it('skips exception dates, busy times, and a slot the clocks skip', () => {
    const sunday0230: WeeklySlot = { ...tuesdayNine, weekday: 7, startTime: '02:30' }
    const slots = expandAvailability(
      [tuesdayNine, sunday0230],
      NY,
      new Set(['2026-03-03']),
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-18T00:00:00Z'),
      [{ startAt: new Date('2026-03-10T13:15:00Z'), endAt: new Date('2026-03-10T14:00:00Z') }],
    )
    expect(slots.map((s) => s.startAt.toISOString())).toEqual(['2026-03-01T07:30:00.000Z', '2026-03-15T06:30:00.000Z', '2026-03-17T13:00:00.000Z'])
  })
})

describe('times in e-mails', () => {
  it('names the zone with its offset on that day, never an ambiguous abbreviation', () => {
    expect(formatForEmail(new Date('2026-11-03T14:00:00Z'), NY)).toBe('Tuesday, November 3, 2026 at 9:00 AM Eastern Time (New York, UTC−5)')
    expect(formatForEmail(new Date('2026-07-07T13:00:00Z'), NY)).toBe('Tuesday, July 7, 2026 at 9:00 AM Eastern Time (New York, UTC−4)')
    expect(formatForEmail(new Date('2026-07-07T08:00:00Z'), 'Europe/London')).toBe('Tuesday, July 7, 2026 at 9:00 AM Europe — London (UTC+1)')
    expect(formatForEmail(new Date('2026-07-07T03:30:00Z'), 'Asia/Kolkata')).toBe('Tuesday, July 7, 2026 at 9:00 AM Asia — Kolkata (UTC+5:30)')
    expect(formatForEmail(new Date('2026-07-07T09:00:00Z'), 'UTC')).toBe('Tuesday, July 7, 2026 at 9:00 AM UTC')
  })
})
