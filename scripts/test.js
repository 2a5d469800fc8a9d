#!/usr/bin/env node
// `npm test`: sets up what the suites need (Chromium, a throwaway PostgreSQL cluster), then runs
//   0. Biome (formatting, lint, module boundaries)
//   1. Vitest, both projects (unit; integration on PGlite)
//   2. the integration project again on real PostgreSQL
//   3. the browser tests (Playwright, on the built app)
// Unless --serial is given, 3 and then 2 start first and run in the background beside 1, their
// output printed when 1 is done.
// and ends with a summary and one `N passed, N failed` line. See docs/testing.md.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensurePackages } from './lib/apt.js'
import { findPgBinDir, startCluster } from './lib/postgres.js'
import { backgroundChildren, foregroundChild, killCaptured, processAlive, signalGroup, stream, streamToFile } from './lib/proc.js'
import { playwrightCounts, playwrightFileTimes, vitestCounts, vitestFileTimes } from './lib/reports.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

// Debian's headless shell: Chromium's own headless build, without the browser's window and UI
// processes, which cost the full browser about a fifth more processor time per journey.
const CHROMIUM = '/usr/lib/chromium/chromium-headless-shell'
const SUITES = ['lint', 'unit', 'integration', 'pg', 'browser']
const USAGE = `usage: npm test [-- [--skip-browser] [--serial] [--only ${SUITES.join('|')}[,...]]]

  --skip-browser   do not build the app or run the Playwright tests (also: SKIP_BROWSER=1)
  --serial         run the suites one after another instead of side by side
  --only SUITES    run only these suites (comma-separated or repeated):
                     lint         Biome: formatting, lint rules and module boundaries
                     unit         Vitest project "unit"
                     integration  Vitest project "integration" on PGlite
                     pg           Vitest project "integration" on a throwaway PostgreSQL
                     browser      npm run build, then Playwright (tests/e2e)`

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const only = new Set()
  let serial = false
  let skipBrowser = ['1', 'true', 'yes'].includes(String(process.env.SKIP_BROWSER ?? '').toLowerCase())
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE)
      process.exit(0)
    } else if (arg === '--skip-browser') {
      skipBrowser = true
    } else if (arg === '--serial') {
      serial = true
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length)
      if (!value) usageError('--only needs a suite name')
      for (const name of value.split(',').filter(Boolean)) {
        if (!SUITES.includes(name)) usageError(`unknown suite "${name}"`)
        only.add(name)
      }
    } else {
      usageError(`unknown argument "${arg}"`)
    }
  }
  const suites = new Set(only.size > 0 ? only : SUITES)
  if (skipBrowser) suites.delete('browser')
  return { suites, serial }
}

function usageError(message) {
  console.error(`npm test: ${message}\n\n${USAGE}`)
  process.exit(2)
}

// ---------------------------------------------------------------------------------------------
// Output

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code) => (text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text)
const bold = paint('1')
const green = paint('32')
const red = paint('31')
const yellow = paint('33')
const dim = paint('2')

const log = (message) => console.log(`${dim('[npm test]')} ${message}`)
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

function banner(title) {
  const line = '─'.repeat(Math.max(4, 76 - title.length))
  console.log(`\n${bold(`── ${title} ${line}`)}`)
}

// ---------------------------------------------------------------------------------------------
// Clean-up that must happen however the run ends

const cleanups = []
function runCleanups() {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()
    try {
      cleanup()
    } catch (error) {
      console.error(`clean-up failed: ${error.message}`)
    }
  }
}
process.on('exit', runCleanups)

let interrupted = null
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
]) {
  process.on(signal, () => {
    // The suite streaming to the terminal, and the browser tests when they run beside it.
    const children = () => [foregroundChild(), ...backgroundChildren()].filter(Boolean)
    if (interrupted) {
      // Second signal: the user means it.
      for (const child of children()) signalGroup(child, 'SIGKILL')
      killCaptured()
      runCleanups()
      process.exit(128 + number)
    }
    interrupted = { signal, code: 128 + number }
    console.error(`\n${yellow(`${signal}: stopping`)}`)
    for (const child of children()) signalGroup(child, signal)
    // A half-done initdb or pg_ctl start would otherwise recreate what the clean-up removes.
    killCaptured()
    // Stop the database now: the step in progress is being abandoned anyway.
    runCleanups()
    if (children().length === 0) process.exit(interrupted.code)
    // Give the runners a moment to stop their own children (the app servers), then insist.
    setTimeout(() => {
      for (const child of children()) signalGroup(child, 'SIGKILL')
      process.exit(interrupted.code)
    }, 10_000).unref()
  })
}

// ---------------------------------------------------------------------------------------------
// Steps

// Reports go to a per-run folder; folders of runs that were killed outright are removed here.
for (const name of readdirSync(tmpdir())) {
  const owner = /^preceptor-test-(\d+)-/.exec(name)?.[1]
  if (owner && !processAlive(Number(owner))) rmSync(join(tmpdir(), name), { recursive: true, force: true })
}
const workDir = mkdtempSync(join(tmpdir(), `preceptor-test-${process.pid}-`))
cleanups.push(() => rmSync(workDir, { recursive: true, force: true }))
const browserLog = join(workDir, 'playwright.log')

// Prefer the local binaries over npx: npx adds start-up time and, when a package is missing,
// would download one instead of failing.
function bin(name) {
  const local = join(root, 'node_modules', '.bin', name)
  return existsSync(local) ? [local, []] : ['npx', ['--no-install', name]]
}

const results = []

async function runStep(name, fn) {
  if (interrupted) return null
  banner(name)
  const started = performance.now()
  let result
  try {
    result = await fn()
  } catch (error) {
    console.error(red(error.message))
    result = { ok: false, note: error.message.split('\n')[0] }
  }
  result.name = name
  result.ms = performance.now() - started
  results.push(result)
  return result
}

/** `run` streams the output (the default) or sends it to a file, like `playwrightStep`'s. */
async function vitestStep({ project, env, reportName, run = stream }) {
  const report = join(workDir, `${reportName}.json`)
  const [command, prefix] = bin('vitest')
  const args = [
    ...prefix,
    'run',
    ...(project ? [project].flat().flatMap((name) => ['--project', name]) : []),
    // A project with no test files yet (early in the project, or a filtered run) is not a failure.
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]
  const { code, signal } = await run(command, args, { env })
  return { ok: code === 0, code, signal, counts: vitestCounts(report), files: vitestFileTimes(report) }
}

/** Playwright on the built app; `run` either streams its output or sends it to a file. */
async function playwrightStep(run) {
  const report = join(workDir, 'playwright.json')
  const [command, prefix] = bin('playwright')
  const { code, signal } = await run(command, [...prefix, 'test', '--reporter=list,json', '--pass-with-no-tests'], {
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  })
  return { ok: code === 0, code, signal, counts: playwrightCounts(report), files: playwrightFileTimes(report) }
}

/** Like runStep, for a step whose output is shown when it ends; the caller records the result. */
async function runInBackground(name, fn) {
  const started = performance.now()
  let result
  try {
    result = await fn()
  } catch (error) {
    result = { ok: false, note: error.message.split('\n')[0] }
  }
  result.name = name
  result.ms = performance.now() - started
  return result
}

function envWithout(...names) {
  const env = { ...process.env }
  for (const name of names) delete env[name]
  return env
}

function findSpecs(dir) {
  if (!existsSync(dir)) return []
  const found = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...findSpecs(path))
    else if (entry.name.endsWith('.spec.ts')) found.push(path)
  }
  return found
}

// ---------------------------------------------------------------------------------------------
// Main

const { suites, serial } = parseArgs(process.argv.slice(2))
const runStarted = performance.now()
const timings = []

const specs = suites.has('browser') ? findSpecs(join(root, 'tests', 'e2e')) : []
const runBrowser = suites.has('browser') && specs.length > 0
let pgBins = suites.has('pg') ? findPgBinDir() : null

let setupFailed = false
banner('set-up')
log(`suites: ${[...suites].join(', ') || '(none)'}`)
try {
  const wanted = []
  if (runBrowser) wanted.push({ pkg: 'chromium-headless-shell', what: `Chromium's headless shell (${CHROMIUM})`, present: () => existsSync(CHROMIUM) })
  if (suites.has('pg')) {
    wanted.push({
      pkg: 'postgresql',
      what: 'PostgreSQL (initdb, pg_ctl)',
      present: () => {
        pgBins = findPgBinDir()
        return pgBins !== null
      },
    })
  }
  const started = performance.now()
  await ensurePackages(wanted, log)
  if (wanted.length > 0) timings.push(`system packages checked in ${seconds(performance.now() - started)}`)
  if (runBrowser) log(`Chromium: ${CHROMIUM}`)
  if (suites.has('pg')) log(`PostgreSQL: ${dirname(pgBins.initdb)}`)
  if (suites.has('browser') && !runBrowser) log('no *.spec.ts files in tests/e2e: the browser step will be skipped')
} catch (error) {
  console.error(red(`set-up failed: ${error.message}`))
  setupFailed = true
}

if (!setupFailed) {
  // 0. Formatting, lint rules and module boundaries: seconds, and a boundary crossing or an
  //    unformatted file fails the run like a failing test (the other steps still run).
  if (suites.has('lint')) {
    await runStep('lint and format (Biome)', async () => {
      const [command, prefix] = bin('biome')
      const { code, signal } = await stream(command, [...prefix, 'ci', '--reporter=summary', '.'])
      return { ok: code === 0, code, signal }
    })
  }

  // The browser journeys start first and run beside the Vitest suites, their output kept in a
  // file until those are done. Alone, neither uses both cores: one Playwright worker with its
  // server and Chromium uses about one, and Vitest's two workers wait on the database between
  // queries. Side by side the whole run takes about the time of the longer of the two.
  let browserRun = null
  if (suites.has('browser') && !interrupted) {
    if (!runBrowser) {
      results.push({ name: 'browser (Playwright)', ok: true, skipped: true, note: 'no specs in tests/e2e', ms: 0 })
    } else {
      const build = await runStep('build (npm run build)', async () => {
        const { code, signal } = await stream('npm', ['run', 'build'])
        return { ok: code === 0, code, signal }
      })
      if (build?.ok && !interrupted) {
        if (serial) {
          browserRun = 'serial'
        } else {
          log(`browser tests started in the background; their output follows the other suites (${browserLog})`)
          browserRun = runInBackground('browser (Playwright)', () =>
            playwrightStep((command, args, options) => streamToFile(command, args, { ...options, file: browserLog })),
          )
        }
      } else if (!interrupted) {
        results.push({ name: 'browser (Playwright)', ok: false, skipped: true, note: 'not run: the build failed', ms: 0 })
      }
    }
  }

  // 2. Integration on PostgreSQL: beside the other suites, its output kept like the browser's,
  //    unless --serial. Started before step 1, which streams to the terminal meanwhile.
  let pgRun = null
  const pgLog = join(workDir, 'postgresql.log')
  if (suites.has('pg') && !interrupted) {
    const pgStep = async () => {
      let cluster = null
      try {
        const startedAt = performance.now()
        cluster = await startCluster(pgBins, log, (stop) => cleanups.push(stop))
        const startMs = performance.now() - startedAt
        timings.push(`PostgreSQL cluster started in ${seconds(startMs)}`)
        log(`PostgreSQL ${cluster.version} on 127.0.0.1:${cluster.port} (started in ${seconds(startMs)}); TEST_DATABASE_URL=${cluster.url}`)
        const result = await vitestStep({
          project: ['integration', 'integration-fresh'],
          env: { ...process.env, TEST_DATABASE_URL: cluster.url },
          reportName: 'vitest-pg',
          run: serial ? stream : (command, args, options) => streamToFile(command, args, { ...options, file: pgLog }),
        })
        result.note = `PostgreSQL ${cluster.version}`
        return result
      } finally {
        if (cluster && !interrupted) {
          // Stopped as soon as it is no longer needed, to leave the machine to the other suites.
          const stopStarted = performance.now()
          cluster.stop()
          timings.push(`PostgreSQL cluster stopped in ${seconds(performance.now() - stopStarted)}`)
        }
      }
    }
    if (serial) {
      pgRun = { step: pgStep }
    } else {
      log(`PostgreSQL suite started in the background; its output follows the PGlite suite (${pgLog})`)
      pgRun = { promise: runInBackground('integration (PostgreSQL)', pgStep) }
    }
  }

  // 1. Unit and PGlite integration. TEST_DATABASE_URL is removed so a developer's own setting
  //    cannot turn the PGlite run into a second PostgreSQL run.
  if (suites.has('unit') || suites.has('integration')) {
    const both = suites.has('unit') && suites.has('integration')
    const project = both ? null : suites.has('unit') ? 'unit' : ['integration', 'integration-fresh']
    await runStep(both ? 'unit + integration (PGlite)' : project === 'unit' ? 'unit' : 'integration (PGlite)', () =>
      vitestStep({ project, env: envWithout('TEST_DATABASE_URL'), reportName: 'vitest' }),
    )
  }

  if (pgRun?.step && !interrupted) {
    await runStep('integration (PostgreSQL)', pgRun.step)
  } else if (pgRun?.promise) {
    log('waiting for the PostgreSQL suite to finish')
    const result = await pgRun.promise
    banner(result.name)
    if (existsSync(pgLog)) process.stdout.write(readFileSync(pgLog, 'utf8'))
    results.push(result)
  }

  // 3. Browser tests with --serial: after the other suites, streaming as they go.
  if (browserRun === 'serial' && !interrupted) {
    await runStep('browser (Playwright)', () => playwrightStep((command, args, options) => stream(command, args, options)))
  }

  // 3. Browser tests run beside the other suites: their output follows now that they are done.
  if (browserRun instanceof Promise) {
    log('waiting for the browser tests to finish')
    const result = await browserRun
    banner(result.name)
    if (existsSync(browserLog)) process.stdout.write(readFileSync(browserLog, 'utf8'))
    results.push(result)
  }
}

// ---------------------------------------------------------------------------------------------
// Summary

/** Where the time went: the slowest test files of all steps, to find the next thing to make cheaper. */
function printSlowestFiles(stepResults, count) {
  const files = stepResults.flatMap((result) => (result.files ?? []).map((file) => ({ ...file, step: result.name })))
  if (files.length === 0) return
  files.sort((a, b) => b.ms - a.ms)
  console.log(`  slowest ${Math.min(count, files.length)} test files:`)
  for (const file of files.slice(0, count)) {
    console.log(`    ${dim(seconds(file.ms).padStart(8))}  ${file.file}  ${dim(`(${file.step})`)}`)
  }
}

runCleanups()
banner('summary')
let passed = 0
let failed = 0
let allOk = !setupFailed && !interrupted
if (setupFailed) console.log(`  ${red('FAIL')}  set-up`)
for (const result of results) {
  const counts = result.counts
  if (counts) {
    passed += counts.passed
    failed += counts.failed
  }
  if (!result.ok) allOk = false
  const status = result.skipped ? (result.ok ? yellow('SKIP') : red('SKIP')) : result.ok ? green('PASS') : red('FAIL')
  const details = []
  if (counts) {
    details.push(`${counts.passed} passed, ${counts.failed} failed`)
    if (counts.skipped) details.push(`${counts.skipped} skipped`)
    if (counts.flaky) details.push(`${counts.flaky} flaky`)
    if (counts.errors) details.push(`${counts.errors} file/run error${counts.errors > 1 ? 's' : ''}`)
  } else if (!result.skipped && 'counts' in result) {
    details.push('no report')
  }
  if (!result.ok && !result.skipped && result.code !== undefined) {
    details.push(result.signal ? `killed by ${result.signal}` : `exit code ${result.code}`)
  }
  if (result.note) details.push(result.note)
  console.log(`  ${status}  ${result.name.padEnd(30)} ${details.join('; ').padEnd(44)} ${dim(seconds(result.ms))}`)
}
if (interrupted) console.log(`  ${red('STOP')}  interrupted by ${interrupted.signal}`)
for (const timing of timings) console.log(`  ${dim(timing)}`)
printSlowestFiles(results, 10)
console.log(`  total wall time ${seconds(performance.now() - runStarted)}`)
console.log(`${passed} passed, ${failed} failed`)

process.exitCode = interrupted ? interrupted.code : allOk ? 0 : 1
