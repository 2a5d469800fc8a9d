/*
 * Descriptions of path and query parameters for the OpenAPI document, where the name says what
 * the parameter is: an id (`mentorshipRequestId` → "The mentorship request's id."), or one of the
 * paging and search words every list shares. A route that describes a parameter itself (zod's
 * `.describe()` or `.openapi({ description })`) keeps its own words. Parameters whose meaning
 * their name does not settle are left as their schema shows them, rather than guessed.
 */

const SHARED: Record<string, string> = {
  page: 'The page to show, from 1.',
  pageSize: 'How many results a page holds.',
  limit: 'At most this many results.',
  offset: 'How many results to skip.',
  q: 'Search words; empty matches everything.',
  classYear: "The students' class year.",
  specialty: "A specialty's id, such as internal-medicine.",
  specialtyId: "A specialty's id, such as internal-medicine.",
  token: 'The secret token from the e-mailed link.',
  feed: 'The secret name of a calendar feed, as POST /api/calendar/feed gave it (ends in .ics).',
}

/** "mentorshipRequest" → "mentorship request". */
function words(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
}

export function describeParameter(name: string, schema: Record<string, unknown> | undefined): string | undefined {
  if (typeof schema?.description === 'string') return schema.description
  const shared = SHARED[name]
  if (shared) return shared
  const id = /^([a-z][A-Za-z0-9]*)Id$/.exec(name)?.[1]
  if (id) return `The ${words(id)}'s id.`
  if (Array.isArray(schema?.enum)) return `The ${words(name)}: one of ${schema.enum.map((value) => `\`${String(value)}\``).join(', ')}.`
  return undefined
}
