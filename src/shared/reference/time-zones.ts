/**
 * Time zones people in a US school choose from first, in words, before the full IANA list; and
 * the zone of a state, to start a mentor in the zone of where they work. A state that spans two
 * zones takes the zone most of its people live in (Indiana, Kentucky, Tennessee, Florida:
 * Eastern; Texas, Kansas, Nebraska, the Dakotas: Central; Idaho: Mountain; Oregon: Pacific).
 */
export const COMMON_TIME_ZONES: readonly { zone: string; label: string }[] = [
  { zone: 'America/New_York', label: 'Eastern Time (New York)' },
  { zone: 'America/Chicago', label: 'Central Time (Chicago)' },
  { zone: 'America/Denver', label: 'Mountain Time (Denver)' },
  { zone: 'America/Phoenix', label: 'Arizona (Phoenix, no daylight saving)' },
  { zone: 'America/Los_Angeles', label: 'Pacific Time (Los Angeles)' },
  { zone: 'America/Anchorage', label: 'Alaska Time (Anchorage)' },
  { zone: 'Pacific/Honolulu', label: 'Hawaii Time (Honolulu)' },
  { zone: 'America/Puerto_Rico', label: 'Atlantic Time (Puerto Rico)' },
]

const ZONE_OF_STATE: Record<string, string> = {
  ...Object.fromEntries(
    ['CT', 'DC', 'DE', 'FL', 'GA', 'IN', 'KY', 'MA', 'MD', 'ME', 'MI', 'NC', 'NH', 'NJ', 'NY', 'OH', 'PA', 'RI', 'SC', 'VA', 'VT', 'WV'].map((s) => [
      s,
      'America/New_York',
    ]),
  ),
  ...Object.fromEntries(['AL', 'AR', 'IA', 'IL', 'KS', 'LA', 'MN', 'MO', 'MS', 'ND', 'NE', 'OK', 'SD', 'TN', 'TX', 'WI'].map((s) => [s, 'America/Chicago'])),
  ...Object.fromEntries(['CO', 'ID', 'MT', 'NM', 'UT', 'WY'].map((s) => [s, 'America/Denver'])),
  AZ: 'America/Phoenix',
  ...Object.fromEntries(['CA', 'NV', 'OR', 'WA'].map((s) => [s, 'America/Los_Angeles'])),
  AK: 'America/Anchorage',
  HI: 'Pacific/Honolulu',
  PR: 'America/Puerto_Rico',
}

/** The zone of a two-letter state code, or null for an empty or unknown one. */
export function timeZoneOfState(state: string): string | null {
  return ZONE_OF_STATE[state.trim().toUpperCase()] ?? null
}

/** A zone in words: the common label, or the IANA name made readable ("Europe/London" → "Europe — London"). */
export function timeZoneLabel(zone: string): string {
  return COMMON_TIME_ZONES.find((z) => z.zone === zone)?.label ?? zone.replace(/_/g, ' ').replace(/\//g, ' — ')
}

export { isKnownTimeZone } from './known-time-zone.ts'
