import { describe, expect, it } from 'vitest'
import { canCancelBooking, slotPlacesLeft, slotProblems, slotsOverlap } from './shadowing-slots.ts'

const at = (iso: string) => new Date(iso)
const now = at('2027-03-01T12:00:00Z')
const day = (start: string, end: string) => ({ startAt: at(`2027-03-${start}Z`), endAt: at(`2027-03-${end}Z`) })
const describeSlot = (s: { startAt: Date }) => s.startAt.toISOString().slice(0, 16)

describe('shadowing slots', () => {
  it.each([
    ['the same hours', day('10T08:00', '10T12:00'), day('10T08:00', '10T12:00'), true],
    ['one inside the other', day('10T07:00', '10T17:00'), day('10T09:00', '10T10:00'), true],
    ['overlapping by an hour', day('10T08:00', '10T12:00'), day('10T11:00', '10T15:00'), true],
    ['touching ends', day('10T08:00', '10T12:00'), day('10T12:00', '10T16:00'), false],
    ['different days', day('10T08:00', '10T12:00'), day('11T08:00', '11T12:00'), false],
  ])('overlap: %s', (_label, a, b, overlap) => {
    expect(slotsOverlap(a, b)).toBe(overlap)
    expect(slotsOverlap(b, a)).toBe(overlap)
  })

  it.each([
    ['a good day', day('10T08:00', '10T16:00'), [], {}],
    ['an end before the start', day('10T16:00', '10T08:00'), [], { endAt: 'The end must be after the start.' }],
    ['an end equal to the start', day('10T08:00', '10T08:00'), [], { endAt: 'The end must be after the start.' }],
    [
      'a day already passed',
      { startAt: at('2027-02-28T08:00Z'), endAt: at('2027-02-28T16:00Z') },
      [],
      { startAt: 'This time has passed: choose a day in the future.' },
    ],
    [
      'a clash with another day',
      day('10T08:00', '10T16:00'),
      [day('09T08:00', '09T16:00'), day('10T13:00', '10T18:00')],
      { startAt: 'This overlaps the day of 2027-03-10T13:00: choose another time.' },
    ],
    ['next to another day', day('10T08:00', '10T13:00'), [day('10T13:00', '10T18:00')], {}],
  ])('problems: %s', (_label, slot, others, problems) => {
    expect(slotProblems(slot, others, now, describeSlot)).toEqual(problems)
  })

  it.each([
    [1, 0, 1],
    [1, 1, 0],
    [2, 3, 0],
  ])('%i places with %i booked leave %i', (places, booked, left) => {
    expect(slotPlacesLeft(places, booked)).toBe(left)
  })

  it.each([
    ['two days ahead', '2027-03-03T12:00:00Z', true],
    ['exactly 24 hours ahead', '2027-03-02T12:00:00Z', true],
    ['23 hours ahead', '2027-03-02T11:00:00Z', false],
    ['already begun', '2027-03-01T11:00:00Z', false],
  ])('cancel: %s', (_label, start, allowed) => {
    expect(canCancelBooking(at(start), now)).toBe(allowed)
  })
})
