import { describe, expect, it } from 'vitest'
import { EventInput, eventInputProblems } from './events.ts'

const base = {
  startAt: '2026-12-20T15:00:00Z',
  endAt: '2026-12-20T16:00:00Z',
  rsvpClosesAt: '2026-12-19T15:00:00Z',
  room: 'Room 2.14',
  site: '',
  onlineLink: '',
}

describe('the rules between an event’s fields', () => {
  it.each([
    ['a sound event', {}, []],
    ['an end before the start', { endAt: '2026-12-20T14:00:00Z' }, ['endAt']],
    ['an end at the start', { endAt: base.startAt }, ['endAt']],
    ['RSVPs closing after the start', { rsvpClosesAt: '2026-12-20T15:01:00Z' }, ['rsvpClosesAt']],
    ['neither a place nor a link', { room: ' ' }, ['room']],
    ['online only', { room: '', onlineLink: 'https://zoom.us/j/1' }, []],
    ['times not yet typed', { startAt: '', endAt: '' }, []],
  ])('%s: %j', (_label, change, fields) => {
    expect(Object.keys(eventInputProblems({ ...base, ...change }))).toEqual(fields)
  })

  it('are reported by the contract at the field, beside other fields’ errors when all parse', () => {
    const result = EventInput.safeParse({ ...base, title: 'Mock interviews', kind: 'workshop', host: 'Office', endAt: '2026-12-20T14:00:00Z' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['endAt'])
  })
})
