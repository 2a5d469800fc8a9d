// End to end: the command as a user runs it, from source (tsx) and from the esbuild bundle.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'esbuild'
// @ts-expect-error: a plain JavaScript build script, without type declarations
import { cliBuildOptions } from '../../scripts/cli-build-options.js'

const root = resolve(import.meta.dirname, '../..')
let dir: string
let bundle: string
let outdir: string
let extraEnv: Record<string, string> = {}

function run(entry: string[], ...args: string[]) {
  const child = spawnSync(process.execPath, [...entry, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...extraEnv } })
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}
const fromSource = (...args: string[]) => run(['--import', 'tsx', 'src/cli/main.ts'], ...args)
const fromBundle = (...args: string[]) => run([bundle], ...args)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'preceptor-e2e-'))
  // Bundled as scripts/build-server.js does, but beside node_modules so externals resolve, and
  // without touching dist/.
  outdir = join(root, 'node_modules', '.cache', `preceptor-cli-e2e-${process.pid}`)
  mkdirSync(outdir, { recursive: true })
  await build({ ...cliBuildOptions(outdir), entryPoints: { 'cli/main': join(root, 'src/cli/main.ts') } })
  bundle = join(outdir, 'cli', 'main.js')
}, 30_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(outdir, { recursive: true, force: true })
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

// A resolve hook that appends every module URL the process loads to $MODULE_LOG.
const recordModules = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(
    `data:text/javascript,${encodeURIComponent(
      "import { appendFileSync } from 'node:fs'; export async function resolve(specifier, context, next) { const resolved = await next(specifier, context); appendFileSync(process.env.MODULE_LOG, resolved.url + '\\n'); return resolved }",
    )}`,
  )})`,
)}`

describe('what a command loads', () => {
  function modulesLoadedBy(...args: string[]): string[] {
    const log = join(dir, `modules-${args[0]}.log`)
    writeFileSync(log, '')
    extraEnv = { MODULE_LOG: log }
    try {
      const result = run(['--import', recordModules, bundle], ...args)
      expect(result.code, result.stderr).toBe(0)
    } finally {
      extraEnv = {}
    }
    return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))]
  }

  const packagesIn = (modules: string[]): string[] =>
    // The bundle itself is built under node_modules/.cache; anything else there is a package.
    modules.filter((url) => url.includes('/node_modules/') && !url.startsWith(pathToFileURL(outdir).href))

  it('generate records what it loads (the hook works) and loads no package', () => {
    const modules = modulesLoadedBy('generate', '--applicants', '50', '--programs', '8', '--couples', '2', '--out', join(dir, 'graph.json'))
    expect(modules.some((url) => url.endsWith('/cli/main.js'))).toBe(true)
    expect(packagesIn(modules)).toEqual([])
  }, 30_000)

  // The engine commands need the engine and Node's built-ins only: no database (PGlite,
  // drizzle, pg), HTTP framework (Hono), password hashing (argon2) or mail (nodemailer).
  it.each([
    ['match', () => ['match', join(dir, 'graph.json')]],
    ['simulate', () => ['simulate', join(dir, 'graph.json'), '--runs', '2', '--workers', '0']],
    ['--help', () => ['--help']],
  ])(
    '%s loads no package of the server, database or HTTP stack',
    (_, args) => {
      const modules = modulesLoadedBy(...args())
      expect(packagesIn(modules)).toEqual([])
      for (const name of ['pglite', 'drizzle', 'hono', 'argon2', 'nodemailer', '/pg/']) {
        expect(modules.filter((url) => url.includes(name))).toEqual([])
      }
    },
    30_000,
  )
})
