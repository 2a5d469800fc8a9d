import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './app-env.ts'
import { describeParameter } from './openapi-parameters.ts'
import { SESSION_SECURITY_SCHEME, STANDARD_ERROR_RESPONSES } from './route.ts'
import { SESSION_COOKIE } from './session-cookie.ts'

/*
 * The OpenAPI document at /api/openapi.json, for the school's developers to generate clients
 * from. Routes declare their own schemas (guardedRoute in route.ts); what holds for every route
 * alike is added here once, after generation, so no module has to repeat it and none can forget
 * it: the headers the middleware sends on every answer, Content-Disposition on file downloads,
 * and descriptions of parameters whose meaning their name gives. Redocly lints the result in
 * the tests (redocly.yaml, tests/openapi-lint.db.test.ts); decision record 033.
 */

export const OPENAPI_DOCUMENT_PATH = '/api/openapi.json'

const HEADER_REF = (name: string) => ({ $ref: `#/components/headers/${name}` })

/** Response headers named once under components.headers and referred to from each response. */
const HEADERS = {
  RequestId: {
    description: "This request's id (a UUID). Error messages for unexpected failures quote it, and the server's log lines carry it.",
    required: true,
    schema: { type: 'string', format: 'uuid' },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again (at most the length of the window the limit counts in).',
    required: true,
    schema: { type: 'integer', minimum: 1 },
    example: 900,
  },
  ContentDisposition: {
    description: 'The response is a file to save: `attachment; filename="…"` names it.',
    required: true,
    schema: { type: 'string' },
    example: 'attachment; filename="mentoring-hours.csv"',
  },
} as const

/**
 * Examples of the bodies a school's programs send most, by operationId. Redocly checks each
 * against its schema (redocly.yaml: no-invalid-media-type-examples), so one that drifts from
 * its route fails the tests.
 */
const REQUEST_EXAMPLES: Record<string, unknown> = {
  postAuthSignIn: { email: 'ada.student@school.edu', password: 'correct horse battery staple' },
  postMentorshipRequests: {
    mentorId: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    kind: 'ongoing',
    message: 'I am deciding between internal medicine and surgery and would value your advice.',
    goals: 'Choose a specialty by the spring.',
    helpWanted: ['career-advice'],
  },
}

type Json = Record<string, unknown>
type Parameter = { name: string; in: string; description?: string; schema?: Json }
type Response = { description?: string; headers?: Record<string, unknown>; content?: Record<string, unknown> }
type Operation = {
  operationId?: string
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, Json> }
  responses?: Record<string, Response | { $ref: string }>
}
export type OpenApiDocument = { paths?: Record<string, Record<string, Operation>>; components?: Record<string, Json> }

/**
 * A route whose success is a file to save rather than data to show: a path ending in a file name
 * (`hours.csv`, `calendar.ics`, `mine.json`) or a PDF. These all answer with
 * `Content-Disposition: attachment` (tests/openapi-client.db.test.ts checks one, the student's
 * records). The calendar feed (`/api/calendar/{feed}`) and photos are shown in place.
 */
export function isDownload(path: string, response: Response): boolean {
  if (/\/[^/{}]+\.[a-z]+$/.test(path)) return true
  return Object.keys(response.content ?? {}).includes('application/pdf')
}

/** Adds what holds for every route alike to a generated document (mutates and returns it). */
export function finishOpenApiDocument<D extends OpenApiDocument>(document: D): D {
  const sharedResponses: Record<string, Response> = {}
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const parameter of operation.parameters ?? []) {
        const description = parameter.description ?? describeParameter(parameter.name, parameter.schema)
        if (description) parameter.description = description
      }
      const example = operation.operationId ? REQUEST_EXAMPLES[operation.operationId] : undefined
      const jsonBody = operation.requestBody?.content?.['application/json']
      if (example && jsonBody && jsonBody.example === undefined) jsonBody.example = example
      const responses = operation.responses ?? {}
      for (const [status, response] of Object.entries(responses)) {
        if ('$ref' in response) continue
        const headers: Record<string, unknown> = { 'x-request-id': HEADER_REF('RequestId'), ...response.headers }
        if (status === '429') headers['Retry-After'] = HEADER_REF('RetryAfter')
        if (/^2/.test(status) && isDownload(path, response)) headers['Content-Disposition'] = HEADER_REF('ContentDisposition')
        response.headers = headers
        // The errors every route shares are stated once (route.ts: STANDARD_ERROR_RESPONSES).
        const standard = STANDARD_ERROR_RESPONSES[Number(status) as keyof typeof STANDARD_ERROR_RESPONSES]
        if (standard && response.description === standard.description) {
          sharedResponses[standard.name] ??= response
          responses[status] = { $ref: `#/components/responses/${standard.name}` }
        }
      }
    }
  }
  document.components = {
    ...document.components,
    responses: { ...document.components?.responses, ...sharedResponses },
    headers: { ...document.components?.headers, ...HEADERS },
  }
  return document
}

/**
 * Serves the document, generated once on first request (the routes do not change while the
 * server runs). Call after every router is mounted.
 */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>, appOrigin: string): void {
  app.openAPIRegistry.registerComponent('securitySchemes', SESSION_SECURITY_SCHEME, {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: "The httpOnly session cookie POST /api/auth/sign-in sets. Unsafe methods also need an Origin header equal to the application's origin.",
  })
  let document: OpenApiDocument | null = null
  app.get(OPENAPI_DOCUMENT_PATH, (c) => {
    document ??= finishOpenApiDocument(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Preceptor API',
          version: '1',
          contact: { name: 'Office of Student Affairs of the school that runs this server', url: appOrigin },
          license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
          description: [
            'Every error is `{ error: { code, message, fields? } }`; `code` is one of the values of the `Error` schema, one per HTTP status.',
            'Sign in with POST /api/auth/sign-in; the session is an httpOnly cookie. Requests that change something (POST, PUT, PATCH, DELETE) need an Origin header equal to the server below.',
            'Every answer carries an `x-request-id` header, the reference an error message quotes; a 429 carries `Retry-After`; a file download carries `Content-Disposition`.',
          ].join('\n\n'),
        },
        servers: [{ url: appOrigin, description: 'This server.' }],
      }) as OpenApiDocument,
    )
    return c.json(document)
  })
}
