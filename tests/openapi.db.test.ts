import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUTHORIZATION_MATRIX } from './authorization-matrix.ts'
import { createTestApp, type TestApp } from './setup/test-app.ts'

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

  it('an unknown API path answers 404 with the envelope', async () => {
    const response = await t.request('GET', '/api/no-such-thing')
    expect(response.status).toBe(404)
    expect(response.json.error.code).toBe('NOT_FOUND')
  })
})
