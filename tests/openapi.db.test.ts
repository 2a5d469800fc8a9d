import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES } from '#shared/errors.ts'
import { AUTHORIZATION_MATRIX } from './authorization-matrix.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from './setup/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

describe('the OpenAPI document', () => {
  it('covers every route, with its access rule and the error envelope', async () => {
    const response = await t.request('GET', '/api/openapi.json')
    expect(response.status).toBe(200)
    const doc = response.json as { openapi: string; paths: Record<string, Record<string, { description?: string; responses: Record<string, unknown> }>> }
    expect(doc.openapi).toBe('3.1.0')
    for (const entry of AUTHORIZATION_MATRIX.filter((e) => e.path !== '/api/openapi.json')) {
      const operation = doc.paths[entry.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[entry.method.toLowerCase()]
      expect(operation, `${entry.method} ${entry.path}`).toBeDefined()
      expect(operation?.description, `${entry.method} ${entry.path}`).toContain('Access:')
      expect(Object.keys(operation?.responses ?? {}), `${entry.method} ${entry.path}`).toContain('401')
    }
  })

  it('names every operation once, says how it is signed in to, and declares the errors a change and a JSON body can meet', async () => {
    type Operation = {
      operationId?: string
      security?: Record<string, string[]>[]
      responses: Record<string, unknown>
      requestBody?: { content?: Record<string, unknown> }
    }
    const doc = (await t.request('GET', '/api/openapi.json')).json as {
      paths: Record<string, Record<string, Operation>>
      components: { securitySchemes?: Record<string, { type: string; in: string; name: string }> }
      servers?: { url: string }[]
    }
    expect(doc.components.securitySchemes?.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'preceptor_session' })
    expect(doc.servers?.[0]?.url).toBe(TEST_ORIGIN)
    const ids = new Set<string>()
    for (const entry of AUTHORIZATION_MATRIX.filter((e) => e.path !== '/api/openapi.json')) {
      const label = `${entry.method} ${entry.path}`
      const operation = doc.paths[entry.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[entry.method.toLowerCase()] as Operation
      expect(operation.operationId, label).toMatch(/^[a-z]+[A-Za-z0-9]*$/)
      expect(ids.has(operation.operationId as string), `${label}: operationId ${operation.operationId} twice`).toBe(false)
      ids.add(operation.operationId as string)
      expect(operation.security, label).toEqual(entry.allowed === 'public' ? [] : [{ sessionCookie: [] }])
      if (entry.method !== 'GET') expect(Object.keys(operation.responses), label).toEqual(expect.arrayContaining(['409', '413']))
      if (operation.requestBody?.content?.['application/json']) expect(Object.keys(operation.responses), label).toContain('415')
    }
  })

  it('declares the headers every answer, a 429 and a download carry, the error codes, and what each path parameter is', async () => {
    type Response = { $ref?: string; headers?: Record<string, unknown> }
    type Operation = { parameters?: { in: string; name: string; description?: string }[]; responses: Record<string, Response> }
    const doc = (await t.request('GET', '/api/openapi.json')).json as {
      info: { contact?: { name?: string; url?: string } }
      paths: Record<string, Record<string, Operation>>
      components: {
        headers: Record<string, unknown>
        responses: Record<string, Response>
        schemas: Record<string, { properties: { error: { properties: { code: { enum: string[] } } } } }>
      }
    }
    const resolve = (response: Response) => (response.$ref ? doc.components.responses[response.$ref.replace('#/components/responses/', '')] : response)
    expect(doc.info.contact?.url).toBe(TEST_ORIGIN)
    expect(doc.components.schemas.Error?.properties.error.properties.code.enum).toEqual(ERROR_CODES)
    const ref = (name: string) => ({ $ref: `#/components/headers/${name}` })
    const downloads: string[] = []
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, declared] of Object.entries(operation.responses)) {
          const response = resolve(declared) as Response
          expect(response.headers?.['x-request-id'], `${method} ${path} ${status}`).toEqual(ref('RequestId'))
          if (status === '429') expect(response.headers?.['Retry-After'], `${method} ${path}`).toEqual(ref('RetryAfter'))
          if (response.headers?.['Content-Disposition']) downloads.push(`${method.toUpperCase()} ${path}`)
        }
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in === 'path') expect(parameter.description, `${method} ${path} ${parameter.name}`).toBeTruthy()
        }
      }
    }
    expect(downloads).toEqual(
      expect.arrayContaining(['GET /api/mentorships/hours.csv', 'GET /api/records/mine.json', 'GET /api/letter-requests/{letterRequestId}/letter']),
    )
    expect(downloads).not.toContain('GET /api/calendar/{feed}')
    expect(downloads).not.toContain('GET /api/people/{personId}/photo')
    expect(doc.components.headers).toHaveProperty('ContentDisposition')
    expect(JSON.stringify(doc.paths['/api/auth/sign-in'])).toContain('"example":{"email"')
    // A message's PDF attachment travels inside JSON as base64, and says so.
    expect(JSON.stringify(doc)).toContain('"contentEncoding":"base64","contentMediaType":"application/pdf"')
  })

  it('sends what it declares: x-request-id on every answer, Retry-After on a 429', async () => {
    const person = await t.insertAccount(['student'])
    let response = await t.request('POST', '/api/auth/sign-in', { body: { email: person.email, password: 'not the password' } })
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    for (let attempt = 0; attempt < 10 && response.status !== 429; attempt++) {
      response = await t.request('POST', '/api/auth/sign-in', { body: { email: person.email, password: 'not the password' } })
    }
    expect(response.status).toBe(429)
    expect(response.json.error.code).toBe('RATE_LIMITED')
    expect(Number(response.headers.get('retry-after'))).toBe(15 * 60)
    expect(response.headers.get('x-request-id')).toBeTruthy()
  })

  it('an unknown API path answers 404 with the envelope', async () => {
    const response = await t.request('GET', '/api/no-such-thing')
    expect(response.status).toBe(404)
    expect(response.json.error.code).toBe('NOT_FOUND')
  })
})
