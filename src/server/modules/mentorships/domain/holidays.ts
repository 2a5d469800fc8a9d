import { MS_PER_DAY } from '#shared/time.ts'
/**
 * United States federal holidays (5 U.S.C. § 6103), with the rule federal offices follow for
 * observance: a holiday on a Saturday is observed on the Friday before, one on a Sunday on the
 * Monday after. Free slots skip both the date itself and the day it is observed, so a mentor is
 * offered neither 4 July nor the Friday off before it; a meeting can still be proposed on one.
 */

type Holiday = { name: string; date: string }

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10)

/** The `n`th `weekday` (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
    return iso(year, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7)
  }
  const lastDay = new Date(Date.UTC(year, month, 0))
  return iso(year, month, lastDay.getUTCDate() - ((lastDay.getUTCDay() - weekday + 7) % 7))
}

/** The day a fixed-date holiday is observed on (Saturday → Friday, Sunday → Monday). */
function observed(date: string): string {
  const day = new Date(`${date}T00:00:00Z`)
  const shift = day.getUTCDay() === 6 ? -1 : day.getUTCDay() === 0 ? 1 : 0
  return new Date(day.getTime() + shift * MS_PER_DAY).toISOString().slice(0, 10)
}

export function usFederalHolidays(year: number): Holiday[] {
  const fixed = (name: string, month: number, day: number): Holiday[] => {
    const date = iso(year, month, day)
    const off = observed(date)
    return off === date
      ? [{ name, date }]
      : [
          { name, date },
          { name: `${name} (observed)`, date: off },
        ]
  }
  return [
    ...fixed('New Year’s Day', 1, 1),
    { name: 'Birthday of Martin Luther King, Jr.', date: nthWeekday(year, 1, 1, 3) },
    { name: 'Washington’s Birthday', date: nthWeekday(year, 2, 1, 3) },
    { name: 'Memorial Day', date: nthWeekday(year, 5, 1, -1) },
    ...fixed('Juneteenth National Independence Day', 6, 19),
    ...fixed('Independence Day', 7, 4),
    { name: 'Labor Day', date: nthWeekday(year, 9, 1, 1) },
    { name: 'Columbus Day', date: nthWeekday(year, 10, 1, 2) },
    ...fixed('Veterans Day', 11, 11),
    { name: 'Thanksgiving Day', date: nthWeekday(year, 11, 4, 4) },
    ...fixed('Christmas Day', 12, 25),
    ...nextNewYearObserved(year),
  ]
}

/** New Year's Day of the next year on a Saturday is observed on 31 December of this one. */
function nextNewYearObserved(year: number): Holiday[] {
  const off = observed(iso(year + 1, 1, 1))
  return off.startsWith(String(year)) ? [{ name: 'New Year’s Day (observed)', date: off }] : []
}

const byYear = new Map<number, Map<string, string>>()

/** The holiday's name when a local date (`YYYY-MM-DD`) is a US federal holiday or its observed day, else null. */
export function usFederalHolidayOn(date: string): string | null {
  const year = Number(date.slice(0, 4))
  let dates = byYear.get(year)
  if (!dates) {
    dates = new Map(usFederalHolidays(year).map((h) => [h.date, h.name]))
    byYear.set(year, dates)
  }
  return dates.get(date) ?? null
}
