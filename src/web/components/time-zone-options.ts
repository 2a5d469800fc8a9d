import { COMMON_TIME_ZONES, timeZoneLabel } from '#shared/reference/time-zones.ts'
import { browserTimeZone } from './browser-time-zone.ts'

export { browserTimeZone }

/** The usual US zones in words (plus the current and the browser's), or, on request, every zone the browser knows. */
export function zoneOptions(current: string, every: boolean): { value: string; label: string }[] {
  if (every) {
    const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
    return [...new Set([current, ...supported])]
      .filter(Boolean)
      .sort()
      .map((zone) => ({ value: zone, label: timeZoneLabel(zone) }))
  }
  const common = COMMON_TIME_ZONES.map((z) => z.zone)
  const extra = [current, browserTimeZone()].filter((zone) => zone && !common.includes(zone))
  return [...new Set([...common, ...extra, 'UTC'])].map((zone) => ({
    value: zone,
    label: zone === 'UTC' ? 'UTC (Coordinated Universal Time)' : timeZoneLabel(zone),
  }))
}
