import { isKnownTimeZone, timeZoneLabel } from '#shared/reference/time-zones.ts'
import { MS_PER_DAY, MS_PER_MINUTE, MS_PER_SECOND } from '#shared/time.ts'
/**
 * Wall-clock times in an IANA time zone, with the Intl APIs only. A mentor's "Tuesdays 9:00 in
 * America/New_York" is 13:00Z in summer and 14:00Z in winter; these functions do that sum for
 * each date, so daylight-saving changes move the UTC instant, never the local time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Whether `timeZone` is an IANA zone this runtime knows (`America/New_York`, `UTC`). */
export const isValidTimeZone = isKnownTimeZone

export type LocalDateTime = { date: string; time: string; weekday: number }

/** The local date (`YYYY-MM-DD`), time (`HH:MM`) and ISO weekday (1 = Monday) of an instant in a zone. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  )
  const date = `${parts.year}-${parts.month}-${parts.day}`
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1
  return { date, time: `${parts.hour}:${parts.minute}`, weekday }
}

/** The zone's offset from UTC at an instant, in minutes (New York in July: −240). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  )
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  return Math.round((asUtc - Math.floor(instant.getTime() / MS_PER_SECOND) * MS_PER_SECOND) / MS_PER_MINUTE)
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`, or null when that local
 * time does not exist (the hour skipped when clocks go forward). A time that happens twice (the
 * hour repeated when clocks go back) is its first occurrence.
 */
export function fromLocal(date: string, time: string, timeZone: string): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const wall = Date.UTC(y, m - 1, d, hh, mm)
  // Try the offsets in force a day either side; the earlier instant wins for a repeated hour.
  const candidates = new Set([offsetMinutes(new Date(wall - MS_PER_DAY), timeZone), offsetMinutes(new Date(wall + MS_PER_DAY), timeZone)])
  const found = [...candidates]
    .map((offset) => new Date(wall - offset * MS_PER_MINUTE))
    .filter((instant) => {
      const local = toLocal(instant, timeZone)
      return local.date === date && local.time === time
    })
    .sort((a, b) => a.getTime() - b.getTime())
  return found[0] ?? null
}

/** `date` plus `days` calendar days (`YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

const emailFormats = new Map<string, Intl.DateTimeFormat>()

/** "UTC−5", "UTC+5:30", "UTC": an offset in minutes as people write it (a true minus sign). */
export function utcOffsetText(minutes: number): string {
  if (minutes === 0) return 'UTC'
  const sign = minutes < 0 ? '−' : '+'
  const abs = Math.abs(minutes)
  const hours = Math.floor(abs / 60)
  const rest = abs % 60
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`
}

/**
 * The zone an e-mail's time is in, named and with its offset on that day, so a reader in another
 * zone can convert it: "Eastern Time (New York, UTC−5)", "Europe — London (UTC+1)", "UTC".
 * Abbreviations such as "CST" are ambiguous across the world and are not used.
 */
export function zoneForEmail(instant: Date, timeZone: string): string {
  const offset = utcOffsetText(offsetMinutes(instant, timeZone))
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC'
  const label = timeZoneLabel(timeZone)
  const city = /^(.*) \((.*)\)$/.exec(label)
  return city ? `${city[1]} (${city[2]}, ${offset})` : `${label} (${offset})`
}

/**
 * A moment as e-mails write it: "Tuesday, November 3, 2026 at 9:00 AM Eastern Time (New York,
 * UTC−5)" — the weekday, the reader's clock (12-hour unless they chose 24) and the zone named
 * with its offset, never an ISO string. Callers pass the reader's own zone when they saved one,
 * otherwise the meeting's or the mentor's, which the e-mail then names.
 */
export function formatForEmail(instant: Date, timeZone: string, hourCycle: '12h' | '24h' | null = null): string {
  const key = `${timeZone} ${hourCycle ?? '12h'}`
  let format = emailFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: hourCycle === '24h' ? 'h23' : 'h12',
    })
    emailFormats.set(key, format)
  }
  return `${format.format(instant)} ${zoneForEmail(instant, timeZone)}`
}

/** A reader's saved clock, if any: their zone (else `fallbackZone`) and 12/24-hour habit. */
export function formatForReader(instant: Date, fallbackZone: string, reader: { timeZone: string | null; hourCycle: '12h' | '24h' | null } | undefined): string {
  return formatForEmail(instant, reader?.timeZone ?? fallbackZone, reader?.hourCycle ?? null)
}
