import type { Database } from '#server/db/client.ts'
import type { EventsRepository } from './events.repository.ts'
import { createSlotsRepository } from './slots.repository.ts'

/**
 * Who holds a place at an event: a confirmed RSVP, or a booked time slot — an event split into
 * slots (headshots, a session per program) is booked by slot, not by RSVP. The roster, check-in
 * (by pass, QR code or name), the student's pass and attendance for the curriculum all ask here,
 * so a slot counts exactly as an RSVP does.
 */
export function createPlaceHolders(db: Database, repo: Pick<EventsRepository, 'listActiveRsvps' | 'findRsvp'>) {
  const slots = createSlotsRepository(db)
  return {
    /** Per event, its place holders: confirmed RSVPs in queue order, then slot holders in order of booking. */
    async mapPlaceHolders(eventIds: readonly string[]): Promise<Map<string, string[]>> {
      const holders = new Map<string, string[]>(eventIds.map((id) => [id, []]))
      if (eventIds.length === 0) return holders
      const [confirmed, booked] = await Promise.all([repo.listActiveRsvps(eventIds, 'confirmed'), slots.listActiveBookings(eventIds)])
      booked.sort((a, b) => a.bookedAt.getTime() - b.bookedAt.getTime())
      for (const { eventId, studentId } of [...confirmed, ...booked]) {
        const list = holders.get(eventId)
        if (list && !list.includes(studentId)) list.push(studentId)
      }
      return holders
    },

    async holdsPlace(eventId: string, studentId: string): Promise<boolean> {
      const [rsvp, booking] = await Promise.all([repo.findRsvp(eventId, studentId), slots.findBooking(eventId, studentId)])
      return rsvp?.status === 'confirmed' || booking?.status === 'booked'
    },
  }
}
