import type { Database } from '#server/db/client.ts'
import type { AcademicCalendarInput, AcademicCalendarView } from '#shared/contracts/academic-calendar.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { AcademicCalendarRepository, AcademicDateRow } from './academic-calendar.repository.ts'
import { type AcademicDate, closureOn, moveDueDate, type MovedDueDate } from './domain/closures.ts'
import { yearStartMonth } from './domain/year-start.ts'

/** What the calendar decides about due dates: where a date lands, and the month the academic year starts in. */
export type DueDateCalendar = { moveDueDate: (due: string) => MovedDueDate; yearStartMonth: number }

export type AcademicCalendarDeps = { db: Database; repo: AcademicCalendarRepository; clock: Clock; audit: AuditService }

function viewOf(rows: AcademicDateRow[]): AcademicCalendarView {
  const latest = rows.reduce<Date | null>((max, r) => (max === null || r.updatedAt > max ? r.updatedAt : max), null)
  return {
    dates: rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn })),
    updatedAt: latest?.toISOString() ?? null,
  }
}

/**
 * The school's academic calendar: year starts, breaks and holidays. The office writes it; every
 * signed-in person reads it (it is the school's public calendar). Other modules ask it which days
 * are closed: series skip them, the event form warns about them.
 */
export function createAcademicCalendarService(deps: AcademicCalendarDeps) {
  const { db, repo, clock, audit } = deps
  return {
    async getCalendar(): Promise<AcademicCalendarView> {
      return viewOf(await repo.listDates())
    },

    /** Replaces the whole calendar in one transaction: the form sends every row. */
    async saveCalendar(actor: Actor, input: AcademicCalendarInput, meta: RequestMeta): Promise<AcademicCalendarView> {
      await db.transaction(async (tx) => {
        await repo.replaceDates(input.dates, clock.now(), tx)
        await audit.record({ actorId: actor.personId, action: 'academic-calendar.save', objectType: 'academic-calendar' }, meta, tx)
      })
      return viewOf(await repo.listDates())
    },

    /** The calendar's dates, for rules that skip or warn about closed days. */
    async listAcademicDates(): Promise<AcademicDate[]> {
      return (await repo.listDates()).map(({ kind, name, startsOn, endsOn }) => ({ kind, name, startsOn, endsOn }))
    },

    /** The break or holiday of each day asked about (only the closed ones are in the map). */
    async mapClosures(days: readonly string[]): Promise<Map<string, AcademicDate>> {
      const dates = await this.listAcademicDates()
      const closed = new Map<string, AcademicDate>()
      for (const day of days) {
        const closure = closureOn(dates, day)
        if (closure) closed.set(day, closure)
      }
      return closed
    },

    /**
     * The rules for due dates, read once: a date in a break or on a holiday moves to the last
     * working day before it (`moveDueDate`), and the academic year starts in the month of the
     * latest year start on or before `today` (YYYY-MM-DD), else July (`yearStartMonth`). Each
     * date is worked out once per call, as a class view asks the same few dates for hundreds of
     * students.
     */
    async loadDueDateRule(today: string): Promise<DueDateCalendar> {
      const dates = await this.listAcademicDates()
      const known = new Map<string, MovedDueDate>()
      return {
        moveDueDate: (due) => {
          let moved = known.get(due)
          if (!moved) {
            moved = moveDueDate(dates, due)
            known.set(due, moved)
          }
          return moved
        },
        yearStartMonth: yearStartMonth(dates, today),
      }
    },
  }
}

export type AcademicCalendarService = ReturnType<typeof createAcademicCalendarService>
