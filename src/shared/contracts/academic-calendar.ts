import { z } from '@hono/zod-openapi'
import { ACADEMIC_DATE_KINDS } from '../enums.ts'
import { IsoDate, requiredText } from './common.ts'

/** One named range of whole days in the school's calendar, both ends included. */
export const AcademicDateInput = z
  .object({
    kind: z.enum(ACADEMIC_DATE_KINDS, 'Choose a year start, a break or a holiday.'),
    name: requiredText(120),
    startsOn: IsoDate,
    /** The same as `startsOn` for a single day. */
    endsOn: IsoDate,
  })
  .superRefine((d, ctx) => {
    if (d.endsOn < d.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The last day must be on or after the first.' })
  })
export type AcademicDateInput = z.infer<typeof AcademicDateInput>

/** The whole calendar as the office saves it: the list replaces what was there. */
export const AcademicCalendarInput = z.object({ dates: z.array(AcademicDateInput).max(500, 'At most 500 dates.') })
export type AcademicCalendarInput = z.infer<typeof AcademicCalendarInput>

export const AcademicDateView = z.object({ id: z.string(), kind: z.enum(ACADEMIC_DATE_KINDS), name: z.string(), startsOn: z.string(), endsOn: z.string() })
export type AcademicDateView = z.infer<typeof AcademicDateView>

export const AcademicCalendarView = z.object({
  /** In order of their first day. */
  dates: z.array(AcademicDateView),
  /** When the office last saved it; null if never. */
  updatedAt: z.string().nullable(),
})
export type AcademicCalendarView = z.infer<typeof AcademicCalendarView>
