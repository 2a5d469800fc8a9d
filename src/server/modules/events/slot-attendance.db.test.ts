import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { people } from '#server/db/schema/index.ts'
import { MS_PER_HOUR, MS_PER_MINUTE } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * A booked time slot is a place at the door, as a confirmed RSVP is (`place-holders.ts`): the
 * student has a pass, is on the roster and found by name, is checked in by pass, QR link or
 * roster, and their check-in completes a linked milestone exactly as an RSVP attendee's does.
 * Sessions idle out after an hour and the clock moves, so each call signs in afresh.
 */

type Person = { id: string; name: string; email: string }
let t: TestApp
let advisor: Person
const START = new Date('2026-10-05T14:00:00Z')

beforeAll(async () => {
  t = await createTestApp({ now: START })
  advisor = await t.insertAccount(['advisor'], { name: 'Avery Door' })
  await t.db.update(people).set({ schoolWideRecords: true }).where(eq(people.id, advisor.id))
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function call(person: Person, method: string, path: string, body?: unknown) {
  const response = await t.request(method, path, { cookie: await t.sessionCookie(person.id), ...(body === undefined ? {} : { body }) })
  return response
}

describe('a booked time slot counts as a place at the door', () => {
  it('puts slot holders on the roster and in search, checks them in by QR link or roster, and counts it for the linked milestone', async () => {
    const [sam, tom, rita] = [
      await t.insertAccount(['student'], { name: 'Sam Slotholder', student: { classYear: 'M2', graduationYear: 2029 } }),
      await t.insertAccount(['student'], { name: 'Tom Noshow', student: { classYear: 'M2', graduationYear: 2029 } }),
      await t.insertAccount(['student'], { name: 'Rita Rsvp', student: { classYear: 'M2', graduationYear: 2029 } }),
    ]
    // Headshots in ten minutes for M2, an hour of 10-minute slots; a Year 2 milestone counts it.
    const start = new Date(START.getTime() + 10 * MS_PER_MINUTE)
    const created = await call(advisor, 'POST', '/api/events', {
      title: 'Professional headshots',
      kind: 'headshot-session',
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + MS_PER_HOUR).toISOString(),
      room: 'Atrium',
      host: 'Office of Student Affairs',
      classYears: ['M2'],
      rsvpClosesAt: start.toISOString(),
    })
    expect(created.status, created.text).toBe(201)
    const eventId = created.json.id as string
    const slots = (await call(advisor, 'POST', `/api/events/${eventId}/slots`, { startAt: start.toISOString(), lengthMinutes: 10 })).json.slots as {
      id: string
    }[]
    const milestone = await call(advisor, 'POST', '/api/curriculum/milestones', {
      title: 'Have a professional headshot taken',
      year: 'year-2',
      phase: 'prepare-for-residency',
      dueMonth: 6,
      required: true,
      why: '',
      links: [],
      eventIds: [eventId],
      rule: null,
    })
    expect(milestone.status, milestone.text).toBe(201)
    expect((await call(sam, 'POST', `/api/events/${eventId}/slots/${slots[0]?.id}/book`)).status).toBe(200)
    expect((await call(tom, 'POST', `/api/events/${eventId}/slots/${slots[1]?.id}/book`)).status).toBe(200)
    // Rita holds an RSVP instead: the two ways to a place are compared below.
    expect((await call(rita, 'POST', `/api/events/${eventId}/rsvp`)).status).toBe(200)

    // Sam has a pass, like anyone with a place.
    const pass = (await call(sam, 'GET', `/api/events/${eventId}/my-attendance`)).json.pass
    expect(pass?.checkInUrl).toContain(`/events/${eventId}/check-in?code=`)

    const roster = (await call(advisor, 'GET', `/api/events/${eventId}/attendance`)).json
    expect(roster.counts.places).toBe(3)
    expect(roster.roster.map((r: { name: string; hadPlace: boolean }) => [r.name, r.hadPlace])).toEqual([
      ['Rita Rsvp', true],
      ['Sam Slotholder', true],
      ['Tom Noshow', true],
    ])
    const found = await call(advisor, 'GET', `/api/events/${eventId}/walk-ins/search?q=slotholder`)
    expect(found.json.candidates).toEqual([expect.objectContaining({ studentId: sam.id, onRoster: true })])

    t.clock.advance(5 * MS_PER_MINUTE)
    const byQr = await call(advisor, 'POST', `/api/events/${eventId}/check-ins`, { code: pass.checkInUrl })
    expect(byQr.status, byQr.text).toBe(200)
    expect(byQr.json.entry).toMatchObject({ studentId: sam.id, hadPlace: true, state: 'checked-in', method: 'pass' })
    const byRoster = await call(advisor, 'POST', `/api/events/${eventId}/check-ins`, { studentId: rita.id })
    expect(byRoster.json.entry).toMatchObject({ studentId: rita.id, state: 'checked-in', method: 'roster' })
    // Someone with a slot is not a walk-in: adding them from search checks them in from the roster.
    const tomAdded = await call(advisor, 'POST', `/api/events/${eventId}/walk-ins`, { studentId: tom.id })
    expect(tomAdded.json.entry).toMatchObject({ studentId: tom.id, hadPlace: true, method: 'roster' })
    expect((await call(advisor, 'POST', `/api/events/${eventId}/check-ins/undo`, { studentId: tom.id })).status).toBe(200)

    // After the event: Sam (slot) and Rita (RSVP) attended alike; Tom held a slot and did not come.
    t.clock.advance(2 * MS_PER_HOUR)
    const after = (await call(advisor, 'GET', `/api/events/${eventId}/attendance`)).json
    expect(after.roster.map((r: { name: string; state: string }) => [r.name, r.state])).toEqual([
      ['Rita Rsvp', 'checked-in'],
      ['Sam Slotholder', 'checked-in'],
      ['Tom Noshow', 'no-show'],
    ])
    const done = async (s: Person) => {
      const timeline = (await call(s, 'GET', '/api/curriculum/timeline')).json
      const m = timeline.years.flatMap((y: { milestones: { id: string }[] }) => y.milestones).find((x: { id: string }) => x.id === milestone.json.id)
      return [m.status, m.doneBy]
    }
    expect(await done(sam)).toEqual(['done', 'event'])
    expect(await done(rita)).toEqual(['done', 'event'])
    expect((await done(tom))[0]).not.toBe('done')
    const figure = (await call(advisor, 'GET', '/api/curriculum/classes/year-2')).json.milestones[0]
    expect(figure).toMatchObject({ id: milestone.json.id, done: 2 })
    // And Sam, who attended by slot, may give feedback.
    expect((await call(sam, 'GET', `/api/events/${eventId}/my-attendance`)).json).toMatchObject({ attended: true, feedback: { open: true } })
  })
})
