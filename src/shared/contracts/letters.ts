import { z } from 'zod'
import { LETTER_PACKET_DOCUMENTS, LETTER_PURPOSES, LETTER_STATUSES, LETTER_TYPES } from '../enums.ts'
import { SPECIALTY_IDS } from '../reference/specialties.ts'
import { Email, IsoDate, multilineText, PageQuery, personName, requiredMultilineText, text, Uuid } from './common.ts'

/** Letters of recommendation: what the web app sends and receives (decision 008). */

export const MAX_LETTER_BYTES = 10 * 1024 * 1024
export const MAX_PACKET_DOCUMENT_BYTES = 5 * 1024 * 1024
/** A due date closer than this earns a warning: writers need about four weeks. */
export const LETTER_NOTICE_DAYS = 28
/** A student may nudge a writer through the app once per this many hours. */
export const LETTER_NUDGE_INTERVAL_HOURS = 72
/**
 * The first nudge waits this many days after the request: a writer needs a few days to read the
 * request and answer, and a reminder in the first week reads as pressure, not as a kind note.
 */
export const LETTER_FIRST_NUDGE_DAYS = 7
/**
 * A one-time upload link for a writer without an account works until a week after the due date
 * (writers often finish on the day), for at least 14 days (a short-notice letter still gets time)
 * and at most a year (a forgotten link does not live on).
 */
export const LETTER_UPLOAD_LINK = { minDays: 14, daysAfterDueDate: 7, maxDays: 365 } as const

/**
 * A program's name ends up in e-mails, so, like a person's name (`personName`), it is a name and
 * not a place to put a link: no web or e-mail address. `text` already keeps it to one line.
 */
const LINK_IN_NAME = /(:\/\/|www\.|@|\.(com|net|org|edu|gov|io|co|ly|me|info|biz|app|xyz|link|site|online|top|ru|cn|uk|us)\b)/i
const nameInEmail = (max: number) => text(max).refine((value) => !LINK_IN_NAME.test(value), 'Give a name only, without a web or e-mail address.')

/**
 * A new request. The writer is a person with the mentor role (`writerPersonId`) or someone
 * outside the app (`writerName` and `writerEmail`). `waivedRightOfAccess` has no default: the
 * student answers it on every request.
 */
export const CreateLetterRequest = z
  .object({
    writerPersonId: Uuid.optional(),
    writerName: personName(120).optional(),
    writerEmail: Email.optional(),
    purpose: z.enum(LETTER_PURPOSES, 'Choose a specialty, a program, or general.'),
    specialtyId: z.enum(SPECIALTY_IDS as [string, ...string[]], 'Choose a specialty from the list.').optional(),
    programName: nameInEmail(200).optional(),
    letterType: z.enum(LETTER_TYPES, 'Choose the kind of letter.'),
    dueDate: IsoDate,
    erasLetterId: z
      .string()
      .trim()
      .max(40, 'Use at most 40 characters.')
      .regex(/^[A-Za-z0-9-]*$/, 'Use the letter ID as ERAS shows it (letters, digits and dashes).')
      .optional(),
    talkingPoints: multilineText(5000).optional(),
    waivedRightOfAccess: z.boolean('Say whether you waive your right to read this letter.'),
  })
  .superRefine((input, ctx) => {
    const outside = Boolean(input.writerName || input.writerEmail)
    if (input.writerPersonId && outside)
      ctx.addIssue({ code: 'custom', path: ['writerPersonId'], message: 'Choose a mentor in the app or name an outside writer, not both.' })
    if (!input.writerPersonId && !outside) ctx.addIssue({ code: 'custom', path: ['writerPersonId'], message: 'Choose a writer.' })
    if (!input.writerPersonId && outside) {
      if (!input.writerName) ctx.addIssue({ code: 'custom', path: ['writerName'], message: 'Give the writer’s name.' })
      if (!input.writerEmail) ctx.addIssue({ code: 'custom', path: ['writerEmail'], message: 'Give the writer’s e-mail address.' })
    }
    if (input.purpose === 'specialty' && !input.specialtyId) ctx.addIssue({ code: 'custom', path: ['specialtyId'], message: 'Choose the specialty.' })
    if (input.purpose === 'program' && !input.programName) ctx.addIssue({ code: 'custom', path: ['programName'], message: 'Name the program.' })
  })
export type CreateLetterRequest = z.infer<typeof CreateLetterRequest>

export const WriterReply = z.object({ message: multilineText(2000).optional() })
export type WriterReply = z.infer<typeof WriterReply>

export const RevokeWaiverRequest = z.object({
  statement: requiredMultilineText(2000),
})
export type RevokeWaiverRequest = z.infer<typeof RevokeWaiverRequest>

export const LetterListQuery = PageQuery.extend({ status: z.enum(LETTER_STATUSES).optional() })
export type LetterListQuery = z.infer<typeof LetterListQuery>

const StoredFile = z.object({ sizeBytes: z.number().int(), uploadedAt: z.string() })

/**
 * One request as a viewer may see it. Sections the viewer may not see are absent: a student's
 * view of a waived letter has no `letter` field at all; advisors get no packet or talking points.
 */
export const LetterRequestView = z.object({
  id: z.string(),
  student: z.object({ id: z.string(), name: z.string() }),
  /** `email` only in the Office's view: whoever delivers a letter sees where it came from. */
  writer: z.object({ personId: z.string().nullable(), name: z.string(), outside: z.boolean(), email: z.string().optional() }),
  purpose: z.enum(LETTER_PURPOSES),
  specialtyId: z.string().nullable(),
  programName: z.string().nullable(),
  letterType: z.enum(LETTER_TYPES),
  dueDate: z.string(),
  erasLetterId: z.string().nullable(),
  waivedRightOfAccess: z.boolean(),
  waiverRecordedAt: z.string(),
  status: z.enum(LETTER_STATUSES),
  statusChangedAt: z.string(),
  writerMessage: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  isLate: z.boolean(),
  talkingPoints: z.string().optional(),
  packet: z.object({ cv: StoredFile.nullable(), personalStatement: StoredFile.nullable() }).optional(),
  letter: StoredFile.nullable().optional(),
  thankedAt: z.string().nullable().optional(),
  nudge: z.object({ lastNudgedAt: z.string().nullable(), nextNudgeAt: z.string().nullable() }).optional(),
  uploadLink: z.object({ active: z.boolean(), expiresAt: z.string().nullable() }).nullable().optional(),
})
export type LetterRequestView = z.infer<typeof LetterRequestView>

export const CreateLetterResponse = z.object({
  request: LetterRequestView,
  /** Set when the due date is less than four weeks away. */
  dueDateWarning: z.string().nullable(),
})
export type CreateLetterResponse = z.infer<typeof CreateLetterResponse>

export const MyLettersResponse = z.object({
  items: z.array(LetterRequestView),
  done: z.array(z.string()),
  late: z.array(z.string()),
  toThank: z.array(z.object({ requestId: z.string(), writerName: z.string() })),
  waiverRevokedAt: z.string().nullable(),
})
export type MyLettersResponse = z.infer<typeof MyLettersResponse>

export const WriterLettersResponse = z.object({
  items: z.array(LetterRequestView),
  /** Requests this writer has not declined and the student has not withdrawn, due this season. */
  load: z.object({ season: z.string(), total: z.number().int(), open: z.number().int(), submitted: z.number().int() }),
})
export type WriterLettersResponse = z.infer<typeof WriterLettersResponse>

export const LetterRequestPage = z.object({
  items: z.array(LetterRequestView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type LetterRequestPage = z.infer<typeof LetterRequestPage>

export const WaiverRevocationResponse = z.object({ revokedAt: z.string() })

/** What a writer without an account sees through their one-time link. */
export const UploadLinkSummary = z.object({
  studentName: z.string(),
  writerName: z.string(),
  purpose: z.enum(LETTER_PURPOSES),
  specialtyId: z.string().nullable(),
  programName: z.string().nullable(),
  letterType: z.enum(LETTER_TYPES),
  dueDate: z.string(),
  erasLetterId: z.string().nullable(),
  waivedRightOfAccess: z.boolean(),
  talkingPoints: z.string(),
  packet: z.object({ cv: z.boolean(), personalStatement: z.boolean() }),
  expiresAt: z.string(),
})
export type UploadLinkSummary = z.infer<typeof UploadLinkSummary>

export const LetterPacketDocumentParam = z.enum(LETTER_PACKET_DOCUMENTS, 'Use cv or personal-statement.')
