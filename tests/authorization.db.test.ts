import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '#shared/enums.ts'
import { AUTHORIZATION_MATRIX, fillPath, type MatrixEntry } from './authorization-matrix.ts'
import { createTestApp, type TestApp } from './setup/test-app.ts'

/**
 * Calls every route as every role, and signed out, and holds the answers to the matrix:
 * a caller the matrix does not allow gets 401 (signed out) or 403 (signed in), and an
 * allowed caller gets past authorization (whatever its input then earns it).
 */

type Caller = 'signed-out' | Role
const CALLERS: Caller[] = ['signed-out', ...ROLES]

function isAllowed(entry: MatrixEntry, caller: Caller): boolean {
  if (entry.allowed === 'public') return true
  if (caller === 'signed-out') return false
  return entry.allowed === 'signed-in' || entry.allowed.includes(caller)
}

let t: TestApp
const cookies = new Map<Caller, string | null>()
let targetId = ''

beforeAll(async () => {
  t = await createTestApp()
  cookies.set('signed-out', null)
  const target = await t.insertAccount(['mentor'], { name: 'Matrix Target' })
  targetId = target.id
})
afterAll(async () => {
  await t?.close()
})

const callerIds = new Map<Role, string>()

/**
 * A fresh session per call, so a call that signs out cannot affect the next. The person behind it
 * is made once per role: the calls carry empty bodies and the caller's id is in no path, so no
 * call changes its own caller's roles. (A person per call cost a seventh of the file's time.)
 */
async function cookieFor(caller: Caller): Promise<string | null> {
  if (caller === 'signed-out') return null
  let id = callerIds.get(caller)
  if (!id) {
    id = (await t.insertAccount([caller])).id
    callerIds.set(caller, id)
    // A second admin keeps the "never remove the last admin" rule out of the way.
    if (caller === 'admin') await t.insertAccount(['admin'])
  }
  return t.sessionCookie(id)
}

describe('authorization matrix', () => {
  it('lists every route the application serves, and nothing else', () => {
    const served = new Set(
      t.app.routes.filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/')).map((route) => `${route.method} ${route.path}`),
    )
    const listed = new Set(AUTHORIZATION_MATRIX.map((entry) => `${entry.method} ${entry.path}`))
    expect(
      [...served].filter((route) => !listed.has(route)),
      'routes missing from the matrix',
    ).toEqual([])
    expect(
      [...listed].filter((route) => !served.has(route)),
      'matrix entries with no route',
    ).toEqual([])
  })

  for (const entry of AUTHORIZATION_MATRIX) {
    for (const caller of CALLERS) {
      const allowed = isAllowed(entry, caller)
      it(`${entry.method} ${entry.path} as ${caller}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const path = fillPath(entry.path, targetId)
        const hasBody = entry.method !== 'GET' && entry.method !== 'DELETE'
        const response = await t.request(entry.method, path, { cookie: await cookieFor(caller), ...(hasBody ? { body: {} } : {}) })
        if (allowed) {
          expect([401, 403], `unexpected refusal: ${response.text}`).not.toContain(response.status)
          expect(response.status).toBeLessThan(500)
        } else {
          expect(response.status).toBe(caller === 'signed-out' ? 401 : 403)
          expect(response.json?.error?.code).toBe(caller === 'signed-out' ? 'NOT_AUTHENTICATED' : 'FORBIDDEN')
        }
      })
    }
  }
})
