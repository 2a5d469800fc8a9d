import type { Database, Tx } from '#server/db/client.ts'
import type { MyShadowingBookingList, ShadowingBookingList, ShadowingSlotInput, ShadowingSlotList } from '#shared/contracts/shadowing.ts'
import type { ClassYear } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listPeopleByIds, mapClockPreferencesByIds } from '../identity/people-reads.ts'
import { formatForEmail, meetingInvite } from '../mentorships/calendar-invites.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { listStudentFactsByIds } from '../profiles/profile-reads.ts'
import { experienceKindFor, isForClassYear } from './domain/applications.ts'
import { canCancelBooking, slotPlacesLeft, slotProblems } from './domain/shadowing-slots.ts'
import { canSeeOpportunity, isPoster } from './opportunities.policy.ts'
import type { OpportunitiesRepository, OpportunityRow } from './opportunities.repository.ts'
import type { RequirementsService } from './requirements.service.ts'
import { type ShadowingChange, type ShadowingDayWords, shadowingInviteEmail, shadowingReminderEmail } from './shadowing-emails.ts'
import type { ShadowingBookingRow, ShadowingRepository, ShadowingSlotRow } from './shadowing.repository.ts'

export type ShadowingDeps = {
  db: Database
  repo: ShadowingRepository
  opportunitiesRepo: OpportunitiesRepository
  requirements: Pick<RequirementsService, 'refusalFor' | 'dayOf'>
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  appOrigin: string
  /** The zone the days are written in, in e-mails: the school's. */
  schoolTimeZone?: string
}

const NOT_VISIBLE = 'No such opportunity, or it is not open to you.'
const NO_SLOT = 'No such shadowing day, or it is no longer offered.'
const NO_BOOKING = 'No such booking of yours.'

/**
 * Shadowing days: the poster of a shadowing opportunity adds dated slots (a clinic, a service or
 * an OR day) with their places; a student of its audience books one day, holding every
 * requirement the opportunity demands. A booking, a removal and a change of places each lock the
 * opportunity's row first and count under it, so a slot never has more students than places
 * (`[shadowing-capacity]`). Booking e-mails an invite (METHOD:REQUEST), a cancellation its
 * cancel (METHOD:CANCEL, higher SEQUENCE); a sweep sends the day-before reminder and, once the
 * day has passed, adds it to the student's experience record for the poster to confirm.
 */
export function createShadowingService(deps: ShadowingDeps) {
  const { db, repo, opportunitiesRepo, requirements, clock, audit, notifications, appOrigin } = deps
  const zone = deps.schoolTimeZone ?? 'America/New_York'
  const uidHost = new URL(appOrigin).hostname || 'preceptor'
  const opportunityLink = (id: string) => `${appOrigin}/opportunities/${id}`

  async function classYearOf(actor: Actor): Promise<ClassYear | null> {
    if (!actor.roles.includes('student')) return null
    const [facts] = await listStudentFactsByIds(db, [actor.personId])
    return facts?.classYear ?? null
  }

  /** The opportunity if the caller may see it (as its page would), with their class year. */
  async function visible(actor: Actor, id: string): Promise<{ row: OpportunityRow; classYear: ClassYear | null }> {
    const row = await opportunitiesRepo.findOpportunityById(id)
    if (!row) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    const [classYear, applied, booked] = await Promise.all([
      classYearOf(actor),
      opportunitiesRepo.findApplication(id, actor.personId),
      repo.listBookingsOfStudent(actor.personId, id),
    ])
    if (!canSeeOpportunity(actor, row, { classYear, hasApplied: applied !== null || booked.length > 0 })) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    return { row, classYear }
  }

  async function ownOpportunity(actor: Actor, id: string, tx: Tx): Promise<OpportunityRow> {
    const row = await opportunitiesRepo.lockOpportunity(id, tx)
    if (!row || !isPoster(actor, row)) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    return row
  }

  /** Why the student may not book a day of this opportunity now, in words; null when they may. */
  async function bookingBlock(actor: Actor, row: OpportunityRow, classYear: ClassYear | null, on: string | null): Promise<string | null> {
    if (!actor.roles.includes('student') || isPoster(actor, row)) return 'Only students book shadowing days.'
    if (row.status !== 'published') return 'This opportunity is closed.'
    if (!isForClassYear(row.classYears, classYear)) return 'This opportunity is for other class years.'
    if (await repo.findBookedOfStudent(row.id, actor.personId)) return 'You have booked a day of this opportunity: cancel it to choose another.'
    return requirements.refusalFor(actor.personId, row, 'booking', on)
  }

  async function slotList(actor: Actor, row: OpportunityRow, classYear: ClassYear | null): Promise<ShadowingSlotList> {
    const slots = await repo.listSlotsOfOpportunity(row.id)
    const [booked, mine] = await Promise.all([repo.countBooked(slots.map((s) => s.id)), repo.listBookingsOfStudent(actor.personId, row.id)])
    const myBooked = new Map(mine.filter((m) => m.booking.status === 'booked').map((m) => [m.booking.slotId, m.booking]))
    const now = clock.now()
    const isStudent = actor.roles.includes('student') && !isPoster(actor, row)
    const block = isStudent ? await bookingBlock(actor, row, classYear, null) : null
    return {
      slots: slots
        .filter((s) => s.endAt.getTime() > now.getTime() || myBooked.has(s.id) || isPoster(actor, row))
        .map((s) => {
          const booking = myBooked.get(s.id)
          return {
            id: s.id,
            startAt: s.startAt.toISOString(),
            endAt: s.endAt.toISOString(),
            site: s.site,
            dressCode: s.dressCode,
            whatToBring: s.whatToBring,
            places: s.places,
            placesLeft: slotPlacesLeft(s.places, booked.get(s.id) ?? 0),
            myBooking: booking ? { id: booking.id, status: booking.status, canCancel: canCancelBooking(s.startAt, now) } : null,
          }
        }),
      canBook: isStudent && block === null,
      blockedBecause: isStudent ? block : null,
    }
  }

  async function words(
    row: OpportunityRow,
    slot: ShadowingSlotRow,
    studentId: string,
    reader: Tx,
  ): Promise<(ShadowingDayWords & { poster: { name: string; email: string } | null; student: { name: string; email: string; status: string } }) | null> {
    const people = new Map((await listPeopleByIds(reader, [studentId, row.posterId ?? studentId])).map((p) => [p.id, p]))
    const student = people.get(studentId)
    const poster = row.posterId ? (people.get(row.posterId) ?? null) : null
    if (!student) return null
    const clocks = await mapClockPreferencesByIds(reader, [studentId])
    return {
      to: student.email,
      toName: student.name,
      title: row.title,
      posterName: poster?.name ?? 'the poster',
      when: formatForEmail(slot.startAt, zone, clocks.get(studentId)?.hourCycle ?? null),
      site: slot.site,
      dressCode: slot.dressCode,
      whatToBring: slot.whatToBring,
      link: opportunityLink(row.id),
      poster,
      student,
    }
  }

  /** The invite (or its cancel) to the student, in the transaction of the change. */
  async function sendInvite(row: OpportunityRow, slot: ShadowingSlotRow, booking: ShadowingBookingRow, change: ShadowingChange, tx: Tx) {
    const w = await words(row, slot, booking.studentId, tx)
    if (!w) return
    const ics = meetingInvite({
      uid: `shadowing-${booking.id}@${uidHost}`,
      sequence: booking.calendarSequence,
      startAt: slot.startAt,
      endAt: slot.endAt,
      title: `Shadowing: ${row.title}`,
      description: [w.dressCode && `Dress code: ${w.dressCode}`, w.whatToBring && `Bring: ${w.whatToBring}`, opportunityLink(row.id)]
        .filter(Boolean)
        .join('\n'),
      locationKind: 'in-person',
      locationDetail: slot.site,
      // An opportunity whose poster's account is gone still sends the student a calendar entry.
      organizer: w.poster ?? { name: 'Office of Student Affairs', email: w.student.email },
      attendee: { name: w.student.name, email: w.student.email },
      stampedAt: clock.now(),
      cancelled: change !== 'booked',
    })
    await notifications.enqueue(shadowingInviteEmail(w, change, ics), tx)
  }

  async function bookingOfStudent(actor: Actor, bookingId: string) {
    const booking = await repo.findBookingById(bookingId)
    if (!booking || booking.studentId !== actor.personId) throw new AppError('NOT_FOUND', NO_BOOKING)
    return booking
  }

  async function listSlots(actor: Actor, opportunityId: string): Promise<ShadowingSlotList> {
    const { row, classYear } = await visible(actor, opportunityId)
    return slotList(actor, row, classYear)
  }

  return {
    listSlots,

    /** A new day of the poster's shadowing opportunity: ahead, its end after its start, not overlapping another of its days. */
    async addSlot(actor: Actor, opportunityId: string, input: ShadowingSlotInput, meta: RequestMeta): Promise<ShadowingSlotList> {
      const slot = { startAt: new Date(input.startAt), endAt: new Date(input.endAt) }
      await db.transaction(async (tx) => {
        const row = await ownOpportunity(actor, opportunityId, tx)
        if (row.kind !== 'shadowing') throw new AppError('CONFLICT', 'Only a shadowing opportunity has days to book.')
        const others = await repo.listSlotsOfOpportunity(opportunityId, tx)
        const problems = slotProblems(slot, others, clock.now(), (other) => formatForEmail(other.startAt, zone))
        if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', Object.values(problems)[0] ?? 'Check the day.', problems)
        const created = await repo.insertSlot(
          {
            opportunityId,
            ...slot,
            // A day without its own details takes the opportunity's.
            site: input.site || row.site,
            dressCode: input.dressCode || row.dressCode,
            whatToBring: input.whatToBring || row.whatToBring,
            places: input.places,
            createdAt: clock.now(),
          },
          tx,
        )
        await audit.record({ actorId: actor.personId, action: 'shadowing.slot.add', objectType: 'shadowing-slot', objectId: created.id }, meta, tx)
      })
      return listSlots(actor, opportunityId)
    },

    /** The poster removes a day still ahead; each student booked on it is cancelled and sent the calendar cancel. */
    async removeSlot(actor: Actor, slotId: string, meta: RequestMeta): Promise<ShadowingSlotList> {
      const found = await repo.findSlotById(slotId)
      if (!found || found.removedAt) throw new AppError('NOT_FOUND', NO_SLOT)
      await db.transaction(async (tx) => {
        const row = await ownOpportunity(actor, found.opportunityId, tx)
        const slot = await repo.findSlotById(slotId, tx)
        if (!slot || slot.removedAt) throw new AppError('NOT_FOUND', NO_SLOT)
        if (slot.startAt.getTime() <= clock.now().getTime()) throw new AppError('CONFLICT', 'This day has begun or passed: it stays on the students’ records.')
        const now = clock.now()
        await repo.markSlotRemoved(slotId, now, tx)
        for (const booking of await repo.listBookedOfSlot(slotId, tx)) {
          const cancelled = await repo.cancelBooking(booking.id, now, tx)
          if (cancelled) await sendInvite(row, slot, cancelled, 'removed-by-poster', tx)
        }
        await audit.record({ actorId: actor.personId, action: 'shadowing.slot.remove', objectType: 'shadowing-slot', objectId: slotId }, meta, tx)
      })
      return listSlots(actor, found.opportunityId)
    },

    /**
     * A student books a day: one of its audience, holding every requirement until that day, with
     * no other day of this opportunity booked. The opportunity's row is locked before the places
     * are counted, so bookings at once take turns and the last place goes to one of them.
     */
    async book(actor: Actor, slotId: string): Promise<ShadowingSlotList> {
      const found = await repo.findSlotById(slotId)
      if (!found || found.removedAt) throw new AppError('NOT_FOUND', NO_SLOT)
      const { row: seen, classYear } = await visible(actor, found.opportunityId)
      const block = await bookingBlock(actor, seen, classYear, requirements.dayOf(found.startAt))
      if (block) throw new AppError('CONFLICT', block)
      await db.transaction(async (tx) => {
        const row = await opportunitiesRepo.lockOpportunity(found.opportunityId, tx)
        const slot = await repo.findSlotById(slotId, tx)
        if (!row || !slot || slot.removedAt) throw new AppError('NOT_FOUND', NO_SLOT)
        if (row.status !== 'published') throw new AppError('CONFLICT', 'This opportunity is closed.')
        if (slot.startAt.getTime() <= clock.now().getTime()) throw new AppError('CONFLICT', 'This day has begun or passed: choose another.')
        if (await repo.findBookedOfStudent(row.id, actor.personId, tx))
          throw new AppError('CONFLICT', 'You have booked a day of this opportunity: cancel it to choose another.')
        const taken = (await repo.countBooked([slotId], tx)).get(slotId) ?? 0
        if (slotPlacesLeft(slot.places, taken) === 0) throw new AppError('CONFLICT', 'Every place on this day has been taken: choose another day.')
        const booking = await repo.insertBooking({ slotId, opportunityId: row.id, studentId: actor.personId, createdAt: clock.now() }, tx)
        await sendInvite(row, slot, booking, 'booked', tx)
      })
      return listSlots(actor, found.opportunityId)
    },

    /** The student cancels their booking until a day before; the invite is cancelled with a higher SEQUENCE. */
    async cancel(actor: Actor, bookingId: string): Promise<ShadowingSlotList> {
      const booking = await bookingOfStudent(actor, bookingId)
      await db.transaction(async (tx) => {
        const row = await opportunitiesRepo.lockOpportunity(booking.opportunityId, tx)
        const slot = await repo.findSlotById(booking.slotId, tx)
        if (!row || !slot) throw new AppError('NOT_FOUND', NO_BOOKING)
        if (!canCancelBooking(slot.startAt, clock.now()))
          throw new AppError('CONFLICT', 'The day is less than 24 hours away: write to the poster if you cannot come.')
        const cancelled = await repo.cancelBooking(bookingId, clock.now(), tx)
        if (!cancelled) throw new AppError('CONFLICT', 'This booking is already cancelled.')
        await sendInvite(row, slot, cancelled, 'cancelled-by-student', tx)
      })
      return listSlots(actor, booking.opportunityId)
    },

    /** Who booked each day of the poster's own opportunity (404 for anyone else, staff included). */
    async listBookings(actor: Actor, opportunityId: string): Promise<ShadowingBookingList> {
      const row = await opportunitiesRepo.findOpportunityById(opportunityId)
      if (!row || !isPoster(actor, row)) throw new AppError('NOT_FOUND', NOT_VISIBLE)
      const bookings = await repo.listBookingsOfOpportunity(opportunityId)
      const [people, experiences] = await Promise.all([
        listPeopleByIds(
          db,
          bookings.map((b) => b.studentId),
        ),
        opportunitiesRepo.listExperiencesOfShadowingBookings(bookings.map((b) => b.id)),
      ])
      const person = new Map(people.map((p) => [p.id, p]))
      const experience = new Map(experiences.map((e) => [e.shadowingBookingId, e]))
      return {
        bookings: bookings.map((b) => {
          const entry = experience.get(b.id)
          return {
            id: b.id,
            slotId: b.slotId,
            studentId: b.studentId,
            studentName: person.get(b.studentId)?.name ?? 'Former student',
            studentEmail: person.get(b.studentId)?.email ?? '',
            status: b.status,
            createdAt: b.createdAt.toISOString(),
            experience: entry ? { id: entry.id, hours: entry.hours, confirmed: entry.confirmedAt !== null } : null,
          }
        }),
      }
    },

    /** The student's own bookings, latest day first. */
    async listMine(actor: Actor): Promise<MyShadowingBookingList> {
      const rows = await repo.listBookingsOfStudent(actor.personId)
      const titles = new Map((await opportunitiesRepo.listOpportunitiesByIds(rows.map((r) => r.booking.opportunityId))).map((o) => [o.id, o.title]))
      return {
        bookings: rows.map(({ booking, slot }) => ({
          id: booking.id,
          opportunityId: booking.opportunityId,
          opportunityTitle: titles.get(booking.opportunityId) ?? 'Removed opportunity',
          startAt: slot.startAt.toISOString(),
          endAt: slot.endAt.toISOString(),
          site: slot.site,
          status: booking.status,
          createdAt: booking.createdAt.toISOString(),
          cancelledAt: booking.cancelledAt?.toISOString() ?? null,
        })),
      }
    },

    /**
     * The sweep: the day-before reminder of each booked day starting within 24 hours, and an
     * experience entry for each booked day that has ended. Each batch is claimed with FOR UPDATE
     * SKIP LOCKED and marked in the transaction of its e-mails and entries, so sweeps in several
     * processes send each reminder and add each entry once.
     */
    async sweepShadowing(now: Date = clock.now()): Promise<{ reminded: number; recorded: number }> {
      const reminded = await db.transaction(async (tx) => {
        let sent = 0
        for (const { booking, slot, opportunity } of await repo.claimRemindersDue(now, new Date(now.getTime() + MS_PER_DAY), tx)) {
          const w = await words(opportunity, slot, booking.studentId, tx)
          // Claimed either way, so a closed account is not retried every sweep.
          if (w?.student.status !== 'active') continue
          await notifications.enqueue(shadowingReminderEmail(w), tx)
          sent++
        }
        return sent
      })
      const recorded = await db.transaction(async (tx) => {
        const days = await repo.claimPassedDays(now, tx)
        const posters = new Map(
          (
            await listPeopleByIds(
              tx,
              days.flatMap((d) => (d.opportunity.posterId ? [d.opportunity.posterId] : [])),
            )
          ).map((p) => [p.id, p.name]),
        )
        for (const { booking, slot, opportunity } of days) {
          const day = requirements.dayOf(slot.startAt)
          await opportunitiesRepo.insertExperience(
            {
              studentId: booking.studentId,
              kind: experienceKindFor(opportunity.kind),
              title: opportunity.title,
              organization: (opportunity.posterId && posters.get(opportunity.posterId)) || '',
              description: slot.site ? `Shadowing day at ${slot.site}.` : 'Shadowing day.',
              startDate: day,
              endDate: day,
              shadowingBookingId: booking.id,
              createdAt: now,
              updatedAt: now,
            },
            tx,
          )
        }
        return days.length
      })
      return { reminded, recorded }
    },
  }
}

export type ShadowingService = ReturnType<typeof createShadowingService>
