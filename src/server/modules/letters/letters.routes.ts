import { z } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import {
  CreateLetterRequest,
  CreateLetterResponse,
  LetterListQuery,
  LetterPacketDocumentParam,
  LetterRequestPage,
  LetterRequestView,
  MAX_LETTER_BYTES,
  MAX_PACKET_DOCUMENT_BYTES,
  MyLettersResponse,
  RevokeWaiverRequest,
  UploadLinkSummary,
  WaiverRevocationResponse,
  WriterLettersResponse,
  WriterReply,
} from '#shared/contracts/letters.ts'
import { OkResponse } from '#shared/contracts/common.ts'
import { AppError } from '#shared/errors.ts'
import { actorOf } from '../../http/access.ts'
import type { AppEnv } from '../../http/app-env.ts'
import { jsonBody, jsonResponse, PersonIdParams } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/**
 * Letters of recommendation (decision 008). PDFs travel as raw `application/pdf` bodies and
 * are judged by content in the service. Upload routes have their own size limit (the rest of
 * the API keeps 2 MB): see `LETTER_UPLOAD_PATHS`.
 */

/** Paths whose bodies may exceed the API's general 2 MB limit; app.ts leaves them to this router. */
export const LETTER_UPLOAD_PATHS = /^\/api\/(letter-requests\/[^/]+\/(letter|packet\/[^/]+)|letter-upload\/[^/]+\/letter)$/

const LetterRequestIdParams = z.object({
  letterRequestId: z
    .uuid('Not a valid letter request id.')
    .openapi({ param: { name: 'letterRequestId', in: 'path', required: true }, example: '5f0c6c1e-3a0b-4c1e-9d7a-2b1f0c6f1c22' }),
})
const PacketParams = LetterRequestIdParams.extend({
  document: LetterPacketDocumentParam.openapi({ param: { name: 'document', in: 'path', required: true }, example: 'cv' }),
})
const TokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(100, 'Not a valid link.')
    .openapi({ param: { name: 'token', in: 'path', required: true } }),
})
const TokenPacketParams = TokenParams.extend({
  document: LetterPacketDocumentParam.openapi({ param: { name: 'document', in: 'path', required: true }, example: 'cv' }),
})

const AttachVersion = z.object({ versionId: z.uuid('Choose a version of one of your documents.') })

const pdfBody = { required: true, content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }
const pdfResponse = { description: 'The PDF.', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }
const requestView = jsonResponse(LetterRequestView, 'The request, as the caller may see it.')

function sizeLimit(maxBytes: number, what: string): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `The ${what} is larger than ${maxBytes / 1024 / 1024} MB.`, {
        [what === 'letter' ? 'letter' : 'document']: `At most ${maxBytes / 1024 / 1024} MB.`,
      })
    },
  })
}

/** The raw bytes of a PDF upload; anything but `application/pdf` is refused before reading. */
async function pdfBytes(c: Context<AppEnv>, field: string): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/pdf')
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the file as a PDF (Content-Type: application/pdf).', { [field]: 'Choose a PDF file.' })
  return new Uint8Array(await c.req.arrayBuffer())
}

function pdf(c: Context<AppEnv>, bytes: Uint8Array, filename: string) {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${filename}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
}

export function lettersRoutes() {
  const router = createRouter()
  router.use('/api/letter-requests/:letterRequestId/letter', sizeLimit(MAX_LETTER_BYTES, 'letter'))
  router.use('/api/letter-requests/:letterRequestId/packet/:document', sizeLimit(MAX_PACKET_DOCUMENT_BYTES, 'document'))
  router.use('/api/letter-upload/:token/letter', sizeLimit(MAX_LETTER_BYTES, 'letter'))

  // Lists first: their static paths must not be read as ids.
  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/letters/mine',
      tags: ['letters'],
      summary: 'My letters: every request, which are done, late, and whom to thank',
      responses: { 200: jsonResponse(MyLettersResponse, 'My letter requests.') },
    }),
    async (c) => c.json(await c.var.services.letters.listMine(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['mentor'], {
      method: 'get',
      path: '/api/letters/writing',
      tags: ['letters'],
      summary: 'Letters I am asked to write, across students, and my load this season',
      responses: { 200: jsonResponse(WriterLettersResponse, 'The requests to me.') },
    }),
    async (c) => c.json(await c.var.services.letters.listWriting(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/letters/students/{personId}',
      tags: ['letters'],
      summary: 'A student’s letter requests: writers, statuses and due dates (never content)',
      request: { params: PersonIdParams },
      responses: { 200: jsonResponse(z.object({ items: z.array(LetterRequestView) }), 'The student’s requests.') },
    }),
    async (c) => c.json(await c.var.services.letters.listForStudent(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/letters/all',
      tags: ['letters'],
      summary: 'Every letter request, by due date (for delivering letters)',
      request: { query: LetterListQuery },
      responses: { 200: jsonResponse(LetterRequestPage, 'A page of requests.') },
    }),
    async (c) => c.json(await c.var.services.letters.listAll(actorOf(c), c.req.valid('query')), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/letters/waiver-revocations',
      tags: ['letters'],
      summary: 'Revoke, in writing, the waiver of access for letters requested from now on',
      request: { body: jsonBody(RevokeWaiverRequest) },
      responses: { 200: jsonResponse(WaiverRevocationResponse, 'Recorded.') },
    }),
    async (c) => c.json(await c.var.services.letters.revokeWaiver(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/letter-requests',
      tags: ['letters'],
      summary: 'Ask a mentor, or a writer outside the app, for a letter',
      request: { body: jsonBody(CreateLetterRequest) },
      responses: { 201: jsonResponse(CreateLetterResponse, 'Requested; `dueDateWarning` is set when the due date is under four weeks away.') },
    }),
    async (c) => c.json(await c.var.services.letters.createRequest(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/letter-requests/{letterRequestId}',
      tags: ['letters'],
      summary: 'One request, as the caller may see it',
      request: { params: LetterRequestIdParams },
      responses: { 200: requestView },
    }),
    async (c) => c.json(await c.var.services.letters.getRequest(actorOf(c), c.req.valid('param').letterRequestId, requestMeta(c)), 200),
  )

  const studentAction = (path: string, summary: string, run: 'withdraw' | 'nudge' | 'markThanked') =>
    router.openapi(
      guardedRoute(['student'], {
        method: 'post',
        path: `/api/letter-requests/{letterRequestId}/${path}`,
        tags: ['letters'],
        summary,
        request: { params: LetterRequestIdParams },
        responses: { 200: requestView },
      }),
      async (c) => c.json(await c.var.services.letters[run](actorOf(c), c.req.valid('param').letterRequestId, requestMeta(c)), 200),
    )
  studentAction('withdraw', 'Withdraw my request', 'withdraw')
  studentAction('nudge', 'Send the writer one polite nudge (at most once every 72 hours)', 'nudge')
  studentAction('thanked', 'Mark the writer thanked', 'markThanked')

  for (const [path, accepted] of [
    ['accept', true],
    ['decline', false],
  ] as const) {
    router.openapi(
      guardedRoute(['mentor'], {
        method: 'post',
        path: `/api/letter-requests/{letterRequestId}/${path}`,
        tags: ['letters'],
        summary: accepted ? 'Accept a request (optional message to the student)' : 'Decline a request (optional message to the student)',
        request: { params: LetterRequestIdParams, body: jsonBody(WriterReply) },
        responses: { 200: requestView },
      }),
      async (c) =>
        c.json(await c.var.services.letters.reply(actorOf(c), c.req.valid('param').letterRequestId, accepted, c.req.valid('json'), requestMeta(c)), 200),
    )
  }

  router.openapi(
    guardedRoute(['mentor'], {
      method: 'post',
      path: '/api/letter-requests/{letterRequestId}/in-progress',
      tags: ['letters'],
      summary: 'Mark the letter in progress',
      request: { params: LetterRequestIdParams },
      responses: { 200: requestView },
    }),
    async (c) => c.json(await c.var.services.letters.markInProgress(actorOf(c), c.req.valid('param').letterRequestId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/letter-requests/{letterRequestId}/deliver',
      tags: ['letters'],
      summary: 'Mark a submitted letter delivered',
      request: { params: LetterRequestIdParams },
      responses: { 200: requestView },
    }),
    async (c) => c.json(await c.var.services.letters.deliver(actorOf(c), c.req.valid('param').letterRequestId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'put',
      path: '/api/letter-requests/{letterRequestId}/packet/{document}',
      tags: ['letters'],
      summary: 'Upload my CV or personal statement for the writer (PDF, at most 5 MB; checked by content)',
      request: { params: PacketParams, body: pdfBody },
      responses: { 200: requestView },
    }),
    async (c) => {
      const { letterRequestId, document } = c.req.valid('param')
      return c.json(await c.var.services.letters.uploadPacketDocument(actorOf(c), letterRequestId, document, await pdfBytes(c, document), requestMeta(c)), 200)
    },
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'put',
      path: '/api/letter-requests/{letterRequestId}/packet/{document}/from-materials',
      tags: ['letters'],
      summary: 'Put a version of my CV or personal statement from my documents in the packet, as a PDF with my name and its text',
      request: { params: PacketParams, body: jsonBody(AttachVersion) },
      responses: { 200: requestView },
    }),
    async (c) => {
      const { letterRequestId, document } = c.req.valid('param')
      const actor = actorOf(c)
      const { versionId } = c.req.valid('json')
      const render = () => c.var.services.materials.packetPdf(actor, versionId, document)
      return c.json(await c.var.services.letters.attachPacketDocumentFrom(actor, letterRequestId, document, render, requestMeta(c)), 200)
    },
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/letter-requests/{letterRequestId}/packet/{document}',
      tags: ['letters'],
      summary: 'A packet document (the student, the writer, admins)',
      request: { params: PacketParams },
      responses: { 200: pdfResponse },
    }),
    async (c) => {
      const { letterRequestId, document } = c.req.valid('param')
      return pdf(c, await c.var.services.letters.getPacketDocument(actorOf(c), letterRequestId, document), `${document}.pdf`)
    },
  )

  router.openapi(
    guardedRoute(['mentor'], {
      method: 'put',
      path: '/api/letter-requests/{letterRequestId}/letter',
      tags: ['letters'],
      summary: 'Upload the letter (PDF, at most 10 MB; checked by content; not encrypted)',
      request: { params: LetterRequestIdParams, body: pdfBody },
      responses: { 200: requestView },
    }),
    async (c) => {
      const id = c.req.valid('param').letterRequestId
      return c.json(await c.var.services.letters.uploadLetter(actorOf(c), id, await pdfBytes(c, 'letter'), requestMeta(c)), 200)
    },
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/letter-requests/{letterRequestId}/letter',
      tags: ['letters'],
      summary: 'Download the letter: its writer and admins; the student only if they did not waive access. Every read is audited.',
      request: { params: LetterRequestIdParams },
      responses: { 200: pdfResponse },
    }),
    async (c) => pdf(c, await c.var.services.letters.readLetter(actorOf(c), c.req.valid('param').letterRequestId, requestMeta(c)), 'letter.pdf'),
  )

  router.openapi(
    guardedRoute(['student', 'admin'], {
      method: 'post',
      path: '/api/letter-requests/{letterRequestId}/upload-link',
      tags: ['letters'],
      summary: 'E-mail the outside writer a new one-time upload link (earlier links stop working)',
      request: { params: LetterRequestIdParams },
      responses: { 200: requestView },
    }),
    async (c) => c.json(await c.var.services.letters.issueUploadLink(actorOf(c), c.req.valid('param').letterRequestId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student', 'admin'], {
      method: 'delete',
      path: '/api/letter-requests/{letterRequestId}/upload-link',
      tags: ['letters'],
      summary: 'Revoke the outside writer’s upload link',
      request: { params: LetterRequestIdParams },
      responses: { 200: requestView },
    }),
    async (c) => c.json(await c.var.services.letters.revokeUploadLink(actorOf(c), c.req.valid('param').letterRequestId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('public', {
      method: 'get',
      path: '/api/letter-upload/{token}',
      tags: ['letters'],
      summary: 'For a writer without an account: the request and packet their one-time link is for',
      request: { params: TokenParams },
      responses: { 200: jsonResponse(UploadLinkSummary, 'The request.') },
    }),
    async (c) => c.json(await c.var.services.letters.getUploadLinkSummary(c.req.valid('param').token), 200),
  )

  router.openapi(
    guardedRoute('public', {
      method: 'get',
      path: '/api/letter-upload/{token}/packet/{document}',
      tags: ['letters'],
      summary: 'For a writer without an account: a packet document',
      request: { params: TokenPacketParams },
      responses: { 200: pdfResponse },
    }),
    async (c) => {
      const { token, document } = c.req.valid('param')
      return pdf(c, await c.var.services.letters.getUploadLinkPacketDocument(token, document), `${document}.pdf`)
    },
  )

  router.openapi(
    guardedRoute('public', {
      method: 'post',
      path: '/api/letter-upload/{token}/decline',
      tags: ['letters'],
      summary: 'For a writer without an account: decline the request (optional message to the student); the link stops working',
      request: { params: TokenParams, body: jsonBody(WriterReply) },
      responses: { 200: jsonResponse(OkResponse, 'Declined; the student is told.') },
    }),
    async (c) => c.json(await c.var.services.letters.declineByLink(c.req.valid('param').token, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('public', {
      method: 'put',
      path: '/api/letter-upload/{token}/letter',
      tags: ['letters'],
      summary: 'For a writer without an account: upload the letter, once (PDF, at most 10 MB)',
      request: { params: TokenParams, body: pdfBody },
      responses: { 200: jsonResponse(OkResponse, 'Received.') },
    }),
    async (c) => {
      const token = c.req.valid('param').token
      return c.json(await c.var.services.letters.uploadLetterByLink(token, await pdfBytes(c, 'letter'), requestMeta(c)), 200)
    },
  )

  return router
}
