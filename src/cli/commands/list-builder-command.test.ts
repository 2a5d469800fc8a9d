import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { captureIo, EXIT_OK, EXIT_USAGE } from '../cli-io.ts'
import { runCli } from '../main.ts'
import { firstHourProfile } from '#server/modules/list-builder/testing/first-hour-profile.ts'
import { createListBuilderCommand } from './list-builder-command.ts'

const dir = mkdtempSync(join(tmpdir(), 'list-builder-cli-'))
const firstHour = firstHourProfile('dermatology')
function profileFile(name: string, profile: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, typeof profile === 'string' ? profile : JSON.stringify(profile))
  return path
}
const profile = profileFile('first-hour.json', firstHour)

async function run(...argv: string[]) {
  const io = captureIo()
  const code = await runCli(['list-builder', ...argv], io)
  return { code, out: io.out(), err: io.err() }
}

describe('preceptor list-builder', () => {
  it('prints one JSON object with the advice, in under a second', async () => {
    // Timed on a second run: the first also loads and compiles the modules, which the built command does not.
    await run('--profile', profile, '--specialty', 'family-medicine')
    const started = performance.now()
    const { code, out } = await run('--profile', profile, '--specialty', 'emergency-medicine')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(code).toBe(EXIT_OK)
    const result = JSON.parse(out)
    expect(Object.keys(result)).toEqual(['specialty', 'programs', 'applications', 'p_match', 'recommended_applications', 'backup_advised'])
    expect(result.specialty).toBe('emergency-medicine')
    // Emergency medicine is within reach for this profile: a count, reached at the target.
    expect(result.recommended_applications).toBe(result.applications)
    expect(result.p_match).toBeGreaterThanOrEqual(0.8)
    expect(result.backup_advised).toBe(false)
  })

  it('advises a backup plan in dermatology, where the target is out of reach within its typical 40 applications', async () => {
    const { code, out } = await run('--profile', profile, '--specialty', 'dermatology')
    expect(code).toBe(EXIT_OK)
    const result = JSON.parse(out)
    expect(result.recommended_applications).toBeNull()
    expect(result.backup_advised).toBe(true)
    expect(result.applications).toBe(40)
    expect(result.p_match).toBeLessThan(0.8)
  })

  it('gives the chance of the N programs it would choose, rising with N', async () => {
    const short = JSON.parse((await run('--profile', profile, '--specialty', 'orthopaedic-surgery', '--applications', '10')).out)
    const long = JSON.parse((await run('--profile', profile, '--specialty', 'orthopaedic-surgery', '--applications', '60', '--target', '0.6')).out)
    expect(short.applications).toBe(10)
    expect(long.p_match).toBeGreaterThan(short.p_match)
  })

  it('prints the same advice whatever day it is run on', async () => {
    // December (interview season under way), August (next season, another match year) and March after Match Day.
    const days = ['2026-12-06T09:00:00Z', '2027-08-15T09:00:00Z', '2027-03-25T09:00:00Z']
    for (const specialty of ['internal-medicine', 'dermatology', 'emergency-medicine']) {
      const outputs: string[] = []
      for (const day of days) {
        const io = captureIo()
        const command = createListBuilderCommand({ now: () => new Date(day) })
        expect(await command.run(['--profile', profile, '--specialty', specialty, '--applications', '30'], io)).toBe(EXIT_OK)
        outputs.push(io.out())
      }
      expect(outputs[1], specialty).toBe(outputs[0])
      expect(outputs[2], specialty).toBe(outputs[0])
    }
  })

  it.each([
    [['--specialty', 'dermatology'], '--profile'],
    [['--profile', profile], '--specialty'],
    [['--profile', profile, '--specialty', 'derm'], '--specialty'],
    [['--profile', profile, '--specialty', 'dermatology', '--target', '1.5'], '--target'],
    [['--profile', profile, '--specialty', 'dermatology', '--applications', '0'], '--applications'],
    [['--profile', profile, '--specialty', 'dermatology', '--applications', '100000'], '--applications'],
    [['--profile', profileFile('bad-step2.json', { ...firstHour, step2: 400 }), '--specialty', 'dermatology'], 'step2'],
    [['--profile', profileFile('no-type.json', { ...firstHour, applicantType: undefined }), '--specialty', 'dermatology'], 'applicantType'],
    [['--profile', profileFile('not-json.json', '{'), '--specialty', 'dermatology'], '--profile'],
  ])('exits 2 naming the field, with nothing on stdout: %j', async (argv, field) => {
    const { code, out, err } = await run(...argv)
    expect(code).toBe(EXIT_USAGE)
    expect(out).toBe('')
    expect(err).toContain(field)
  })
})
