/** By the viewer's clock; in the small hours, a plain hello (2 a.m. is nobody's evening). */
export function greeting(now: Date): string {
  const hour = now.getHours()
  if (hour < 5) return 'Hello'
  if (hour < 12) return 'Good morning'
  if (hour < 18) return 'Good afternoon'
  return 'Good evening'
}
