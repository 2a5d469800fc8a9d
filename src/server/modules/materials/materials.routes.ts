import { z } from '@hono/zod-openapi'
import {
  AcceptSuggestions,
  Comparison,
  CompareQuery,
  CreateDocument,
  DocumentList,
  DocumentView,
  MyReviews,
  ReplyToThread,
  ReviewerOptions,
  ReviewerSearch,
  SaveVersion,
  ShareVersion,
  StartThread,
  SuggestReplacement,
  VersionView,
} from '#shared/contracts/materials.ts'
import { bodyLimit } from 'hono/body-limit'
import { AppError } from '#shared/errors.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute } from '../../http/route.ts'

/** Application materials: documents and versions, shares for review, comments and suggestions, comparisons. */

const uuidParam = (name: string, what: string) =>
  z.uuid(`Not a valid ${what} id.`).openapi({ param: { name, in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' })
const DocumentIdParams = z.object({ documentId: uuidParam('documentId', 'document') })
const VersionIdParams = z.object({ versionId: uuidParam('versionId', 'version') })
const ThreadIdParams = z.object({ threadId: uuidParam('threadId', 'comment') })
const ReviewRequestIdParams = z.object({ reviewRequestId: uuidParam('reviewRequestId', 'review request') })

/** Word files for import: the size of letters' packet documents. */
export const MAX_DOCX_BYTES = 5 * 1024 * 1024
/** Paths whose bodies may exceed the API's general 2 MB limit; app.ts leaves them to this router. */
export const MATERIALS_IMPORT_PATHS = /^\/api\/materials\/documents\/[^/]+\/import$/
// Required, but checked by the service after ownership, so a stranger's call is a 404 whatever it sends.
const ImportQuery = z.object({
  basedOnVersionId: z
    .uuid('Not a valid version id.')
    .optional()
    .openapi({ param: { name: 'basedOnVersionId', in: 'query', required: true }, description: 'The version the student was looking at (required)' }),
})
const docxBody = {
  required: true,
  content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) } },
}

const TAGS = ['materials']
const STUDENT = ['student'] as const
/** Reviewers are mentors (near-peers included) and advisors; admins have no way in. */
const REVIEWERS = ['mentor', 'advisor'] as const
/** The student and the reviewers of a version. */
const PARTIES = ['student', 'mentor', 'advisor'] as const
const pdfResponse = { description: 'The PDF.', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }
const document = jsonResponse(DocumentView, 'The student’s document with its versions and review requests.')
const version = jsonResponse(VersionView, 'The version with the comments the caller may see on it.')

export function materialsRoutes() {
  const router = createRouter()
  router.use(
    '/api/materials/documents/:documentId/import',
    bodyLimit({
      maxSize: MAX_DOCX_BYTES,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 5 MB.', { file: 'At most 5 MB: save a copy without images, or paste the text.' })
      },
    }),
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'get',
      path: '/api/materials/documents',
      tags: TAGS,
      summary: 'My documents, most recently changed first',
      responses: { 200: jsonResponse(DocumentList, 'The caller’s own documents.') },
    }),
    async (c) => c.json(await c.var.services.materials.listMyDocuments(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'post',
      path: '/api/materials/documents',
      tags: TAGS,
      summary: 'Start a document with its first version',
      request: { body: jsonBody(CreateDocument) },
      responses: { 201: document },
    }),
    async (c) => c.json(await c.var.services.materials.createDocument(actorOf(c), c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'get',
      path: '/api/materials/documents/{documentId}',
      tags: TAGS,
      summary: 'One of my documents: its versions and who reviews them',
      request: { params: DocumentIdParams },
      responses: { 200: document },
    }),
    async (c) => c.json(await c.var.services.materials.getDocument(actorOf(c), c.req.valid('param').documentId), 200),
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'post',
      path: '/api/materials/documents/{documentId}/versions',
      tags: TAGS,
      summary: 'Save an edit as the next version (versions are never changed)',
      request: { params: DocumentIdParams, body: jsonBody(SaveVersion) },
      responses: { 201: document },
    }),
    async (c) => c.json(await c.var.services.materials.saveVersion(actorOf(c), c.req.valid('param').documentId, c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'post',
      path: '/api/materials/documents/{documentId}/import',
      tags: TAGS,
      summary: 'Import a Word (.docx) file’s text as the next version (judged by content; at most 5 MB)',
      request: { params: DocumentIdParams, query: ImportQuery, body: docxBody },
      responses: { 201: document },
    }),
    async (c) => {
      // Judged by its bytes in the service, whatever Content-Type the browser gave the file.
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      const { documentId } = c.req.valid('param')
      return c.json(await c.var.services.materials.importDocx(actorOf(c), documentId, c.req.valid('query').basedOnVersionId, bytes), 201)
    },
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'post',
      path: '/api/materials/documents/{documentId}/accept-suggestions',
      tags: TAGS,
      summary: 'Accept reviewers’ suggestions into a new version',
      request: { params: DocumentIdParams, body: jsonBody(AcceptSuggestions) },
      responses: { 201: version },
    }),
    async (c) => c.json(await c.var.services.materials.acceptSuggestions(actorOf(c), c.req.valid('param').documentId, c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'get',
      path: '/api/materials/documents/{documentId}/compare',
      tags: TAGS,
      summary: 'Compare two versions word by word, with the suggestions accepted between them',
      request: { params: DocumentIdParams, query: CompareQuery },
      responses: { 200: jsonResponse(Comparison, 'The differences.') },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query')
      return c.json(await c.var.services.materials.compare(actorOf(c), c.req.valid('param').documentId, from, to), 200)
    },
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'get',
      path: '/api/materials/reviewers',
      tags: TAGS,
      summary: 'People a student may ask for a review: mentors in the directory and advisors',
      request: { query: ReviewerSearch },
      responses: { 200: jsonResponse(ReviewerOptions, 'Matching people, by name.') },
    }),
    async (c) => c.json(await c.var.services.materials.searchReviewers(actorOf(c), c.req.valid('query').q), 200),
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'post',
      path: '/api/materials/versions/{versionId}/shares',
      tags: TAGS,
      summary: 'Share a version with reviewers, with a question and a due date (each is e-mailed)',
      request: { params: VersionIdParams, body: jsonBody(ShareVersion) },
      responses: { 201: document },
    }),
    async (c) => c.json(await c.var.services.materials.shareVersion(actorOf(c), c.req.valid('param').versionId, c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute(PARTIES, {
      method: 'get',
      path: '/api/materials/versions/{versionId}',
      tags: TAGS,
      summary: 'A version’s text with the comments the caller may see (the student, or a reviewer it was shared with)',
      request: { params: VersionIdParams },
      responses: { 200: version },
    }),
    async (c) => c.json(await c.var.services.materials.getVersion(actorOf(c), c.req.valid('param').versionId), 200),
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'get',
      path: '/api/materials/versions/{versionId}/pdf',
      tags: TAGS,
      summary: 'One of my versions as a clean PDF: my name, the document’s kind and title, the text (no comments, no reviewers)',
      request: { params: VersionIdParams },
      responses: { 200: pdfResponse },
    }),
    async (c) => {
      const { bytes, fileName } = await c.var.services.materials.exportVersionPdf(actorOf(c), c.req.valid('param').versionId)
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        // The name is ASCII letters, digits and hyphens only (domain/pdf-file-name.ts).
        'content-disposition': `attachment; filename="${fileName}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      })
    },
  )

  router.openapi(
    guardedRoute(REVIEWERS, {
      method: 'post',
      path: '/api/materials/versions/{versionId}/threads',
      tags: TAGS,
      summary: 'Comment on a range of the version’s text, optionally suggesting new wording',
      request: { params: VersionIdParams, body: jsonBody(StartThread) },
      responses: { 201: version },
    }),
    async (c) => c.json(await c.var.services.materials.startThread(actorOf(c), c.req.valid('param').versionId, c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute(PARTIES, {
      method: 'post',
      path: '/api/materials/threads/{threadId}/replies',
      tags: TAGS,
      summary: 'Reply in a comment thread (its student or its reviewer)',
      request: { params: ThreadIdParams, body: jsonBody(ReplyToThread) },
      responses: { 201: version },
    }),
    async (c) => c.json(await c.var.services.materials.reply(actorOf(c), c.req.valid('param').threadId, c.req.valid('json').body), 201),
  )

  router.openapi(
    guardedRoute(PARTIES, {
      method: 'post',
      path: '/api/materials/threads/{threadId}/resolve',
      tags: TAGS,
      summary: 'Mark a comment thread resolved',
      request: { params: ThreadIdParams },
      responses: { 200: version },
    }),
    async (c) => c.json(await c.var.services.materials.resolve(actorOf(c), c.req.valid('param').threadId), 200),
  )

  router.openapi(
    guardedRoute(REVIEWERS, {
      method: 'post',
      path: '/api/materials/threads/{threadId}/suggestion',
      tags: TAGS,
      summary: 'Suggest (or change) the wording for a comment’s range while the thread is open',
      request: { params: ThreadIdParams, body: jsonBody(SuggestReplacement) },
      responses: { 200: version },
    }),
    async (c) => c.json(await c.var.services.materials.suggest(actorOf(c), c.req.valid('param').threadId, c.req.valid('json').suggestion), 200),
  )

  router.openapi(
    guardedRoute(STUDENT, {
      method: 'post',
      path: '/api/materials/threads/{threadId}/reject',
      tags: TAGS,
      summary: 'Reject a suggestion (the thread stays open for replies)',
      request: { params: ThreadIdParams },
      responses: { 200: version },
    }),
    async (c) => c.json(await c.var.services.materials.rejectSuggestion(actorOf(c), c.req.valid('param').threadId), 200),
  )

  router.openapi(
    guardedRoute(REVIEWERS, {
      method: 'get',
      path: '/api/materials/reviews',
      tags: TAGS,
      summary: 'The versions shared with me for review, soonest due first',
      responses: { 200: jsonResponse(MyReviews, 'The caller’s review requests.') },
    }),
    async (c) => c.json(await c.var.services.materials.myReviews(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(REVIEWERS, {
      method: 'post',
      path: '/api/materials/reviews/{reviewRequestId}/finish',
      tags: TAGS,
      summary: 'Tell the student the review is done',
      request: { params: ReviewRequestIdParams },
      responses: { 200: jsonResponse(MyReviews, 'The caller’s review requests.') },
    }),
    async (c) => c.json(await c.var.services.materials.finishReview(actorOf(c), c.req.valid('param').reviewRequestId), 200),
  )

  return router
}
