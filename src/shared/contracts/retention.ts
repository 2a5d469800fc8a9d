import { z } from '@hono/zod-openapi'

/** The school's retention of graduates' records (decision 038). */

export const LETTER_RETENTION_RULES = ['remove-content', 'keep'] as const
export type LetterRetentionRule = (typeof LETTER_RETENTION_RULES)[number]

export const RETENTION_RUN_KINDS = ['dry-run', 'apply', 'scheduled'] as const
export type RetentionRunKind = (typeof RETENTION_RUN_KINDS)[number]

export const RETENTION_ACTIONS = ['anonymise', 'delete', 'keep'] as const
export type RetentionAction = (typeof RETENTION_ACTIONS)[number]

export const RetentionSettingsInput = z.object({
  years: z
    .number('Give the number of years as a whole number.')
    .int('Give the number of years as a whole number.')
    .min(1, 'Keep records at least 1 year after graduation.')
    .max(100, 'Keep records at most 100 years after graduation.')
    .openapi({ example: 6 }),
  letters: z.enum(LETTER_RETENTION_RULES, 'Choose what happens to letters: remove-content or keep.').openapi({ example: 'remove-content' }),
  scheduled: z.boolean('Say whether the scheduled run applies the rule: true or false.').openapi({ example: false }),
})
export type RetentionSettingsInput = z.infer<typeof RetentionSettingsInput>

export const RetentionSettingsView = RetentionSettingsInput.extend({
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
})
export type RetentionSettingsView = z.infer<typeof RetentionSettingsView>

export const RetentionTableLine = z.object({
  table: z.string(),
  action: z.enum(RETENTION_ACTIONS),
  /** What happens to the rows, in plain words. */
  what: z.string(),
  rows: z.number().int(),
})
export type RetentionTableLine = z.infer<typeof RetentionTableLine>

export const RetentionPerson = z.object({ id: z.string(), name: z.string(), graduationYear: z.number().int() })

export const RetentionReport = z.object({
  /** The run this report was kept as. */
  runId: z.string(),
  kind: z.enum(RETENTION_RUN_KINDS),
  ranAt: z.string(),
  years: z.number().int(),
  letters: z.enum(LETTER_RETENTION_RULES),
  /** Graduates of this year or earlier are past the period. */
  graduatedByYear: z.number().int(),
  people: z.array(RetentionPerson),
  /** Graduates past the period who are left as they are, and why (e.g. they mentor here now). */
  held: z.array(RetentionPerson.extend({ why: z.string() })),
  tables: z.array(RetentionTableLine),
})
export type RetentionReport = z.infer<typeof RetentionReport>

export const RetentionRunSummary = z.object({
  id: z.string(),
  kind: z.enum(RETENTION_RUN_KINDS),
  ranAt: z.string(),
  ranBy: z.string().nullable(),
  years: z.number().int(),
  letters: z.enum(LETTER_RETENTION_RULES),
  people: z.number().int(),
})
export const RetentionOverview = z.object({ settings: RetentionSettingsView, runs: z.array(RetentionRunSummary) })
export type RetentionOverview = z.infer<typeof RetentionOverview>

export const RetentionApplyInput = z.object({
  /** The dry run the admin read: the application refuses if the list of people has changed since. */
  dryRunId: z.uuid('Give the id of the dry run you read.').openapi({ example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e12' }),
})
export type RetentionApplyInput = z.infer<typeof RetentionApplyInput>
