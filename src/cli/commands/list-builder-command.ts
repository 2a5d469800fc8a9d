import { readFile } from 'node:fs/promises'
import { adviseList, type ResidencyProgram } from '#engines/smart-pick/index.ts'
import { DEFAULT_PRIORS } from '#engines/smart-pick/index.ts'
import { ApplicationProfileInput } from '#shared/contracts/list-builder.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import { generateDemoPrograms } from '#server/db/seed/demo-programs.ts'
import { createRandom } from '#server/db/seed/random.ts'
import { checkProgramsCsv, decodeCsvBytes } from '#server/modules/residency-programs/domain/programs-csv.ts'
// The profile is read exactly as the API stores and reads it.
import { toApplicantProfile, toStoredColumns } from '#server/modules/list-builder/domain/profile.ts'
import { CliError, EXIT_OK, processIo, writeAll, type CliCommand, type CliIo } from '../cli-io.ts'
import { integerOption, parseCommandArgs } from '../parse-options.ts'

const USAGE = `Usage: preceptor list-builder --profile FILE --specialty ID [--applications N] [--target P] [--programs FILE]

The list builder's advice for one application profile, as one JSON object on stdout:
{"specialty", "programs", "applications", "p_match", "recommended_applications", "backup_advised"}.

  --profile FILE       the application profile, as JSON (the fields PUT /api/list-builder/profile takes)
  --specialty ID       specialty id, e.g. dermatology, emergency-medicine
  --applications N     report the chance of matching for the N programs the builder would choose
                       (default: the recommended list)
  --target P           target chance of matching, 0.5–0.99 (default: the profile's targetChance)
  --programs FILE      programs CSV (docs/formats/residency-programs-csv.md) instead of the demo school's`

/** The demo school's seed (as `preceptor seed` uses by default). */
const DEMO_SEED = 1

/** The fields of an input error, named the way the profile names them. */
function fieldError(field: string, message: string): CliError {
  return new CliError(`${field}: ${message}`)
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    throw fieldError(what, `cannot read "${path}"`)
  }
}

async function readProfile(path: string): Promise<ApplicationProfileInput> {
  let json: unknown
  try {
    json = JSON.parse(await readText(path, '--profile'))
  } catch (error) {
    if (error instanceof CliError) throw error
    throw fieldError('--profile', 'not valid JSON')
  }
  const parsed = ApplicationProfileInput.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'profile'
    throw fieldError(field, issue?.message ?? 'invalid')
  }
  return parsed.data
}

async function readPrograms(path: string, specialty: string): Promise<ResidencyProgram[]> {
  const bytes = await readFile(path).catch(() => {
    throw fieldError('--programs', `cannot read "${path}"`)
  })
  const decoded = decodeCsvBytes(new Uint8Array(bytes))
  if ('error' in decoded) throw fieldError('--programs', decoded.error)
  const check = checkProgramsCsv(decoded.text)
  const reject = check.rejects[0]
  if (reject) throw fieldError(`--programs row ${reject.row}${reject.column ? ` column ${reject.column}` : ''}`, reject.message)
  return check.programs
    .filter((p) => p.specialtyId === specialty && p.track !== 'preliminary')
    .map((p) => ({
      id: p.id,
      name: p.name,
      specialty: p.specialtyId,
      track: p.track,
      state: p.state,
      region: p.region,
      positions: p.positions,
      setting: p.setting,
      sponsorsVisa: p.sponsorsVisa ?? false,
      step2Range: { p25: p.step2P25, p75: p.step2P75 },
      researchEmphasis: p.researchEmphasis ?? 0.4,
      competitiveness: p.competitiveness ?? 0.5,
    }))
}

/**
 * The demo school's programs of one specialty. The clock only moves their interview days, which
 * the model does not read (demo-programs.ts draws those from a stream of their own), so the advice
 * is the same on any day.
 */
function demoPrograms(specialty: string, now: Date): ResidencyProgram[] {
  const { modelPrograms } = generateDemoPrograms(createRandom(DEMO_SEED).fork('residency'), { seed: DEMO_SEED, now, onlySpecialty: specialty })
  return modelPrograms.get(specialty) ?? []
}

/** `preceptor list-builder` with a clock of its own (tests run it on different days). */
export function createListBuilderCommand(clock: { now(): Date }): CliCommand {
  return { run: (argv, io) => runListBuilder(argv, io ?? processIo(), clock) }
}

/** `preceptor list-builder`: the list builder's advice for one profile, from the pure model alone. */
export const listBuilderCommand: CliCommand = createListBuilderCommand({ now: () => new Date() })

async function runListBuilder(argv: string[], io: CliIo, clock: { now(): Date }): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      profile: { type: 'string' },
      specialty: { type: 'string' },
      applications: { type: 'string' },
      target: { type: 'string' },
      programs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
  if (values.help) {
    await writeAll(io.stdout, `${USAGE}\n`)
    return EXIT_OK
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"\n\n${USAGE}`)
  if (!values.profile) throw fieldError('--profile', 'required')
  if (!values.specialty) throw fieldError('--specialty', 'required')
  const specialty = values.specialty
  if (!findSpecialty(specialty)) throw fieldError('--specialty', `no specialty "${specialty}"`)
  let target: number | undefined
  if (values.target !== undefined) {
    target = Number(values.target)
    if (values.target.trim() === '' || !(target >= 0.5 && target <= 0.99)) throw fieldError('--target', `a chance between 0.5 and 0.99, got "${values.target}"`)
  }
  const applications = values.applications === undefined ? undefined : integerOption('applications', values.applications, 0, 1)
  const profile = await readProfile(values.profile)
  const programs = values.programs ? await readPrograms(values.programs, specialty) : demoPrograms(specialty, clock.now())
  if (programs.length === 0) throw fieldError('--specialty', `no ${specialty} programs to choose from`)
  if (applications !== undefined && applications > programs.length)
    throw fieldError('--applications', `at most ${programs.length}, the number of ${specialty} programs`)

  const advice = adviseList(toApplicantProfile(toStoredColumns(profile), specialty, []), programs, DEFAULT_PRIORS, {
    target: target ?? profile.targetChance,
    ...(applications !== undefined ? { applications } : {}),
  })
  const out = {
    specialty,
    programs: programs.length,
    applications: advice.applications,
    p_match: Math.round(advice.chance * 1e4) / 1e4,
    recommended_applications: advice.recommendedCount,
    backup_advised: advice.backupAdvised,
  }
  await writeAll(io.stdout, `${JSON.stringify(out)}\n`)
  return EXIT_OK
}
