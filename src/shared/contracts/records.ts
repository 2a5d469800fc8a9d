import { z } from '@hono/zod-openapi'
import { requiredMultilineText, requiredText } from './common.ts'

/** FERPA rights of a student (34 CFR Part 99): directory hold, inspection, access record, amendment. */

export const DirectoryHoldView = z.object({
  hold: z.boolean(),
  /** When the student last opted out or back in; null when they never changed it. */
  changedAt: z.string().nullable(),
})
export type DirectoryHoldView = z.infer<typeof DirectoryHoldView>

export const DirectoryHoldInput = z.object({ hold: z.boolean('Say whether to hold your directory information: true or false.') })

/** One part of what the school holds about a student, as the owning module gives it. */
export const RecordSection = z.object({
  key: z.string(),
  title: z.string(),
  /** Plain words: what this part is and where it comes from. */
  description: z.string(),
  items: z.array(z.record(z.string(), z.unknown())),
})
export type RecordSection = z.infer<typeof RecordSection>

export const RecordsExport = z.object({
  student: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  generatedAt: z.string(),
  sections: z.array(RecordSection),
  /** What the school holds that is not shown here, and why. */
  notIncluded: z.array(z.object({ what: z.string(), why: z.string() })),
})
export type RecordsExport = z.infer<typeof RecordsExport>

export const RecordAccessEntry = z.object({
  at: z.string(),
  who: z.object({ id: z.string().nullable(), name: z.string(), role: z.string() }),
  /** What was read, in plain words (never its content). */
  what: z.string(),
})
export const RecordAccessLog = z.object({ entries: z.array(RecordAccessEntry), total: z.number().int() })
export type RecordAccessLog = z.infer<typeof RecordAccessLog>

export const AMENDMENT_STATUSES = ['requested', 'amended', 'refused'] as const
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number]

export const AmendmentRequestInput = z.object({
  record: requiredText(200),
  problem: requiredMultilineText(2000),
  correction: requiredMultilineText(2000),
})
export type AmendmentRequestInput = z.infer<typeof AmendmentRequestInput>

export const AmendmentDecisionInput = z.object({
  decision: z.enum(['amended', 'refused'], 'Choose amend or refuse.'),
  reason: requiredMultilineText(2000).refine((v) => v.length >= 10, 'Give the reason in at least 10 characters.'),
})
export type AmendmentDecisionInput = z.infer<typeof AmendmentDecisionInput>

export const AmendmentStatementInput = z.object({ statement: requiredMultilineText(4000) })

export const AmendmentView = z.object({
  id: z.string(),
  student: z.object({ id: z.string(), name: z.string() }),
  record: z.string(),
  problem: z.string(),
  correction: z.string(),
  status: z.enum(AMENDMENT_STATUSES),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  /** The student's statement after a refusal, kept with the record and shown with it. */
  statement: z.string().nullable(),
  statementAt: z.string().nullable(),
})
export type AmendmentView = z.infer<typeof AmendmentView>
export const AmendmentList = z.object({ amendments: z.array(AmendmentView) })
export type AmendmentList = z.infer<typeof AmendmentList>
