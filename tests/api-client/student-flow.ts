import createClient, { type Client } from 'openapi-fetch'
import type { components, paths } from './generated/preceptor-api.ts'

/*
 * The main student flow through a client a school's developer would generate from the OpenAPI
 * document: openapi-typescript's types, openapi-fetch's client, nothing of Preceptor's own code.
 * tests/openapi-client.db.test.ts generates the types, has tsc check this file against them, and
 * runs it on the app. A change to a route that breaks generated clients breaks this file first.
 */

export type PreceptorClient = Client<paths>
type ErrorCode = components['schemas']['Error']['error']['code']

/**
 * A client that keeps the session cookie between calls, as a browser would, and sends the Origin
 * header every change needs.
 */
export function createPreceptorClient(baseUrl: string, fetch: (request: Request) => Promise<Response>): PreceptorClient {
  const client = createClient<paths>({ baseUrl, fetch, headers: { origin: baseUrl } })
  let session: string | null = null
  client.use({
    onRequest({ request }) {
      if (session) request.headers.set('cookie', session)
      return request
    },
    onResponse({ response }) {
      const set = /preceptor_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1]
      if (set !== undefined) session = `preceptor_session=${set}`
      return response
    },
  })
  return client
}

function ok<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined) throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`)
  return result.data
}

/** Sign in, read my profile, search mentors, ask one (twice: the second is refused), list my requests, download my records. */
export async function runStudentFlow(client: PreceptorClient, student: { email: string; password: string }, mentorName: string) {
  const session = ok(await client.POST('/api/auth/sign-in', { body: student }), 'sign in')

  const profileResult = await client.GET('/api/profiles/me')
  const profile = ok(profileResult, 'read my profile')

  const search = ok(await client.GET('/api/directory/mentors', { params: { query: { q: mentorName, accepting: 'true', pageSize: 5 } } }), 'search mentors')
  const mentor = search.results.find((result) => result.name === mentorName)
  if (!mentor) throw new Error(`search mentors: ${mentorName} not found among ${search.results.map((result) => result.name).join(', ')}`)

  const body = {
    mentorId: mentor.id,
    kind: 'ongoing',
    message: 'I am deciding between internal medicine and surgery and would value your advice.',
    helpWanted: ['career-advice'],
  } satisfies paths['/api/mentorship-requests']['post']['requestBody']['content']['application/json']
  const request = ok(await client.POST('/api/mentorship-requests', { body }), 'request a mentorship')

  // Asking the same mentor twice is refused; the error's code is typed as the enum.
  const again = await client.POST('/api/mentorship-requests', { body })
  const refusedWith: ErrorCode | undefined = again.error?.error.code

  const mine = ok(await client.GET('/api/mentorship-requests/mine'), 'list my requests')

  // A download: the student's own records as a file to keep (FERPA §99.10).
  const records = await client.GET('/api/records/mine.json')
  ok(records, 'download my records')

  return {
    session,
    profile,
    requestId: profileResult.response.headers.get('x-request-id'),
    mentor,
    request,
    refused: { status: again.response.status, code: refusedWith },
    mine,
    recordsDisposition: records.response.headers.get('content-disposition'),
  }
}
