import type { Database, Tx } from '#server/db/client.ts'
import { listPeopleByIds } from '../identity/people-reads.ts'
import type { EventRow } from './events.repository.ts'

/** Where an event is, as e-mails and invites write it: the room and site, the link, or both. */
export function whereText(event: Pick<EventRow, 'room' | 'site' | 'onlineLink'>): string {
  const place = [event.room, event.site].filter(Boolean).join(', ')
  if (place && event.onlineLink) return `${place}, or online:\n${event.onlineLink}`
  return place || event.onlineLink
}

/** The organizer calendars show: the host by name, with the address of the staff member who created the event. */
export async function organizerOf(event: Pick<EventRow, 'host' | 'createdById'>, uidHost: string, tx: Tx | Database) {
  const [creator] = event.createdById ? await listPeopleByIds(tx, [event.createdById]) : []
  return { name: event.host, email: creator?.email ?? `events@${uidHost.includes('.') ? uidHost : 'preceptor.invalid'}` }
}
