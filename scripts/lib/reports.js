// Reads the machine-readable reports of Vitest and Playwright into one shape, so the runner can
// add the counts of all steps together.
import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'

function readJson(file) {
  if (!existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Vitest's json reporter (Jest-compatible shape). */
export function vitestCounts(file) {
  const report = readJson(file)
  if (!report) return null
  // A file that fails to import has no tests to count but is still a failure worth reporting.
  const brokenFiles = (report.testResults ?? []).filter(
    (result) => result.status === 'failed' && !(result.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    errors: brokenFiles,
  }
}

/** Playwright's json reporter: `expected` passed first time, `flaky` passed on a retry. */
export function playwrightCounts(file) {
  const report = readJson(file)
  if (!report?.stats) return null
  return {
    passed: (report.stats.expected ?? 0) + (report.stats.flaky ?? 0),
    failed: report.stats.unexpected ?? 0,
    skipped: report.stats.skipped ?? 0,
    flaky: report.stats.flaky ?? 0,
    errors: (report.errors ?? []).length,
  }
}

/** Wall time per test file in a Vitest json report: `[{ file, ms }]`, paths relative to the project. */
export function vitestFileTimes(file) {
  const report = readJson(file)
  if (!report) return []
  return (report.testResults ?? [])
    .filter((result) => result.startTime && result.endTime)
    .map((result) => ({ file: relative(process.cwd(), result.name), ms: result.endTime - result.startTime }))
}

/** Time per spec file in a Playwright json report: the durations of its tests added up. */
export function playwrightFileTimes(file) {
  const report = readJson(file)
  if (!report) return []
  const perFile = new Map()
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      const ms = (spec.tests ?? []).flatMap((test) => test.results ?? []).reduce((sum, result) => sum + (result.duration ?? 0), 0)
      const name = `tests/e2e/${spec.file}`
      perFile.set(name, (perFile.get(name) ?? 0) + ms)
    }
    for (const child of suite.suites ?? []) visit(child)
  }
  for (const suite of report.suites ?? []) visit(suite)
  return [...perFile].map(([name, ms]) => ({ file: name, ms }))
}
