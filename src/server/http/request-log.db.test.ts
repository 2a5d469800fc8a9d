import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

const lines: string[] = []
let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ requestLog: (line) => lines.push(line) })
})
afterAll(async () => {
  await t?.close()
})

const lastEntry = () => JSON.parse(lines.at(-1) as string) as Record<string, unknown>

describe('LOG_REQUESTS: one JSON object per request', () => {
  it('logs method, route, status, time and the request id', async () => {
    const response = await t.request('GET', '/api/health')
    expect(lastEntry()).toMatchObject({ method: 'GET', route: '/api/health', status: 200, request_id: response.headers.get('x-request-id') })
    expect(typeof lastEntry().ms).toBe('number')
    expect(Number.isNaN(Date.parse(lastEntry().at as string))).toBe(false)
  })

  it('logs the route pattern, never the ids, tokens or words of the path and query', async () => {
    const token = 'SECRET-UPLOAD-TOKEN-1234567890abcdef'
    await t.request('GET', `/api/letter-upload/${token}`)
    expect(lastEntry()).toMatchObject({ route: '/api/letter-upload/:token' })
    const id = '0b6c1f4e-5d55-4a4c-9d0e-2f1a3b4c5d6e'
    const { cookie } = await t.signedInAs(['student'])
    await t.request('GET', `/api/mentorships/${id}?q=private+words`, { cookie })
    expect(lastEntry()).toMatchObject({ route: '/api/mentorships/:mentorshipId', status: 404 })
    expect(lines.join('\n')).not.toMatch(/SECRET-UPLOAD|0b6c1f4e|private/)
  })
})
