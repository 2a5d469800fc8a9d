import { z } from '@hono/zod-openapi'

/**
 * The in-app notification centre and per-group e-mail choices (issue #17). Every e-mail the
 * school sends a person also appears in the app; a person may turn off the e-mail of a group of
 * kinds, never the in-app notification, and never the e-mails listed as essential.
 */

/** Groups of e-mail kinds a person may turn off; a kind no rule names falls under `other`. */
export const EMAIL_KIND_GROUPS = ['mentorships', 'meetings', 'letters', 'community', 'reminders', 'events-and-opportunities', 'other'] as const
export type EmailKindGroup = (typeof EMAIL_KIND_GROUPS)[number]

export const EMAIL_KIND_GROUP_LABELS: Record<EmailKindGroup, string> = {
  mentorships: 'Mentorship requests, answers and messages',
  meetings: 'Meetings and mock interviews',
  letters: 'Letters of recommendation',
  community: 'New answers in the community',
  reminders: 'Reminders and nudges',
  'events-and-opportunities': 'Events and opportunities',
  other: 'Everything else: advising, programs, documents, rank lists',
}

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  summary: z.string(),
  /** A page of the app (`/mentorships/…`), or null when the e-mail linked to none. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
export type NotificationView = z.infer<typeof NotificationView>

export const NotificationPage = z.object({
  items: z.array(NotificationView),
  unread: z.number().int(),
  /** Pass as `before` for the next (older) page; null when this is the last. */
  nextBefore: z.string().nullable(),
})
export type NotificationPage = z.infer<typeof NotificationPage>

export const NotificationListQuery = z.object({
  before: z.uuid('Not a valid notification id.').optional(),
})

export const UnreadCount = z.object({ unread: z.number().int() })
export type UnreadCount = z.infer<typeof UnreadCount>

export const EmailPreference = z.object({
  group: z.enum(EMAIL_KIND_GROUPS),
  label: z.string(),
  email: z.boolean(),
})
export const EmailPreferences = z.object({
  groups: z.array(EmailPreference),
  /** E-mails that cannot be turned off, in words (sign-in links, …). */
  alwaysSent: z.array(z.string()),
})
export type EmailPreferences = z.infer<typeof EmailPreferences>

export const EmailPreferencesInput = z.object({
  /** The groups whose e-mail is on; a group left out keeps its current choice. */
  groups: z.partialRecord(z.enum(EMAIL_KIND_GROUPS, 'Choose a group from the list.'), z.boolean('Say on or off.')),
})
export type EmailPreferencesInput = z.infer<typeof EmailPreferencesInput>
