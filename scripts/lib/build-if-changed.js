// Builds the server bundle and the web app, each only when its inputs changed since the last build.
// A stamp in dist/ records a hash of every input file (path, size and content), so an unchanged
// tree is checked in a fraction of a second, while an edit, a `git pull` or a new lockfile
// rebuilds what it touches. Used by `npm run build` (scripts/build.js) and `npm start`
// (scripts/start.js), which checks in its own process rather than in a separate npm step.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const STAMP = join(root, 'dist', 'build-stamp.json')

// What each target is built from. Shared config files count for both.
const COMMON = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/lib/build-if-changed.js']
const TARGETS = {
  server: {
    inputs: [...COMMON, 'scripts/build-server.js', 'scripts/cli-build-options.js', 'src/server', 'src/shared', 'src/engines', 'src/cli', 'bench'],
    output: 'dist/server/main.js',
    command: [process.execPath, ['scripts/build-server.js']],
  },
  web: {
    inputs: [...COMMON, 'vite.config.ts', 'scripts/web-build-plugins.ts', 'src/web', 'src/shared', 'src/engines'],
    output: 'dist/web/index.html',
    command: [process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build']],
  },
}

function listFiles(path) {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  const files = []
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const child = join(path, entry.name)
    if (entry.isDirectory()) files.push(...listFiles(child))
    else if (!/\.(test|spec)\.tsx?$/.test(entry.name)) files.push(child)
  }
  return files
}

/** One hash over every input file: tests are left out, they are not part of a build. */
function hashInputs(inputs) {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap((input) => listFiles(join(root, input))).sort()) {
    hash.update(`${relative(root, file)}\0`)
    hash.update(readFileSync(file))
    hash.update('\0')
  }
  return hash.digest('hex')
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'))
  } catch {
    return {}
  }
}

/**
 * Builds each target whose inputs changed (or all with `force`), printing a line per build.
 * Returns 0, or the exit status of the build that failed.
 */
export function buildIfChanged({ force = false } = {}) {
  const stamp = readStamp()
  const writeStamp = () => {
    mkdirSync(join(root, 'dist'), { recursive: true })
    writeFileSync(STAMP, `${JSON.stringify(stamp, null, 2)}\n`)
  }
  const started = performance.now()
  let built = 0
  for (const [name, target] of Object.entries(TARGETS)) {
    const hash = hashInputs(target.inputs)
    const changed = stamp[name] !== hash
    if (!force && !changed && existsSync(join(root, target.output))) continue
    const t0 = performance.now()
    const [command, commandArgs] = target.command
    const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' })
    if (result.status !== 0) {
      // A failed build leaves no stamp behind, so the next run tries again.
      delete stamp[name]
      writeStamp()
      return result.status ?? 1
    }
    stamp[name] = hash
    writeStamp()
    console.log(`build: ${name} built in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    built++
    // The demo snapshot was made from the previous server sources: its seed or migrations may differ.
    if (name === 'server' && changed) rmSync(join(root, 'dist', 'demo-snapshot'), { recursive: true, force: true })
  }
  if (built === 0) console.log(`build: up to date (checked in ${((performance.now() - started) / 1000).toFixed(2)} s)`)
  return 0
}
