import { afterEach, describe, expect, it } from 'vitest'
import { browserHourCycle, formatMoment, formatWallTime, hourCycle, plural, setHourCycle } from './format.ts'

/** A stand-in for the browser's storage (the unit tests run in Node). */
function withStorage(): void {
  const store = new Map<string, string>()
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) },
  })
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage')
})

describe('plural', () => {
  it.each([
    [0, '0 letters'],
    [1, '1 letter'],
    [2, '2 letters'],
    [1200, '1,200 letters'],
  ])('%i', (n, words) => {
    expect(plural(n, 'letter', 'letters')).toBe(words)
  })
})

describe('one time format: the viewer’s 12- or 24-hour habit', () => {
  it('takes the habit of the locale when the person chose none', () => {
    expect(browserHourCycle('en-US')).toBe('12h')
    expect(browserHourCycle('en-GB')).toBe('24h')
    expect(browserHourCycle('de-DE')).toBe('24h')
  })

  it('writes a weekly wall-clock time in the chosen habit, whatever the zone', () => {
    expect(formatWallTime('13:30', '12h')).toMatch(/^1:30\s?PM$/i)
    expect(formatWallTime('13:30', '24h')).toBe('13:30')
    expect(formatWallTime('00:05', '24h')).toBe('00:05')
    expect(formatWallTime('not a time', '24h')).toBe('not a time')
  })

  it('applies the habit to every moment with a time, and leaves dates alone', () => {
    const at = new Date(Date.UTC(2026, 10, 3, 14, 5))
    expect(formatMoment(at, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }, '24h')).toBe('14:05')
    expect(formatMoment(at, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }, '12h')).toMatch(/^2:05\s?PM$/i)
    expect(formatMoment(at, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }, '24h')).toMatch(/14:05/)
    expect(formatMoment(at, { dateStyle: 'medium', timeZone: 'UTC' }, '24h')).not.toMatch(/14/)
  })

  it('remembers the person’s choice over the browser’s habit, and forgets it on request', () => {
    withStorage()
    setHourCycle('24h')
    expect(hourCycle()).toBe('24h')
    setHourCycle('12h')
    expect(hourCycle()).toBe('12h')
    setHourCycle(null)
    expect(hourCycle()).toBe(browserHourCycle())
  })
})
