import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

  it('an unknown API path answers 404 with the envelope', async () => {
    const response = await t.request('GET', '/api/no-such-thing')
    expect(response.status).toBe(404)
    expect(response.json.error.code).toBe('NOT_FOUND')
  })
})
