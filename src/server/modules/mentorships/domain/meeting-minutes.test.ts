import { describe, expect, it } from 'vitest'
import { heldMinutes, meetingMinutes } from './meeting-minutes.ts'

const at = (time: string) => new Date(`2026-10-05T${time}:00Z`)

describe('meeting minutes', () => {
  it('rounds a meeting to whole minutes', () => {
    expect(meetingMinutes({ startAt: at('14:00'), endAt: at('14:45') })).toBe(45)
    expect(meetingMinutes({ startAt: at('14:00'), endAt: new Date(at('14:30').getTime() + 40_000) })).toBe(31)
  })

  it('counts only confirmed meetings that have ended', () => {
    const meetings = [
      { status: 'confirmed', startAt: at('09:00'), endAt: at('09:30') },
      { status: 'cancelled', startAt: at('10:00'), endAt: at('11:00') },
      { status: 'proposed', startAt: at('11:00'), endAt: at('11:20') },
      { status: 'confirmed', startAt: at('15:00'), endAt: at('16:00') },
    ]
    expect(heldMinutes(meetings, at('12:00'))).toBe(30)
    expect(heldMinutes(meetings, at('16:00'))).toBe(90)
  })
})
