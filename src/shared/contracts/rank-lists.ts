import { z } from 'zod'
import { Email, multilineText, requiredMultilineText, text } from './common.ts'

/**
 * Rank order lists: a student's primary list, supplemental PGY-1 lists attached to advanced
 * programs, couples' paired lines, and the advisor's review (comments, sign-off of a version).
 * The NRMP's rules these follow are in `src/server/modules/rank-lists/README.md`.
 */

/** The most lines a list may hold (the NRMP charges beyond 20 programs but accepts up to 300). */
export const MAX_RANK_LIST_LINES = 300
export const MAX_RANK_LIST_NOTE = 500

/** How a list looks to its reviewers: the stored status plus "changed since signed off". */
export const RANK_LIST_REVIEW_STATUSES = ['draft', 'submitted', 'signed-off', 'changed-since-sign-off'] as const
export type RankListReviewStatus = (typeof RANK_LIST_REVIEW_STATUSES)[number]

export const RANK_LIST_REVIEW_STATUS_LABELS: Record<RankListReviewStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted for review',
  'signed-off': 'Signed off',
  'changed-since-sign-off': 'Changed since signed off',
}

const ProgramId = z.string('Choose a program.').trim().min(1, 'Choose a program.').max(64, 'Not a valid program id.')
const Version = z.number('Send the list version you last read.').int('Send the list version you last read.').min(0, 'Send the list version you last read.')
const Note = multilineText(MAX_RANK_LIST_NOTE).default('')

export const RankListLineInput = z.object({
  /** null means "No Match" for me on a couple's line. */
  programId: ProgramId.nullable(),
  note: Note,
  /** Only on a couple's list: the partner's program on this line; null means "No Match" for the partner. */
  partnerProgramId: ProgramId.nullable().optional(),
})
export type RankListLineInput = z.infer<typeof RankListLineInput>

export const SupplementalListInput = z.object({
  advancedProgramId: ProgramId,
  entries: z
    .array(z.object({ programId: ProgramId, note: Note }), 'Send the supplemental list as a list.')
    .max(MAX_RANK_LIST_LINES, `Use at most ${MAX_RANK_LIST_LINES} lines.`),
})
export type SupplementalListInput = z.infer<typeof SupplementalListInput>

/** The whole list in one request: every change replaces it, against the version last read. */
export const ReplaceRankList = z.object({
  expectedVersion: Version,
  /** On a couple's list, the partner's version last read (their list changes too). */
  expectedPartnerVersion: Version.optional(),
  primary: z.array(RankListLineInput, 'Send the rank order list as a list.').max(MAX_RANK_LIST_LINES, `Use at most ${MAX_RANK_LIST_LINES} lines.`),
  supplemental: z.array(SupplementalListInput, 'Send the supplemental lists as a list.').max(50, 'Use at most 50 supplemental lists.').default([]),
})
export type ReplaceRankList = z.infer<typeof ReplaceRankList>

export const SubmitRankList = z.object({ expectedVersion: Version })
export type SubmitRankList = z.infer<typeof SubmitRankList>

export const SignOffRankList = z.object({ version: Version })
export type SignOffRankList = z.infer<typeof SignOffRankList>

export const CreateRankListComment = z.object({ body: requiredMultilineText(2000) })
export type CreateRankListComment = z.infer<typeof CreateRankListComment>

export const InviteCouplePartner = z.object({ partnerEmail: Email })
export type InviteCouplePartner = z.infer<typeof InviteCouplePartner>

export const RankListProgramSearchQuery = z.object({
  q: text(100).default(''),
})

const Person = z.object({ id: z.string(), name: z.string() })

export const RankListProgram = z.object({
  id: z.string(),
  name: z.string(),
  institution: z.string(),
  specialtyId: z.string(),
  specialtyName: z.string(),
  track: z.enum(['categorical', 'preliminary', 'advanced', 'reserved']),
  city: z.string(),
  state: z.string(),
  /** True when the student's program list marks an interview here. */
  interviewed: z.boolean(),
})
export type RankListProgram = z.infer<typeof RankListProgram>

export const RankListEntryView = z.object({
  rank: z.number().int(),
  /** null: "No Match" on a couple's line. */
  program: RankListProgram.nullable(),
  note: z.string(),
})
export type RankListEntryView = z.infer<typeof RankListEntryView>

export const SupplementalListView = z.object({
  advancedProgramId: z.string(),
  entries: z.array(RankListEntryView),
})
export type SupplementalListView = z.infer<typeof SupplementalListView>

export const CoupleView = z.object({
  id: z.string(),
  partner: Person,
  /** True when I sent the invitation. */
  invitedByMe: z.boolean(),
  confirmed: z.boolean(),
  createdAt: z.string(),
})
export type CoupleView = z.infer<typeof CoupleView>

export const RankListCommentView = z.object({
  id: z.string(),
  author: Person.nullable(),
  /** The author's side: the student, or their advisor. */
  authorRole: z.enum(['student', 'advisor']),
  listVersion: z.number().int(),
  body: z.string(),
  createdAt: z.string(),
})
export type RankListCommentView = z.infer<typeof RankListCommentView>

export const RankListWarning = z.object({ field: z.string(), message: z.string() })
export type RankListWarning = z.infer<typeof RankListWarning>

export const RankListView = z.object({
  student: Person,
  version: z.number().int(),
  reviewStatus: z.enum(RANK_LIST_REVIEW_STATUSES),
  submittedAt: z.string().nullable(),
  signedOff: z.object({ by: Person.nullable(), at: z.string(), version: z.number().int() }).nullable(),
  updatedAt: z.string().nullable(),
  primary: z.array(RankListEntryView),
  supplemental: z.array(SupplementalListView),
  couple: CoupleView.nullable(),
  /** A confirmed couple's partner list, line for line beside mine (same length). */
  partner: z.object({ student: Person, version: z.number().int(), primary: z.array(RankListEntryView), interviewed: z.array(RankListProgram) }).nullable(),
  /** Programs the student's program list marks as interviewed: where a list starts. */
  interviewed: z.array(RankListProgram),
  /** Things worth a second look that do not stop the list from being saved. */
  warnings: z.array(RankListWarning),
  comments: z.array(RankListCommentView),
  /** Who is reading: the student (may edit) or their assigned advisor (may comment and sign off). */
  viewer: z.enum(['self', 'assigned-advisor']),
})
export type RankListView = z.infer<typeof RankListView>

export const AdvisedRankListSummary = z.object({
  student: Person,
  classYear: z.string().nullable(),
  reviewStatus: z.enum(RANK_LIST_REVIEW_STATUSES),
  /** Lines on the primary list (0 when the student has not started). */
  lines: z.number().int(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  coupled: z.boolean(),
})
export type AdvisedRankListSummary = z.infer<typeof AdvisedRankListSummary>

export const AdvisedRankListsResponse = z.object({ items: z.array(AdvisedRankListSummary) })
export type AdvisedRankListsResponse = z.infer<typeof AdvisedRankListsResponse>

export const RankListProgramSearchResponse = z.object({ items: z.array(RankListProgram) })
export type RankListProgramSearchResponse = z.infer<typeof RankListProgramSearchResponse>

export const CoupleResponse = z.object({ couple: CoupleView.nullable() })
export type CoupleResponse = z.infer<typeof CoupleResponse>
