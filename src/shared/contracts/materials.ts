import { z } from '@hono/zod-openapi'
import { countCharacters, MATERIAL_KINDS, MATERIAL_STORAGE_LIMIT } from '../reference/application-limits.ts'
import { IsoDate, multilineText, requiredMultilineText, requiredText, text, Uuid } from './common.ts'

/** Lengths of what people type around a document (its text is capped by `MATERIAL_STORAGE_LIMIT`). */
export const MATERIALS_LIMITS = { title: 120, target: 120, question: 1000, comment: 4000, suggestion: 4000, reviewers: 5 } as const

/** A document's text: kept as typed (line breaks, indentation), capped by Preceptor's storage limit, counted as the page counts. */
export const DocumentText = z
  .string()
  .refine((value) => countCharacters(value) <= MATERIAL_STORAGE_LIMIT, `Use at most ${MATERIAL_STORAGE_LIMIT.toLocaleString('en-US')} characters.`)
  .pipe(multilineText(MATERIAL_STORAGE_LIMIT * 2))
  .refine((value) => value.length > 0, 'Write something before saving.')

export const CreateDocument = z.object({
  kind: z.enum(MATERIAL_KINDS, 'Choose a kind of document from the list.'),
  title: requiredText(MATERIALS_LIMITS.title),
  /** The specialty or program a personal statement is for; empty for a general one. */
  target: text(MATERIALS_LIMITS.target).default(''),
  body: DocumentText,
})
export type CreateDocument = z.infer<typeof CreateDocument>

export const SaveVersion = z.object({
  body: DocumentText,
  /** The newest version the student edited from: a save over a newer one is refused (409), never lost. */
  basedOnVersionId: Uuid,
})
export type SaveVersion = z.infer<typeof SaveVersion>

export const ShareVersion = z.object({
  reviewerIds: z
    .array(Uuid)
    .min(1, 'Choose at least one reviewer.')
    .max(MATERIALS_LIMITS.reviewers, `Choose at most ${MATERIALS_LIMITS.reviewers} reviewers at a time.`),
  dueDate: IsoDate,
  question: requiredMultilineText(MATERIALS_LIMITS.question),
})
export type ShareVersion = z.infer<typeof ShareVersion>

export const ReviewerSearch = z.object({ q: text(100).default('') })

/** Offsets are UTF-16 code units into the version's text, as a browser's text selection gives them. */
export const StartThread = z.object({
  start: z.number('Give where the comment starts.').int('Use a whole number.').min(0, 'The range starts at 0 or later.'),
  end: z.number('Give where the comment ends.').int('Use a whole number.').min(0, 'The range ends at 0 or later.'),
  body: requiredMultilineText(MATERIALS_LIMITS.comment),
  /** Text to put in place of the range; absent for a comment only. An empty string proposes deleting the range. */
  suggestion: multilineText(MATERIALS_LIMITS.suggestion).optional(),
})
export type StartThread = z.infer<typeof StartThread>

export const ReplyToThread = z.object({ body: requiredMultilineText(MATERIALS_LIMITS.comment) })
export const SuggestReplacement = z.object({ suggestion: multilineText(MATERIALS_LIMITS.suggestion) })

export const AcceptSuggestions = z.object({
  threadIds: z.array(Uuid).min(1, 'Choose at least one suggestion to accept.').max(200, 'Accept at most 200 suggestions at once.'),
  /** The version the suggestions are applied to: it must still be the newest. */
  versionId: Uuid,
})
export type AcceptSuggestions = z.infer<typeof AcceptSuggestions>

/** Both absent: the newest version against the one before it. */
export const CompareQuery = z.object({ from: Uuid.optional(), to: Uuid.optional() })

const MaterialKindSchema = z.enum(MATERIAL_KINDS)
const SuggestionStateSchema = z.enum(['pending', 'accepted', 'rejected'])

export const VersionSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  createdAt: z.string(),
  characters: z.number().int(),
  /** How it came to be: "Written", or which suggestions were accepted into it. */
  note: z.string(),
})
export type VersionSummary = z.infer<typeof VersionSummary>

export const ReviewRequestView = z.object({
  id: z.string(),
  versionId: z.string(),
  versionNumber: z.number().int(),
  reviewer: z.object({ id: z.string(), name: z.string() }),
  question: z.string(),
  dueDate: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
})
export type ReviewRequestView = z.infer<typeof ReviewRequestView>

export const DocumentSummary = z.object({
  id: z.string(),
  kind: MaterialKindSchema,
  title: z.string(),
  target: z.string(),
  latestVersion: VersionSummary,
  versionCount: z.number().int(),
  openThreads: z.number().int(),
  updatedAt: z.string(),
})
export type DocumentSummary = z.infer<typeof DocumentSummary>

export const DocumentList = z.object({ items: z.array(DocumentSummary) })
export type DocumentList = z.infer<typeof DocumentList>

export const DocumentView = DocumentSummary.extend({
  versions: z.array(VersionSummary),
  reviews: z.array(ReviewRequestView),
})
export type DocumentView = z.infer<typeof DocumentView>

export const ReplyView = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  mine: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
})

/**
 * A comment thread as seen on one version. `anchor` is where its quoted text sits in that
 * version: where it was made, found again after edits, or null when the text is gone
 * (`outdated`), in which case the quote is still shown.
 */
export const ThreadView = z.object({
  id: z.string(),
  madeOnVersion: z.number().int(),
  author: z.object({ id: z.string(), name: z.string() }),
  mine: z.boolean(),
  quote: z.string(),
  anchor: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  outdated: z.boolean(),
  body: z.string(),
  suggestion: z.string().nullable(),
  suggestionState: SuggestionStateSchema.nullable(),
  acceptedIntoVersion: z.number().int().nullable(),
  resolved: z.boolean(),
  replies: z.array(ReplyView),
  createdAt: z.string(),
})
export type ThreadView = z.infer<typeof ThreadView>

/** One version's text with the threads the caller may see on it. */
export const VersionView = z.object({
  id: z.string(),
  number: z.number().int(),
  isLatest: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
  document: z.object({ id: z.string(), kind: MaterialKindSchema, title: z.string(), target: z.string() }),
  student: z.object({ id: z.string(), name: z.string() }),
  /** The caller's review request of this version (a reviewer), or null (the student). */
  review: z.object({ id: z.string(), question: z.string(), dueDate: z.string(), finishedAt: z.string().nullable() }).nullable(),
  threads: z.array(ThreadView),
  can: z.object({ comment: z.boolean(), acceptSuggestions: z.boolean() }),
})
export type VersionView = z.infer<typeof VersionView>

export const DiffSegment = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })
export type DiffSegment = z.infer<typeof DiffSegment>

export const Comparison = z.object({
  document: z.object({ id: z.string(), title: z.string() }),
  from: VersionSummary,
  to: VersionSummary,
  segments: z.array(DiffSegment),
  inserted: z.number().int(),
  deleted: z.number().int(),
  /** The suggestions accepted into the versions after `from` up to `to`: the comments that led to the changes. */
  acceptedSuggestions: z.array(
    z.object({ threadId: z.string(), version: z.number().int(), reviewer: z.string(), quote: z.string(), suggestion: z.string(), body: z.string() }),
  ),
})
export type Comparison = z.infer<typeof Comparison>

export const ReviewerOption = z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) })
export const ReviewerOptions = z.object({ items: z.array(ReviewerOption) })
export type ReviewerOptions = z.infer<typeof ReviewerOptions>

/** A reviewer's own requests: what they have been asked to read, and by when. */
export const MyReviews = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      versionId: z.string(),
      student: z.object({ id: z.string(), name: z.string() }),
      documentTitle: z.string(),
      kind: MaterialKindSchema,
      versionNumber: z.number().int(),
      question: z.string(),
      dueDate: z.string(),
      createdAt: z.string(),
      finishedAt: z.string().nullable(),
      myThreads: z.number().int(),
    }),
  ),
})
export type MyReviews = z.infer<typeof MyReviews>
