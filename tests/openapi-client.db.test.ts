import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateClientTypes } from './api-client/generate-types.ts'
import { createTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestApp } from './setup/test-app.ts'

/*
 * A school's developer generates a client from /api/openapi.json and uses it. Here: openapi-
 * typescript makes the types from the document the app serves, tsc checks the generated file and
 * the student flow written against it (tests/api-client/), and the flow runs through
 * openapi-fetch on the real app. The types are made and checked on the PGlite run only (the
 * document does not depend on the database); the flow runs on both databases.
 */

const generatedHere = !process.env.TEST_DATABASE_URL
const API_CLIENT = fileURLToPath(new URL('./api-client/', import.meta.url))

/** What this file uses of student-flow.ts, stated here: importing its types would need the generated ones. */
type StudentFlow = {
  createPreceptorClient(baseUrl: string, fetch: (request: Request) => Promise<Response>): unknown
  runStudentFlow(
    client: unknown,
    student: { email: string; password: string },
    mentorName: string,
  ): Promise<{
    session: { person: { id: string } }
    profile: { person: { id: string } }
    requestId: string | null
    mentor: { id: string }
    request: { id: string; status: string; initiatedBy: string }
    refused: { status: number; code: string | undefined }
    mine: { sent: { id: string }[] }
    recordsDisposition: string | null
  }>
}

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

describe('a client generated from the OpenAPI document', () => {
  it.runIf(generatedHere)(
    'compiles: the generated types and the student flow written against them pass tsc',
    async () => {
      await generateClientTypes((await t.request('GET', '/api/openapi.json')).json)
      const tsc = join('node_modules', 'typescript', 'bin', 'tsc')
      const result = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', join(API_CLIENT, 'tsconfig.json')], {
        maxBuffer: 20 * 1024 * 1024,
      }).then(
        () => ({ code: 0, output: '' }),
        (failed: { code?: number; stdout?: string; stderr?: string }) => ({ code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }),
      )
      expect(result.code, result.output).toBe(0)
      // A child process of a few seconds' work; the limit allows for a machine busy with the other suites.
    },
    120_000,
  )

  it('runs the main student flow: sign in, read my profile, search mentors, ask one, list my requests, download my records', async () => {
    const student = await t.insertAccount(['student'])
    const mentorName = 'Perpetua Vandermolen'
    const mentor = await t.insertAccount(['mentor'], {
      name: mentorName,
      mentor: { kind: 'faculty', specialtyId: 'dermatology', departmentId: 'dermatology', capacity: 3, accepting: true, offers: ['career-advice'] },
    })
    // Loaded by path so the project's own type check, which does not see the generated types, skips it.
    const { createPreceptorClient, runStudentFlow } = (await import(/* @vite-ignore */ join(API_CLIENT, 'student-flow.ts'))) as StudentFlow
    const client = createPreceptorClient(TEST_ORIGIN, (request) => Promise.resolve(t.app.request(request)))

    const flow = await runStudentFlow(client, { email: student.email, password: TEST_PASSWORD }, mentorName)

    expect(flow.session.person.id).toBe(student.id)
    expect(flow.profile.person.id).toBe(student.id)
    expect(flow.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(flow.mentor.id).toBe(mentor.id)
    expect(flow.request).toMatchObject({ status: 'requested', initiatedBy: 'student' })
    expect(flow.refused).toEqual({ status: 409, code: 'CONFLICT' })
    expect(flow.mine.sent.map((request) => request.id)).toEqual([flow.request.id])
    expect(flow.recordsDisposition).toBe('attachment; filename="my-records.json"')
  })
})
