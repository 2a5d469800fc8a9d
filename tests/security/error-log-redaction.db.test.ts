import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { COMMANDS, runCli } from '#cli/main.ts'
import { captureIo } from '#cli/cli-io.ts'
import { createTestApp, type TestApp } from '../setup/test-app.ts'

/**
 * Issue 11, hole 1: a failed query's error lists every parameter, so logging the error wrote a
 * private text in full. An unexpected error is logged with its class, code, request id and
 * route — the canary in the request body must appear in no line the process writes.
 */

const CANARY = 'CANARY-private-note-7f3a9c'

let t: TestApp
let cookie: string
const written: string[] = []

function capture() {
  const keep = (...args: unknown[]) => {
    written.push(
      args
        .map((arg) =>
          arg instanceof Error
            ? `${arg.stack} ${JSON.stringify(arg)} ${String((arg as { cause?: unknown }).cause)}`
            : typeof arg === 'string'
              ? arg
              : JSON.stringify(arg),
        )
        .join(' '),
    )
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(keep)
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    keep(String(chunk))
    return true
  })
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    keep(String(chunk))
    return true
  })
}

beforeAll(async () => {
  t = await createTestApp()
  cookie = (await t.signedInAs(['mentor'])).cookie
  // The forced failure: every write to mentor profiles fails inside the database.
  await t.db.execute(
    sql.raw(`CREATE FUNCTION forced_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure' USING ERRCODE = 'P0001'; END $$`),
  )
  await t.db.execute(sql.raw('CREATE TRIGGER forced_failure BEFORE INSERT OR UPDATE ON mentor_profiles FOR EACH ROW EXECUTE FUNCTION forced_failure()'))
})
afterEach(() => {
  vi.restoreAllMocks()
  written.length = 0
})
afterAll(async () => {
  await t?.close()
})

describe('unexpected errors are logged without the data that caused them', () => {
  it('a failed query logs class, code, request id and route, and no parameter', async () => {
    capture()
    const response = await t.request('PATCH', '/api/profiles/me/mentor', { cookie, body: { bio: `My note: ${CANARY}`, researchInterests: CANARY } })
    vi.restoreAllMocks()
    expect(response.status).toBe(500)
    expect(response.text).not.toContain(CANARY)
    const requestId = response.headers.get('x-request-id')
    const line = written.join('\n')
    expect(line, 'something was logged').toContain(`[${requestId}]`)
    expect(line).toContain('PATCH /api/profiles/me/mentor')
    expect(line).toContain('code P0001')
    expect(line).not.toContain(CANARY)
  })

  it('the command line reports an unexpected error without its message', async () => {
    const io = captureIo()
    // A command that fails with data in its message, as a parser quoting its input would.
    COMMANDS.failing = {
      summary: 'fails',
      load: async () => ({
        run: async () => {
          throw new SyntaxError(`Unexpected token in ${CANARY}`)
        },
      }),
    }
    try {
      expect(await runCli(['failing'], io)).not.toBe(0)
    } finally {
      delete COMMANDS.failing
    }
    expect(io.err()).toContain('SyntaxError')
    expect(io.err()).not.toContain(CANARY)
  })
})
