import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The container recipe (Dockerfile, compose.yaml) cannot be built where the tests run, so these
 * checks keep it honest against the repository: every file it copies exists, every script it runs
 * is defined, the command it starts is what the build makes, its health check asks a route the
 * server has, and every setting compose passes is one the server reads (config/env.ts).
 */

const root = join(import.meta.dirname, '..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const dockerfile = read('Dockerfile')
const compose = read('compose.yaml')
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string> }

/** The settings the server reads: the keys of the zod object in env.ts, two spaces in. */
function serverSettings(): Set<string> {
  return new Set([...read('src/server/config/env.ts').matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1] as string))
}

/** The environment names of one compose service (a block `environment:` of `NAME: value` lines). */
function composeEnvironment(service: string): string[] {
  const lines = compose.split('\n')
  const start = lines.indexOf(`  ${service}:`)
  expect(start, `service ${service} in compose.yaml`).toBeGreaterThan(-1)
  const names: string[] = []
  let inEnvironment = false
  for (const line of lines.slice(start + 1)) {
    if (/^ {2}\S/.test(line) || /^\S/.test(line)) break
    if (/^ {4}\S/.test(line)) inEnvironment = line.trim() === 'environment:'
    else if (inEnvironment) {
      const name = /^ {6}([A-Z][A-Z0-9_]*):/.exec(line)?.[1]
      if (name) names.push(name)
    }
  }
  return names
}

describe('the container recipe', () => {
  it('builds on the Node line the project supports, in stages, and runs as a user that is not root', () => {
    const major = /(\d+)/.exec(pkg.engines.node)?.[1]
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1] as string)
    expect(froms.length).toBeGreaterThanOrEqual(2)
    for (const image of froms) expect(image).toMatch(new RegExp(`^node:${major}[.-]`))
    const user = /^USER (\S+)/m.exec(dockerfile)?.[1]
    expect(user).toBeDefined()
    expect(user).not.toBe('root')
    expect(dockerfile).toMatch(/npm ci /)
  })

  it('copies only files that exist and runs only scripts that are defined', () => {
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => (m[1] as string).split(/\s+/)).filter((p) => p !== '.')
    const fromBuild = [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+) /gm)].map((m) => m[1] as string).filter((p) => p !== 'dist')
    expect(copied.length + fromBuild.length).toBeGreaterThan(0)
    for (const path of [...copied, ...fromBuild]) expect(existsSync(join(root, path)), path).toBe(true)
    for (const [, script] of dockerfile.matchAll(/npm run (\S+)/g)) expect(pkg.scripts[script as string], `npm run ${script}`).toBeDefined()
  })

  it('starts the server the build makes, and checks the health route the server answers', () => {
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/server\/main.js"\]$/m)
    expect(read('scripts/build-server.js')).toContain("'server/main': 'src/server/main.ts'")
    const healthcheck = /^HEALTHCHECK[\s\S]*?CMD (.+)$/m.exec(dockerfile)?.[1] ?? ''
    expect(healthcheck).toContain('/api/health')
    expect(read('src/server/app.ts')).toContain("path: '/api/health'")
  })

  it('gives the server only settings it reads, with PostgreSQL 15 and a volume for its data', () => {
    const settings = serverSettings()
    expect(settings.has('DATABASE_URL')).toBe(true)
    const passed = composeEnvironment('app')
    expect(passed).toContain('DATABASE_URL')
    expect(passed.filter((name) => !settings.has(name))).toEqual([])
    const imageSettings = [...dockerfile.matchAll(/^\s*(?:ENV )?([A-Z][A-Z0-9_]*)=\S+/gm)].map((m) => m[1] as string).filter((n) => n !== 'NODE_ENV')
    expect(imageSettings.filter((name) => !settings.has(name))).toEqual([])
    expect(compose).toMatch(/image: postgres:15\b/)
    expect(compose).toMatch(/- db-data:\/var\/lib\/postgresql\/data/)
  })
})
