// End to end: the command as a user runs it, from source (tsx) and from the esbuild bundle.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'esbuild'

const root = resolve(import.meta.dirname, '../..')
let dir: string
let bundle: string

function run(entry: string[], ...args: string[]) {
  const child = spawnSync(process.execPath, [...entry, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 })
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}
const fromSource = (...args: string[]) => run(['--import', 'tsx', 'src/cli/main.ts'], ...args)
const fromBundle = (...args: string[]) => run([bundle], ...args)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'preceptor-e2e-'))
  // Bundled as scripts/build-server.js does, but beside node_modules so externals resolve, and
  // without touching dist/.
  const outdir = join(root, 'node_modules', '.cache', `preceptor-cli-e2e-${process.pid}`)
  mkdirSync(outdir, { recursive: true })
  await build({
    entryPoints: { main: join(root, 'src/cli/main.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  })
  bundle = join(outdir, 'main.js')
}, 30_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(resolve(bundle, '..'), { recursive: true, force: true })
})

describe.each([
  ['source (tsx)', () => fromSource],
  ['bundle', () => fromBundle],
])('preceptor from %s', (_, cli) => {
  it('generates, matches and simulates on 2 worker threads', () => {
    const instance = join(dir, `instance-${_.length}.json`)
    const generated = cli()('generate', '--applicants', '300', '--programs', '45', '--couples', '6', '--seed', '3', '--out', instance)
    expect(generated.code, generated.stderr).toBe(0)
    const matched = cli()('match', instance)
    expect(matched.code, matched.stderr).toBe(0)
    expect(JSON.parse(matched.stdout).matches.length).toBeGreaterThan(0)
    const threaded = cli()('simulate', instance, '--runs', '6', '--workers', '2', '--seed', '4')
    const single = cli()('simulate', instance, '--runs', '6', '--workers', '1', '--seed', '4')
    expect(threaded.code, threaded.stderr).toBe(0)
    expect(threaded.stdout).toBe(single.stdout)
    expect(JSON.parse(threaded.stdout).runs).toBe(6)
  }, 30_000)

  it('exits 2 with nothing on stdout for an invalid instance and an unknown command', () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ programs: [{ id: 'P', capacity: -1, ranks: [] }], applicants: [] }))
    const invalid = cli()('match', bad)
    expect(invalid.code).toBe(2)
    expect(invalid.stdout).toBe('')
    expect(invalid.stderr).toContain('programs[0]')
    const unknown = cli()('nope')
    expect(unknown.code).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toContain('Usage: preceptor')
  }, 30_000)
})
