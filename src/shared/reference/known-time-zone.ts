/**
 * Whether this runtime knows `zone` as an IANA time zone ("America/New_York", "UTC"). Apart from
 * the list of common zones, so that the sign-in page's contracts do not load it.
 */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
