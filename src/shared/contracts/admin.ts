import { z } from 'zod'
import { CLASS_YEARS, PERSON_STATUSES, ROLES } from '../enums.ts'
import { Email, IsoDate, PageQuery, personName, text } from './common.ts'
import { PersonSummary } from './profiles.ts'

const RoleList = z
  .array(z.enum(ROLES))
  .min(1, 'Choose at least one role.')
  .refine((roles) => new Set(roles).size === roles.length, 'Each role may appear only once.')

export const PeopleQuery = PageQuery.extend({
  q: text(120).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(PERSON_STATUSES).optional(),
})
export type PeopleQuery = z.infer<typeof PeopleQuery>

export const PeoplePage = z.object({
  items: z.array(PersonSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type PeoplePage = z.infer<typeof PeoplePage>

export const InvitePersonRequest = z.object({
  email: Email,
  name: personName(120).min(1, 'This field is required.'),
  roles: RoleList,
})
export type InvitePersonRequest = z.infer<typeof InvitePersonRequest>

export const UpdateRolesRequest = z.object({ roles: RoleList })
export type UpdateRolesRequest = z.infer<typeof UpdateRolesRequest>

/** A student's class year: the school's fact, set by an admin (or the roster), never by the student. */
export const SetClassYearRequest = z.object({ classYear: z.enum(CLASS_YEARS) })
export type SetClassYearRequest = z.infer<typeof SetClassYearRequest>

/** A student on leave, or back from it (decision 020: the rollover keeps students on leave in place); graduation is the rollover's alone. */
export const SetEnrollmentRequest = z.object({ enrollment: z.enum(['enrolled', 'leave'], 'Choose enrolled or leave.') })
export type SetEnrollmentRequest = z.infer<typeof SetEnrollmentRequest>

/** The school-wide scope of an advisor: reads every student's record (decision 015). */
export const UpdateSchoolWideRequest = z.object({ schoolWide: z.boolean() })
export type UpdateSchoolWideRequest = z.infer<typeof UpdateSchoolWideRequest>

export const AdminSummaryResponse = z.object({
  people: z.object({
    total: z.number().int(),
    invited: z.number().int(),
    disabled: z.number().int(),
    byRole: z.record(z.string(), z.number().int()),
  }),
  outboxPending: z.number().int(),
})
export type AdminSummaryResponse = z.infer<typeof AdminSummaryResponse>

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** The person the entry is about, by name, when it is about a person. */
  objectName: z.string().nullable(),
  requestId: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

/**
 * "Who read this student's record?" in one step: `subject` is the person an entry is about and
 * `actor` who did it, each a name, e-mail (or part of one) or id; `action` matches as a prefix
 * (`student-record.read` finds every kind of record read); `from` and `to` are whole days (UTC).
 */
export const AuditFilters = z.object({
  action: text(80).optional(),
  actor: text(120).optional(),
  subject: text(120).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
})
export type AuditFilters = z.infer<typeof AuditFilters>

export const AuditQuery = PageQuery.extend(AuditFilters.shape)
export type AuditQuery = z.infer<typeof AuditQuery>

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type AuditPage = z.infer<typeof AuditPage>

/** One check of the audit log's hash chain (decision 030): scheduled daily and shortly after start, or run by an admin. */
export const AuditChainCheck = z.object({
  id: z.number().int(),
  checkedAt: z.string(),
  intact: z.boolean(),
  rowsChecked: z.number().int(),
  /** Rows written before the chain existed, which no hash covers. */
  legacyRows: z.number().int(),
  /** The first row that fails and why; null when the chain is intact. */
  breakRowId: z.number().int().nullable(),
  breakReason: z.enum(['edited', 'link-broken', 'unchained']).nullable(),
  /** The last row that checked out, and its hash: what to keep outside the system. */
  newestRowId: z.number().int().nullable(),
  newestHash: z.string().nullable(),
  durationMs: z.number().int(),
})
export type AuditChainCheck = z.infer<typeof AuditChainCheck>

export const AuditChainChecksResponse = z.object({
  latest: AuditChainCheck.nullable(),
  /** The newest checks first, the latest included. */
  history: z.array(AuditChainCheck),
  everyHours: z.number().int(),
})
export type AuditChainChecksResponse = z.infer<typeof AuditChainChecksResponse>

export const AuditChainHeadQuery = z.object({ format: z.enum(['json', 'text']).default('json') })

export const OutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /**
   * Files sent with it (calendar invites: small text), to read or download from the outbox. A
   * letter's file is named, never served: `content` is null (decision 030).
   */
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), sizeBytes: z.number().int(), content: z.string().nullable() })),
})
export type OutboxMessage = z.infer<typeof OutboxMessage>

/** `q`: words in the recipient's address or the subject, any case. */
export const OutboxQuery = PageQuery.extend({ q: text(200).optional() })
export type OutboxQuery = z.infer<typeof OutboxQuery>

export const OutboxPage = z.object({
  items: z.array(OutboxMessage),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type OutboxPage = z.infer<typeof OutboxPage>

const CountsByClassYear = z.object(Object.fromEntries(CLASS_YEARS.map((year) => [year, z.number().int()])) as Record<(typeof CLASS_YEARS)[number], z.ZodNumber>)

/** What an advisor's home shows: the class at a glance, and who has not named a specialty yet. */
export const StudentsSummaryResponse = z.object({
  total: z.number().int(),
  byClassYear: CountsByClassYear,
  withoutSpecialtyInterest: CountsByClassYear,
})
export type StudentsSummaryResponse = z.infer<typeof StudentsSummaryResponse>
