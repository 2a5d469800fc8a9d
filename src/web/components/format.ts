/**
 * Every time the web app shows goes through `formatMoment`: the viewer's own zone (the browser's)
 * and their 12- or 24-hour habit. The habit is the browser locale's (`hourCycle`) until the person
 * picks one on their profile; the choice is saved on their account (so e-mails follow it too) and
 * kept in this browser, where the pages read it without waiting for the server.
 */

export type HourCycle = '12h' | '24h'

const STORAGE_KEY = 'preceptor.hourCycle'
const listeners = new Set<() => void>()

/** The habit of the browser's locale: "1:30 PM" (h11/h12) or "13:30" (h23/h24). */
export function browserHourCycle(locale?: string): HourCycle {
  try {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle
    return cycle === 'h23' || cycle === 'h24' ? '24h' : '12h'
  } catch {
    return '12h'
  }
}

function storedHourCycle(): HourCycle | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return value === '12h' || value === '24h' ? value : null
  } catch {
    return null
  }
}

/** The person's choice, or null when they follow the browser. */
export function chosenHourCycle(): HourCycle | null {
  return storedHourCycle()
}

export function hourCycle(): HourCycle {
  return storedHourCycle() ?? browserHourCycle()
}

/** Saves the person's choice (null: follow the browser again) and re-renders what shows times. */
export function setHourCycle(choice: HourCycle | null): void {
  try {
    if (choice) globalThis.localStorage?.setItem(STORAGE_KEY, choice)
    else globalThis.localStorage?.removeItem(STORAGE_KEY)
  } catch {
    // Private browsing may refuse storage: the choice then lasts until the page reloads at most.
  }
  for (const listener of listeners) listener()
}

/** For `useSyncExternalStore`: the shell re-renders when the habit changes. */
export function subscribeHourCycle(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * The one formatter of moments: `options` say which parts to show; the hour cycle is the viewer's
 * whenever a time is among them. `timeZone` defaults to the browser's own.
 */
export function formatMoment(value: Date | string, options: Intl.DateTimeFormatOptions, cycle: HourCycle = hourCycle()): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : ''
  const showsTime = options.hour !== undefined || options.timeStyle !== undefined
  const key = `${cycle}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, showsTime ? { ...options, hourCycle: cycle === '24h' ? 'h23' : 'h12' } : options)
    formats.set(key, format)
  }
  return format.format(date)
}

/** UTC on the wire, the viewer's own zone and clock on screen: "Dec 5, 2026, 1:30 PM". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return formatMoment(iso, { dateStyle: 'medium', timeStyle: 'short' })
}

/** A time of day: "1:30 PM" or "13:30". */
export function formatTime(value: Date | string): string {
  return formatMoment(value, { hour: 'numeric', minute: '2-digit' })
}

/**
 * A wall-clock time with no date or zone ("13:30" from a `type="time"` field or a weekly slot),
 * in the viewer's habit: "1:30 PM" or "13:30".
 */
export function formatWallTime(hhmm: string, cycle: HourCycle = hourCycle()): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  if (!match) return hhmm
  // A fixed UTC day and zone, so no daylight-saving change can move the hour.
  return formatMoment(new Date(Date.UTC(2000, 0, 3, Number(match[1]), Number(match[2]))), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }, cycle)
}

/** "1 mentor", "1,200 mentors": the count with its thousands separated, the noun agreeing with it. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}
