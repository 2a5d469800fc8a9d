import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './setup/test-app.ts'

// The document is the same on either database: lint it once, on the PGlite run.
const lintedHere = !process.env.TEST_DATABASE_URL

describe.runIf(lintedHere)('the OpenAPI document, linted by Redocly', () => {
  let t: TestApp
  let folder: string
  beforeAll(async () => {
    t = await createTestApp()
    folder = await mkdtemp(join(tmpdir(), 'preceptor-openapi-'))
  })
  afterAll(async () => {
    await t?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('has no errors under the recommended rules and redocly.yaml', async () => {
    const file = join(folder, 'openapi.json')
    // Pretty-printed, so the linter's line numbers point somewhere readable.
    await writeFile(file, JSON.stringify((await t.request('GET', '/api/openapi.json')).json, null, 2))
    const cli = join('node_modules', '@redocly', 'cli', 'bin', 'cli.js')
    const result = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--config', 'redocly.yaml', '--format', 'codeframe'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 20 * 1024 * 1024,
    }).then(
      (done) => ({ code: 0, output: done.stdout + done.stderr }),
      (failed: { code?: number; stdout?: string; stderr?: string }) => ({ code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }),
    )
    expect(result.code, result.output).toBe(0)
    // A child process of a few seconds' work; the limit allows for a machine busy with the other suites.
  }, 120_000)
})
