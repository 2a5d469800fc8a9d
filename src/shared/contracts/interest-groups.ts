import { z } from '@hono/zod-openapi'
import { CLASS_YEARS, INTEREST_GROUP_ROLES } from '../enums.ts'
import { SPECIALTY_IDS } from '../reference/specialties.ts'
import { Email, multilineText, requiredMultilineText, requiredText } from './common.ts'
import { EventSummary } from './events.ts'

/** The most leaders a group may have: student groups usually have two to four officers. */
export const MAX_GROUP_LEADERS = 6

/** A group as the office writes it: its name, specialty (none for a group the school adds), advisor and leaders. */
export const InterestGroupInput = z.object({
  name: requiredText(120),
  specialtyId: z
    .enum(SPECIALTY_IDS as [string, ...string[]], 'Choose a specialty from the list, or none.')
    .nullable()
    .default(null),
  description: multilineText(2000).default(''),
  /** The faculty advisor's school e-mail (a mentor or an advisor); null for none yet. */
  facultyAdvisorEmail: Email.nullable().default(null),
  /** The student leaders' school e-mails. */
  leaderEmails: z.array(Email).min(1, 'Name at least one student leader.').max(MAX_GROUP_LEADERS, `At most ${MAX_GROUP_LEADERS} leaders.`),
})
export type InterestGroupInput = z.infer<typeof InterestGroupInput>

/** What a leader writes to the group's members; each is e-mailed it. */
export const AnnouncementInput = z.object({
  subject: requiredText(200),
  body: requiredMultilineText(5000),
})
export type AnnouncementInput = z.infer<typeof AnnouncementInput>

const PersonRef = z.object({ id: z.string(), name: z.string() })

export const InterestGroupSummary = z.object({
  id: z.string(),
  name: z.string(),
  specialtyId: z.string().nullable(),
  specialtyName: z.string().nullable(),
  description: z.string(),
  memberCount: z.number().int(),
  /** Leaders the caller may see (a leader on a directory hold is shown to staff only). */
  leaders: z.array(PersonRef),
  facultyAdvisor: PersonRef.nullable(),
  myRole: z.enum(INTEREST_GROUP_ROLES).nullable(),
  /** Whether the caller runs this group: one of its leaders, or staff. */
  canManage: z.boolean(),
})
export type InterestGroupSummary = z.infer<typeof InterestGroupSummary>

export const InterestGroupList = z.object({ groups: z.array(InterestGroupSummary), canCreate: z.boolean() })
export type InterestGroupList = z.infer<typeof InterestGroupList>

export const InterestGroupMember = z.object({
  id: z.string(),
  name: z.string(),
  classYear: z.enum(CLASS_YEARS).nullable(),
  role: z.enum(INTEREST_GROUP_ROLES),
})
export type InterestGroupMember = z.infer<typeof InterestGroupMember>

export const InterestGroupAnnouncement = z.object({
  id: z.string(),
  subject: z.string(),
  body: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  recipientCount: z.number().int(),
})
export type InterestGroupAnnouncement = z.infer<typeof InterestGroupAnnouncement>

export const InterestGroupView = InterestGroupSummary.extend({
  /** Members the caller may see: those on a directory hold are left out for other students and mentors (34 CFR §99.37). */
  members: z.array(InterestGroupMember),
  /** Members left out of `members` because they keep their directory information private. */
  privateMemberCount: z.number().int(),
  announcements: z.array(InterestGroupAnnouncement),
  /** The group's events the caller may see, soonest first (upcoming) then the latest past. */
  upcomingEvents: z.array(EventSummary),
  pastEvents: z.array(EventSummary),
  /** For those who run the group: the leaders' and the advisor's e-mails, as the edit form takes them. */
  leaderEmails: z.array(z.string()).nullable(),
  facultyAdvisorEmail: z.string().nullable(),
})
export type InterestGroupView = z.infer<typeof InterestGroupView>
