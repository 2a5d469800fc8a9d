import type { Database, Tx } from '#server/db/client.ts'
import type { EventSlotsView, SlotRunInput } from '#shared/contracts/event-slots.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listPeopleByIds, mapClockPreferencesByIds } from '../identity/people-reads.ts'
import { formatForEmail, meetingInvite, toLocal, type CalendarMeeting } from '../mentorships/calendar-invites.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { isRsvpOpen } from './domain/seats.ts'
import { findOverlap, generateSlotTimes, isWithinEvent } from './domain/slot-times.ts'
import { organizerOf, whereText } from './event-place.ts'
import type { EventsService } from './events.service.ts'
import { canManageEvents } from './events.policy.ts'
import type { EventRow, EventsRepository } from './events.repository.ts'
import { slotInviteEmail, type SlotInviteChange } from './slots-emails.ts'
import type { SlotBookingRow, SlotRow, SlotsRepository } from './slots.repository.ts'

export type EventSlotsDeps = {
  db: Database
  repo: EventsRepository
  slotsRepo: SlotsRepository
  events: EventsService
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  appOrigin: string
}

const NOT_VISIBLE = 'No such event, or it is not open to you.'
const NO_SLOT = 'No such slot at this event.'

/**
 * Sessions with time slots: staff split an event into slots (a headshot every ten minutes, a
 * residency information session by program); a student of the audience books one slot per
 * event and may give it up until the event's cut-off. Every change locks the event's row
 * first (`lockEvent`, as RSVPs do), so two students asking for the last slot take turns and
 * one of them is told it was just taken. A booked slot comes with its own calendar invite
 * (one UID per student per event, its SEQUENCE raised by every invite or cancel, so moving to
 * another slot replaces the entry).
 */
export function createEventSlotsService(deps: EventSlotsDeps) {
  const { db, repo, slotsRepo, events, clock, audit, notifications, appOrigin } = deps
  const uidHost = new URL(appOrigin).hostname || 'preceptor'
  const eventLink = (id: string) => `${appOrigin}/events/${id}`
  const clockTime = (at: Date, zone: string) => toLocal(at, zone).time

  function calendarOf(
    event: EventRow,
    slot: SlotRow,
    booking: SlotBookingRow,
    attendee: { name: string; email: string },
    sequence: number,
    cancelled: boolean,
  ) {
    return async (tx: Tx | Database): Promise<CalendarMeeting> => ({
      uid: `event-slot-${booking.id}@${uidHost}`,
      sequence,
      startAt: slot.startAt,
      endAt: slot.endAt,
      title: slot.label ? `${event.title}: ${slot.label}` : event.title,
      description: [event.description, eventLink(event.id)].filter(Boolean).join('\n\n'),
      locationKind: event.onlineLink && !event.room && !event.site ? 'video' : 'in-person',
      locationDetail: whereText(event).replace('\n', ' '),
      organizer: await organizerOf(event, uidHost, tx),
      attendee,
      stampedAt: clock.now(),
      cancelled: cancelled || event.status === 'cancelled',
    })
  }

  /** The student's invite or cancel for their slot, in the transaction of the change. */
  async function sendSlotInvite(event: EventRow, slot: SlotRow, booking: SlotBookingRow, change: SlotInviteChange, tx: Tx) {
    const [student] = await listPeopleByIds(tx, [booking.studentId])
    if (!student) return
    const sequence = await slotsRepo.nextCalendarSequence(booking.id, tx)
    const calendar = await calendarOf(event, slot, booking, { name: student.name, email: student.email }, sequence, change === 'cancelled')(tx)
    const readsTimes = (await mapClockPreferencesByIds(tx, [student.id])).get(student.id)
    const when = formatForEmail(slot.startAt, event.timeZone, readsTimes?.hourCycle ?? null)
    await notifications.enqueue(
      slotInviteEmail(student.email, student.name, event.title, slot.label, change, when, whereText(event), meetingInvite(calendar), eventLink(event.id)),
      tx,
    )
  }

  async function lockOpenEvent(id: string, tx: Tx, closedMessage: string): Promise<EventRow> {
    const event = await repo.lockEvent(id, tx)
    if (!event) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    if (!isRsvpOpen(event, clock.now())) throw new AppError('CONFLICT', event.status === 'cancelled' ? 'This event is cancelled.' : closedMessage)
    return event
  }

  async function slotOf(eventId: string, slotId: string, tx: Tx | Database): Promise<SlotRow> {
    const slot = await slotsRepo.findSlot(slotId, tx)
    if (!slot || slot.eventId !== eventId) throw new AppError('NOT_FOUND', NO_SLOT)
    return slot
  }

  async function listSlots(actor: Actor, eventId: string): Promise<EventSlotsView> {
    // The event's own rule decides who sees it (404 otherwise); its RSVP window is the slots' too.
    const event = await events.getEvent(actor, eventId)
    const [slots, bookings] = await Promise.all([slotsRepo.listSlots(eventId), slotsRepo.listActiveBookings([eventId])])
    const bySlot = new Map(bookings.map((b) => [b.slotId, b]))
    const staff = canManageEvents(actor)
    const people = staff
      ? new Map(
          (
            await listPeopleByIds(
              db,
              bookings.map((b) => b.studentId),
            )
          ).map((p) => [p.id, p]),
        )
      : new Map()
    return {
      eventId,
      timeZone: event.timeZone,
      bookingOpen: event.rsvpOpen,
      slots: slots.map((s) => {
        const booking = bySlot.get(s.id)
        const person = booking ? people.get(booking.studentId) : undefined
        return {
          id: s.id,
          startAt: s.startAt.toISOString(),
          endAt: s.endAt.toISOString(),
          label: s.label,
          booked: booking !== undefined,
          mine: booking?.studentId === actor.personId,
          bookedBy: staff && booking ? { studentId: booking.studentId, name: person?.name ?? 'Former student', email: person?.email ?? '' } : null,
        }
      }),
    }
  }

  return {
    listSlots,

    /**
     * Adds a run of back-to-back slots. Refused by field: no slot fits (`lengthMinutes`), a
     * slot outside the event or overlapping one already there (`startAt`).
     */
    async addSlots(actor: Actor, eventId: string, input: SlotRunInput, meta: RequestMeta): Promise<EventSlotsView> {
      await db.transaction(async (tx) => {
        const event = await repo.lockEvent(eventId, tx)
        if (!event) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        if (event.status === 'cancelled') throw new AppError('CONFLICT', 'This event is cancelled and can no longer be changed.')
        const zone = event.timeZone
        const span = `${clockTime(event.startAt, zone)} to ${clockTime(event.endAt, zone)}`
        const startAt = new Date(input.startAt)
        const times = generateSlotTimes(startAt, input.lengthMinutes, input.count, event.endAt)
        if (times.length === 0)
          throw new AppError('VALIDATION_FAILED', 'No slot of this length fits before the event ends.', {
            lengthMinutes: `No ${input.lengthMinutes}-minute slot fits between this start and the event's end (${clockTime(event.endAt, zone)}).`,
          })
        if (!isWithinEvent(times, event))
          throw new AppError('VALIDATION_FAILED', 'Slots must lie within the event.', {
            startAt: `Slots must lie within the event, ${span} (${zone.replace(/_/g, ' ')} time): start later, or make fewer or shorter slots.`,
          })
        const clash = findOverlap(times, await slotsRepo.listSlots(eventId, tx))
        if (clash) {
          const existing = clash.existing
          const name = existing.label ? ` (${existing.label})` : ''
          throw new AppError('VALIDATION_FAILED', 'A slot overlaps another of this event.', {
            startAt: `The slot ${clockTime(clash.added.startAt, zone)}–${clockTime(clash.added.endAt, zone)} overlaps the slot ${clockTime(existing.startAt, zone)}–${clockTime(existing.endAt, zone)}${name} already on this event.`,
          })
        }
        await slotsRepo.insertSlots(
          eventId,
          times.map((t) => ({ ...t, label: input.label })),
          clock.now(),
          tx,
        )
        await audit.record({ actorId: actor.personId, action: 'event.slots.add', objectType: 'event', objectId: eventId }, meta, tx)
      })
      return listSlots(actor, eventId)
    },

    /** Removes a slot no one holds; a booked slot stays until its student gives it up. */
    async removeSlot(actor: Actor, eventId: string, slotId: string, meta: RequestMeta): Promise<EventSlotsView> {
      await db.transaction(async (tx) => {
        const event = await repo.lockEvent(eventId, tx)
        if (!event) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        const slot = await slotOf(eventId, slotId, tx)
        if ((await slotsRepo.listActiveBookings([eventId], tx)).some((b) => b.slotId === slot.id))
          throw new AppError('CONFLICT', 'A student has booked this slot; it can be removed once they give it up.')
        await slotsRepo.deleteSlot(slot.id, tx)
        await audit.record({ actorId: actor.personId, action: 'event.slots.remove', objectType: 'event', objectId: eventId }, meta, tx)
      })
      return listSlots(actor, eventId)
    },

    /** Books a free slot for the student: one per student per event; a slot taken meanwhile is a 409. */
    async bookSlot(actor: Actor, eventId: string, slotId: string): Promise<EventSlotsView> {
      await events.getEvent(actor, eventId)
      await db.transaction(async (tx) => {
        const event = await lockOpenEvent(eventId, tx, 'Booking for this event has closed.')
        const slot = await slotOf(eventId, slotId, tx)
        const mine = await slotsRepo.findBooking(eventId, actor.personId, tx)
        if (mine?.status === 'booked') {
          if (mine.slotId === slot.id) return
          throw new AppError('CONFLICT', 'You already have a slot at this event: give it up first to choose another.')
        }
        if ((await slotsRepo.listActiveBookings([eventId], tx)).some((b) => b.slotId === slot.id))
          throw new AppError('CONFLICT', 'Someone has just booked this slot. Choose another.')
        const booking = await slotsRepo.saveBooking(eventId, slot.id, actor.personId, clock.now(), tx)
        await sendSlotInvite(event, slot, booking, 'booked', tx)
      })
      return listSlots(actor, eventId)
    },

    /**
     * When the office cancels an event (the events service calls this in its cancel's
     * transaction), each student holding one of its slots gets a CANCEL for it: the slot has its
     * own invite, apart from any RSVP's. The booking stays, so the records show what was held.
     */
    async sendCancelsForCancelledEvent(event: EventRow, tx: Tx): Promise<void> {
      const bookings = await slotsRepo.listActiveBookings([event.id], tx)
      if (bookings.length === 0) return
      const slots = new Map((await slotsRepo.listSlots(event.id, tx)).map((slot) => [slot.id, slot]))
      for (const booking of bookings) {
        const slot = slots.get(booking.slotId)
        if (slot) await sendSlotInvite(event, slot, booking, 'event-cancelled', tx)
      }
    },

    /** Gives up the student's slot until the cut-off; their calendar gets a CANCEL. */
    async cancelSlot(actor: Actor, eventId: string): Promise<EventSlotsView> {
      await events.getEvent(actor, eventId)
      await db.transaction(async (tx) => {
        const event = await lockOpenEvent(eventId, tx, 'Booking for this event has closed; tell the host if you cannot come.')
        const mine = await slotsRepo.findBooking(eventId, actor.personId, tx)
        if (mine?.status !== 'booked') return
        const slot = await slotOf(eventId, mine.slotId, tx)
        const given = await slotsRepo.cancelBooking(mine.id, clock.now(), tx)
        await sendSlotInvite(event, slot, given, 'cancelled', tx)
      })
      return listSlots(actor, eventId)
    },

    /** The slots a student holds, as their calendar feed shows them (a cancelled event stays, marked cancelled). */
    async calendarEntriesFor(person: { id: string; name: string; email: string }): Promise<CalendarMeeting[]> {
      const rows = (await slotsRepo.listBookingsOfStudent(person.id)).filter((r) => r.booking.status === 'booked')
      return Promise.all(rows.map(({ booking, slot, event }) => calendarOf(event, slot, booking, person, booking.calendarSequence, false)(db)))
    },

    /** A student's slot bookings, for their records export. */
    async listSlotBookingsOfStudent(studentId: string) {
      return (await slotsRepo.listBookingsOfStudent(studentId)).map(({ booking, slot, event }) => ({
        event: event.title,
        slotStartsAt: slot.startAt.toISOString(),
        slotLabel: slot.label,
        status: booking.status,
        bookedAt: booking.bookedAt.toISOString(),
      }))
    },
  }
}

export type EventSlotsService = ReturnType<typeof createEventSlotsService>
