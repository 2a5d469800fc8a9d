const dayParts = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/**
 * A date as people write it, "Friday 9 January 2026": e-mails go to people outside the app
 * whose habits we do not know, so no ISO dates and no numeric day/month order to misread.
 * A due date (YYYY-MM-DD) is a calendar day; an instant is shown as its UTC day.
 */
export function humanDate(date: string | Date): string {
  const at = typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date
  if (Number.isNaN(at.getTime())) return String(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => dayParts.formatToParts(at).find((p) => p.type === type)?.value ?? ''
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`
}
