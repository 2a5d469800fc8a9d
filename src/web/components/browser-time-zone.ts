/**
 * The viewer's own zone, as the browser knows it. On its own, apart from the zone lists, so that
 * a page that only formats times (a student's home) does not load every zone's name.
 */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}
