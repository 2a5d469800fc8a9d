import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateInstance, type MatchResult } from '#engines/match/index.ts'
import type { SimulationReport } from '#engines/match/simulate.ts'
import { captureIo } from './cli-io.ts'
import { COMMANDS, runCli } from './main.ts'

let dir: string
let instancePath: string

async function cli(...argv: string[]) {
  const io = captureIo()
  const code = await runCli(argv, io)
  return { code, stdout: io.out(), stderr: io.err() }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'preceptor-cli-'))
  instancePath = join(dir, 'instance.json')
  const { code } = await cli('generate', '--applicants', '600', '--programs', '80', '--couples', '12', '--seed', '5', '--out', instancePath)
  expect(code).toBe(0)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('preceptor (dispatcher)', () => {
  it('prints usage on stdout and exits 0 when asked for help', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const { code, stdout, stderr } = await cli(...argv)
      expect(code).toBe(0)
      expect(stderr).toBe('')
      expect(stdout).toContain('Usage: preceptor <command>')
      for (const name of Object.keys(COMMANDS)) expect(stdout).toContain(name)
    }
  })

  it('prints usage on stderr and exits 2 with no command or an unknown command', async () => {
    for (const argv of [[], ['frobnicate']]) {
      const { code, stdout, stderr } = await cli(...argv)
      expect(code).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).toContain('Usage: preceptor <command>')
      for (const name of Object.keys(COMMANDS)) expect(stderr).toContain(name)
    }
    expect((await cli('frobnicate')).stderr).toContain('unknown command "frobnicate"')
  })

  it('turns bad options into usage errors', async () => {
    const { code, stdout, stderr } = await cli('match', instancePath, '--bogus')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('--bogus')
  })
})

describe('preceptor generate', () => {
  it('writes a valid instance to stdout, the same for the same seed', async () => {
    const first = await cli('generate', '--applicants', '200', '--programs', '30', '--couples', '5', '--seed', '9')
    const second = await cli('generate', '--applicants', '200', '--programs', '30', '--couples', '5', '--seed', '9')
    expect(first.code).toBe(0)
    expect(first.stdout).toBe(second.stdout)
    const instance = validateInstance(JSON.parse(first.stdout))
    expect(instance.applicants).toHaveLength(200)
    expect(instance.couples).toHaveLength(5)
  })

  it('requires --applicants and checks numbers', async () => {
    expect((await cli('generate')).code).toBe(2)
    const { code, stderr } = await cli('generate', '--applicants', 'many')
    expect(code).toBe(2)
    expect(stderr).toContain('--applicants must be an integer')
  })
})

describe('preceptor match', () => {
  it('writes the result JSON on stdout, stats on stderr', async () => {
    const { code, stdout, stderr } = await cli('match', instancePath, '--stats')
    expect(code).toBe(0)
    const result = JSON.parse(stdout) as MatchResult
    expect(result.matches.length).toBeGreaterThan(0)
    expect(result.stats.proposals).toBeGreaterThan(0)
    expect(typeof result.stats.ms).toBe('number')
    expect(stderr).toMatch(/proposals\s+\d+/)
    expect(stderr).toMatch(/timing\s+read/)
  })

  it('writes to --out and nothing on stdout', async () => {
    const out = join(dir, 'result.json')
    const { code, stdout } = await cli('match', instancePath, '--out', out)
    expect(code).toBe(0)
    expect(stdout).toBe('')
    expect((JSON.parse(readFileSync(out, 'utf8')) as MatchResult).unmatched).toBeInstanceOf(Array)
  })

  it('rejects an invalid instance naming the entry: exit 2, nothing on stdout', async () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(
      bad,
      JSON.stringify({
        programs: [{ id: 'IM-0001', capacity: 1, ranks: ['A000001', 'A000404'] }],
        applicants: [{ id: 'A000001', ranks: ['IM-0001'] }],
      }),
    )
    const { code, stdout, stderr } = await cli('match', bad)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('programs[0].ranks[1]')
    expect(stderr).toContain('A000404')
  })

  it.each([
    ['a capacity of 2^31', { capacity: 2 ** 31 }, 'programs[0].capacity'],
    ['a capacity of 2^32 + 1 (it became 1)', { capacity: 4_294_967_297 }, 'programs[0].capacity'],
    ['a capacity of 1e300 (it became 0)', { capacity: 1e300 }, 'programs[0].capacity'],
    ['a misspelt field (it meant no reversion)', { revertto: 'FM-0001' }, 'programs[0].revertto'],
  ])('refuses %s: exit 2, the entry named', async (_, change, path) => {
    const bad = join(dir, 'refused.json')
    writeFileSync(
      bad,
      JSON.stringify({
        programs: [
          { id: 'IM-0001', capacity: 1, ranks: ['A000001'], ...change },
          { id: 'FM-0001', capacity: 1, ranks: [] },
        ],
        applicants: [{ id: 'A000001', ranks: ['IM-0001'] }],
      }),
    )
    const { code, stdout, stderr } = await cli('match', bad)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(path)
  })

  it('warns of an unresolved result naming who is left blocking, and exits 0', async () => {
    // A cycle through a supplemental list (no couple): applicants, not couples, are left blocking.
    const cycle = join(dir, 'cycle.json')
    writeFileSync(
      cycle,
      JSON.stringify({
        programs: [
          { id: 'P0', capacity: 2, ranks: ['A8', 'A10', 'A6'], track: 'advanced' },
          { id: 'P1', capacity: 1, ranks: ['A6', 'A8'] },
        ],
        applicants: [
          { id: 'A6', ranks: ['P0'], supplemental: [{ for: ['P0'], ranks: ['P1'] }] },
          { id: 'A8', ranks: ['P1', 'P0'] },
          { id: 'A10', ranks: ['P0'] },
        ],
      }),
    )
    const { code, stdout, stderr } = await cli('match', cycle)
    expect(code).toBe(0)
    const result = JSON.parse(stdout) as MatchResult
    const blocking = result.unresolved?.applicants?.length ?? 0
    expect(blocking).toBeGreaterThan(0)
    expect(stderr).toContain('warning: no stable matching found')
    expect(stderr).toContain(`${blocking} applicant${blocking === 1 ? '' : 's'} left with a blocking program`)
    expect(stderr).not.toContain('0 couple')
  })

  it('reports unreadable files and bad JSON with exit 2', async () => {
    const missing = await cli('match', join(dir, 'missing.json'))
    expect(missing.code).toBe(2)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toContain('no such file')
    const garbled = join(dir, 'garbled.json')
    writeFileSync(garbled, '{"programs": [')
    const bad = await cli('match', garbled)
    expect(bad.code).toBe(2)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toContain('not valid JSON')
    expect((await cli('match')).code).toBe(2)
  })
})

describe('preceptor simulate', () => {
  it('gives the same report on the main thread and on 2 worker threads', async () => {
    const inThread = await cli('simulate', instancePath, '--runs', '8', '--noise', '3', '--seed', '7', '--workers', '0')
    const threaded = await cli('simulate', instancePath, '--runs', '8', '--noise', '3', '--seed', '7', '--workers', '2')
    expect(inThread.code).toBe(0)
    expect(threaded.code).toBe(0)
    expect(threaded.stdout).toBe(inThread.stdout)
    const report = JSON.parse(inThread.stdout) as SimulationReport
    expect(report.runs).toBe(8)
    expect(report.topChoices).toEqual([1, 2, 3, 5])
    expect(report.applicants).toHaveLength(600)
    expect(report.summary.meanMatchRate).toBeGreaterThan(0.4)
    expect(threaded.stderr).toContain('2 workers')
    // No progress bar when stderr is not a terminal: a line at each tenth of the runs instead.
    expect(threaded.stderr).not.toContain('[#')
    expect(threaded.stderr).toMatch(/simulate: 4\/8 runs/)
  }, 20_000)

  it('writes CSV with --csv', async () => {
    const { code, stdout } = await cli('simulate', instancePath, '--runs', '2', '--workers', '0', '--csv', '--top', '1,3')
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines[0]).toBe('kind,id,p_match,p_top1,p_top3,capacity,mean_filled,expected_fill')
    expect(lines.filter((l) => l.startsWith('applicant,'))).toHaveLength(600)
    expect(lines.some((l) => l.startsWith('program,'))).toBe(true)
  })

  it('checks its options', async () => {
    for (const argv of [
      ['simulate', instancePath, '--runs', '0'],
      ['simulate', instancePath, '--noise', '-1'],
      ['simulate', instancePath, '--top', 'x'],
      ['simulate'],
    ]) {
      const { code, stdout } = await cli(...argv)
      expect(code).toBe(2)
      expect(stdout).toBe('')
    }
  })
})
