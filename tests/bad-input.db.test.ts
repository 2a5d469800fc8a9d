import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUTHORIZATION_MATRIX, fillPath, type MatrixEntry } from './authorization-matrix.ts'
import { createTestApp, type TestApp } from './setup/test-app.ts'

/**
 * Bad input never earns a 500: malformed JSON, wrong types, missing fields, overlong strings
 * and unknown ids each get a 4xx with the error envelope. The request schemas come from the
 * app's own OpenAPI document, so a new route is covered the day it is added.
 */

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  format?: string
  pattern?: string
}
type Parameter = { in: string; name: string; schema?: JsonSchema }
type Operation = { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: Parameter[] }

let t: TestApp
let cookie: string
let openapi: { paths: Record<string, Record<string, Operation>> }
let targetId: string

beforeAll(async () => {
  t = await createTestApp()
  // Every role at once, so the body is judged, not the caller.
  const signed = await t.signedInAs(['student', 'mentor', 'advisor', 'admin'])
  cookie = signed.cookie
  await t.insertAccount(['admin'])
  targetId = (await t.insertAccount(['mentor'])).id
  openapi = (await t.request('GET', '/api/openapi.json')).json as typeof openapi
})
afterAll(async () => {
  await t?.close()
})

function jsonSchemaOf(entry: MatrixEntry): JsonSchema | null {
  const operation = openapi.paths[entry.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[entry.method.toLowerCase()]
  return operation?.requestBody?.content?.['application/json']?.schema ?? null
}

const jsonRoutes = () => AUTHORIZATION_MATRIX.filter((entry) => jsonSchemaOf(entry) !== null)
const pathOf = (entry: MatrixEntry, id = targetId) => fillPath(entry.path, id)

function expectEnvelope4xx(response: { status: number; json: Record<string, any> }, label: string) {
  expect(response.status, label).toBeGreaterThanOrEqual(400)
  expect(response.status, label).toBeLessThan(500)
  expect(typeof response.json?.error?.code, label).toBe('string')
  expect(typeof response.json?.error?.message, label).toBe('string')
}

function wrongTypeFor(schema: JsonSchema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  return type === 'string' ? 12345 : type === 'array' ? 'not a list' : 'not a number or flag'
}

describe('every JSON route refuses bad input with a 4xx envelope', () => {
  it('the OpenAPI document describes request bodies for the JSON routes', () => {
    expect(jsonRoutes().length).toBeGreaterThanOrEqual(10)
  })

  it('malformed JSON', async () => {
    for (const entry of jsonRoutes()) {
      const response = await t.request(entry.method, pathOf(entry), { cookie, rawBody: '{"email": "a@b.c",', headers: { 'content-type': 'application/json' } })
      expectEnvelope4xx(response, `${entry.method} ${entry.path}`)
      expect(response.json.error.code).toBe('VALIDATION_FAILED')
    }
  })

  it('a body that is not an object, or no body at all', async () => {
    for (const entry of jsonRoutes()) {
      for (const body of [[], 'text', 42, null]) {
        expectEnvelope4xx(await t.request(entry.method, pathOf(entry), { cookie, body }), `${entry.method} ${entry.path} with ${JSON.stringify(body)}`)
      }
      expectEnvelope4xx(await t.request(entry.method, pathOf(entry), { cookie }), `${entry.method} ${entry.path} with no body`)
    }
  })

  it('wrong types name the field at fault', async () => {
    for (const entry of jsonRoutes()) {
      const schema = jsonSchemaOf(entry) as JsonSchema
      for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
        const response = await t.request(entry.method, pathOf(entry), { cookie, body: { [field]: wrongTypeFor(fieldSchema) } })
        expectEnvelope4xx(response, `${entry.method} ${entry.path} ${field}`)
        expect(response.json.error.fields?.[field], `${entry.method} ${entry.path} names ${field}`).toBeTruthy()
      }
    }
  })

  it('missing required fields are named', async () => {
    for (const entry of jsonRoutes()) {
      const required = jsonSchemaOf(entry)?.required ?? []
      if (required.length === 0) continue
      const response = await t.request(entry.method, pathOf(entry), { cookie, body: {} })
      expectEnvelope4xx(response, `${entry.method} ${entry.path}`)
      for (const field of required) expect(response.json.error.fields?.[field], `${entry.path} names ${field}`).toBeTruthy()
    }
  })

  it('overlong strings', async () => {
    const long = 'x'.repeat(20_000)
    for (const entry of jsonRoutes()) {
      const schema = jsonSchemaOf(entry) as JsonSchema
      for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
        if (fieldSchema.type !== 'string') continue
        const response = await t.request(entry.method, pathOf(entry), { cookie, body: { [field]: long } })
        expectEnvelope4xx(response, `${entry.method} ${entry.path} ${field}`)
      }
    }
  })

  // Text no field may hold (issue 11): each gets a 400 that names the field, on every route.
  const unstorable = { NUL: 'before\u0000after', 'a lone surrogate': 'before\ud800after', 'a lone low surrogate': '\udc00' }

  const stringFields = (entry: MatrixEntry) =>
    Object.entries(jsonSchemaOf(entry)?.properties ?? {}).filter(
      ([, schema]) =>
        schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string')) || schema.anyOf?.some((s) => s.type === 'string'),
    )

  for (const [label, value] of Object.entries(unstorable)) {
    it(`${label} in any body field is refused, naming the field`, async () => {
      for (const entry of jsonRoutes()) {
        for (const [field] of stringFields(entry)) {
          const response = await t.request(entry.method, pathOf(entry), { cookie, body: { [field]: value } })
          expectEnvelope4xx(response, `${entry.method} ${entry.path} ${field}`)
          expect(response.status, `${entry.method} ${entry.path} ${field}`).toBe(400)
          expect(response.json.error.fields?.[field], `${entry.method} ${entry.path} names ${field}`).toBeTruthy()
        }
        // Deeper in the body, and in a list, the path to the field is named.
        const nested = await t.request(entry.method, pathOf(entry), { cookie, body: { extra: [{ deeper: value }] } })
        expect(nested.status, `${entry.method} ${entry.path} nested`).toBe(400)
        expect(nested.json.error.fields?.['extra.0.deeper'], `${entry.method} ${entry.path} names extra.0.deeper`).toBeTruthy()
      }
    })
  }

  it('NUL in a query parameter or a path parameter is refused, naming it', async () => {
    let checked = 0
    for (const entry of AUTHORIZATION_MATRIX) {
      const operation = openapi.paths[entry.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[entry.method.toLowerCase()]
      for (const parameter of operation?.parameters ?? []) {
        const body = entry.method === 'GET' ? undefined : {}
        const path =
          parameter.in === 'query'
            ? `${pathOf(entry)}?${parameter.name}=a%00b`
            : parameter.in === 'path'
              ? entry.path.replace(`:${parameter.name}`, 'a%00b').replace(/:[A-Za-z]+/g, targetId)
              : null
        if (!path) continue
        const response = await t.request(entry.method, path, { cookie, body })
        expectEnvelope4xx(response, `${entry.method} ${path}`)
        expect(response.status, `${entry.method} ${path}`).toBe(400)
        expect(response.json.error.fields?.[parameter.name], `${entry.method} ${path} names ${parameter.name}`).toBeTruthy()
        checked++
      }
    }
    expect(checked).toBeGreaterThan(20)
  })

  // One 1 MB request per string field of every route (about 280), each with its session read.
  // On PostgreSQL beside the other suites each read waits its turn for a core, so four go at a
  // time to overlap the waits. When the test times out its loops stop, rather than go on sending
  // beside the tests that follow.
  it('1 MB strings in any body field are refused', { timeout: 120_000 }, async ({ signal }) => {
    const huge = 'x'.repeat(1024 * 1024)
    const cases = jsonRoutes().flatMap((entry) => stringFields(entry).map(([field]) => ({ entry, field })))
    let next = 0
    const worker = async () => {
      while (next < cases.length && !signal.aborted) {
        const { entry, field } = cases[next++] as (typeof cases)[number]
        const response = await t.request(entry.method, pathOf(entry), { cookie, body: { [field]: huge } })
        expectEnvelope4xx(response, `${entry.method} ${entry.path} ${field}`)
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()])
    expect(cases.length).toBeGreaterThan(100)
  })

  it('dates in year 9999 are refused, naming the field', async () => {
    let checked = 0
    for (const entry of jsonRoutes()) {
      for (const [field, schema] of Object.entries(jsonSchemaOf(entry)?.properties ?? {})) {
        const variants = [schema, ...(schema.anyOf ?? [])]
        const value = variants.some((s) => s.format === 'date-time')
          ? '9999-12-31T23:00:00Z'
          : variants.some((s) => s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}'))
            ? '9999-12-31'
            : null
        if (!value) continue
        const response = await t.request(entry.method, pathOf(entry), { cookie, body: { [field]: value } })
        expect(response.status, `${entry.method} ${entry.path} ${field}`).toBe(400)
        expect(response.json.error.fields?.[field], `${entry.method} ${entry.path} names ${field}`).toBeTruthy()
        checked++
      }
    }
    expect(checked, 'date fields found in the OpenAPI document').toBeGreaterThanOrEqual(4)
  })

  it('unknown and malformed ids', async () => {
    for (const entry of AUTHORIZATION_MATRIX.filter((e) => e.path.includes(':personId'))) {
      // A valid body, so that what answers is the id, not the body's validation.
      const validBodies: Record<string, unknown> = {
        '/roles': { roles: ['mentor'] },
        '/school-wide': { schoolWide: false },
        '/class-year': { classYear: 'M2' },
        '/enrollment': { enrollment: 'leave' },
        '/verification': { completedOn: '2026-09-01', expiresOn: null },
      }
      const body = entry.method === 'GET' ? undefined : (validBodies[entry.path.slice(entry.path.lastIndexOf('/'))] ?? {})
      const unknown = await t.request(entry.method, pathOf(entry, '00000000-0000-4000-8000-000000000000'), { cookie, body })
      expectEnvelope4xx(unknown, `${entry.method} ${entry.path} unknown id`)
      expect(unknown.status, `${entry.method} ${entry.path} unknown id`).toBe(404)
      const malformed = await t.request(entry.method, pathOf(entry, 'not-an-id'), { cookie, body })
      expect(malformed.status, `${entry.method} ${entry.path} malformed id`).toBe(400)
    }
  })

  it('generated bodies never earn a 500 (fast-check)', async () => {
    const routes = AUTHORIZATION_MATRIX.filter((entry) => entry.method !== 'GET')
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), fc.string()),
        fc.boolean(),
        async (entry, body, raw) => {
          const response = raw
            ? await t.request(entry.method, pathOf(entry), {
                cookie,
                rawBody: typeof body === 'string' ? body : JSON.stringify(body).slice(1),
                headers: { 'content-type': 'application/json' },
              })
            : await t.request(entry.method, pathOf(entry), { cookie, body })
          expect(response.status, `${entry.method} ${entry.path} ${JSON.stringify(body)?.slice(0, 200)}`).toBeLessThan(500)
          if (response.status >= 400) expect(response.json?.error?.code).toBeTypeOf('string')
        },
      ),
      { numRuns: 300, seed: 20261122 },
    )
  })
})
