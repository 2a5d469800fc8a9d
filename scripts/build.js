#!/usr/bin/env node
// `npm run build` and the step before `npm start`: builds the server bundle and the web app,
// each only when its inputs changed since the last build. A stamp in dist/ records a hash of
// every input file (path, size and content), so a second start skips both builds in a fraction
// of a second, while an edit, a `git pull` or a new lockfile rebuilds what it touches.
//
//   node scripts/build.js                  server and web, each if changed
//   node scripts/build.js --force          rebuild both whatever the stamp says
//   node scripts/build.js --demo-snapshot  also prepare the demo school's database snapshot
//                                          (run by `npm install`, see scripts/demo-snapshot.js)
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

const args = new Set(process.argv.slice(2))
const force = args.has('--force')
const withSnapshot = args.has('--demo-snapshot')
const STAMP = join('dist', 'build-stamp.json')

// What each target is built from. Shared config files count for both.
const COMMON = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.js']
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
  for (const file of inputs.flatMap(listFiles).sort()) {
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

const stamp = readStamp()
const started = performance.now()
let built = 0
for (const [name, target] of Object.entries(TARGETS)) {
  const hash = hashInputs(target.inputs)
  const changed = stamp[name] !== hash
  if (!force && !changed && existsSync(target.output)) continue
  const t0 = performance.now()
  const [command, commandArgs] = target.command
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' })
  if (result.status !== 0) {
    // A failed build leaves no stamp behind, so the next run tries again.
    delete stamp[name]
    mkdirSync('dist', { recursive: true })
    writeFileSync(STAMP, `${JSON.stringify(stamp, null, 2)}\n`)
    process.exit(result.status ?? 1)
  }
  stamp[name] = hash
  mkdirSync('dist', { recursive: true })
  writeFileSync(STAMP, `${JSON.stringify(stamp, null, 2)}\n`)
  console.log(`build: ${name} built in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  built++
  // The demo snapshot was made from the previous server sources: its seed or migrations may differ.
  if (name === 'server' && changed) rmSync(join('dist', 'demo-snapshot'), { recursive: true, force: true })
}
if (built === 0) console.log(`build: up to date (checked in ${((performance.now() - started) / 1000).toFixed(2)} s)`)

if (withSnapshot) {
  const result = spawnSync(process.execPath, ['scripts/demo-snapshot.js'], { stdio: 'inherit' })
  // The snapshot only speeds up the first start; without it the server loads the demo itself.
  if (result.status !== 0) console.warn('build: the demo snapshot was not made; the first start will load the demo school itself')
}
