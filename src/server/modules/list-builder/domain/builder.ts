import {
  planBackup,
  planSignals,
  recommendApplicationCount,
  summarizePrograms,
  type ApplicantProfile,
  type BackupPlan,
  type Chance,
  type ChanceSummary as EngineChanceSummary,
  type ResidencyProgram,
  type SmartPickPriors,
} from '#engines/smart-pick/index.ts'
import {
  APPLYING_STATUSES,
  type BuilderProgram,
  type ChanceSummary,
  type ChanceView,
  type ListBuilderResponse,
  type ProgramListStatusValue,
} from '#shared/contracts/list-builder.ts'

/** What the page shows about a program besides the model's fields. */
export type ProgramDisplay = { name: string; institution: string; city: string }

export type ListEntry = { programId: string; status: ProgramListStatusValue; signalled: boolean }

export type BuilderInput = {
  applicant: ApplicantProfile
  specialty: { id: string; name: string }
  programs: readonly ResidencyProgram[]
  display: ReadonlyMap<string, ProgramDisplay>
  backupSpecialty: { id: string; name: string } | null
  backupPrograms: readonly ResidencyProgram[]
  priors: SmartPickPriors
  target: number
  /** The student's program list (every specialty). */
  list: readonly ListEntry[]
  profileSaved: boolean
  model: ListBuilderResponse['model']
}

/** Applications beyond which the page suggests a backup specialty ([M], the engine's default). */
export const REASONABLE_APPLICATIONS = 40

export const percent = (p: number): string => {
  const value = Math.round(p * 100)
  if (value >= 100 && p < 1) return 'over 99 %'
  if (value <= 0 && p > 0) return 'under 1 %'
  return `${value} %`
}

const finite = (n: number): number => (Number.isFinite(n) ? n : 1_000_000)

/**
 * Figures on the wire to six decimals: a hundred-thousandth of a percentage point is far below
 * anything shown, and it halves the size of a 900-program list on a phone.
 */
export const round6 = (n: number): number => Math.round(n * 1e6) / 1e6

function chanceSummary(chance: EngineChanceSummary): ChanceSummary {
  return { probability: round6(chance.probability), low: round6(chance.low), high: round6(chance.high), effectiveCount: round6(finite(chance.effectiveCount)) }
}

export function chanceView(chance: Chance): ChanceView {
  return { ...chanceSummary(chance), factors: chance.factors.map((f) => ({ key: f.key, label: f.label, change: round6(f.change), sign: f.sign })) }
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

/**
 * The whole list-builder view for one student and one specialty, from the engine's own
 * functions (docs/smart-pick.md) — nothing here changes a figure, it only assembles and words them.
 */
export function buildListBuilderView(input: BuilderInput): Omit<ListBuilderResponse, 'studentId' | 'elapsedMs'> {
  const { applicant, programs, priors, target } = input
  const level = Math.round(priors.intervalLevel * 100)
  // The list's figures without wording every factor (a program's factors come from its own route).
  const entries = summarizePrograms(applicant, programs, priors)
  const recommendation = recommendApplicationCount(applicant, programs, priors, { target })
  const recommendedIds = recommendation.order.slice(0, recommendation.count ?? recommendation.order.length)
  const recommendedSet = new Set(recommendedIds)
  const listByProgram = new Map(input.list.map((entry) => [entry.programId, entry] as const))
  const inSpecialty = new Set(programs.map((p) => p.id))
  const currentIds = input.list.filter((e) => inSpecialty.has(e.programId) && APPLYING_STATUSES.includes(e.status)).map((e) => e.programId)

  // The current list's chance: the curve's last point over the student's own list.
  let currentList = { count: 0, chance: 0, low: 0, high: 0 }
  if (currentIds.length > 0) {
    const own = recommendApplicationCount(applicant, programs, priors, { target, order: currentIds })
    const last = own.curve[own.curve.length - 1]
    if (last) currentList = { count: last.applications, chance: last.chance, low: last.low, high: last.high }
  }

  const signalList = currentIds.length > 0 ? currentIds : recommendedIds
  const signalPlan = planSignals(applicant, programs, priors, { listIds: signalList, target })
  const nameOf = (id: string) => input.display.get(id)?.name ?? id

  // planBackup's own first step is this recommendation; skip recomputing it when no backup is needed.
  const backupNeeded = !(recommendation.count !== null && recommendation.count <= REASONABLE_APPLICATIONS)
  const backupPlan: BackupPlan = backupNeeded
    ? planBackup(applicant, programs, input.backupPrograms, priors, { target, reasonableCount: REASONABLE_APPLICATIONS })
    : {
        needed: false,
        preferred: { specialty: input.specialty.id, count: recommendation.count ?? 0, chance: recommendation.chance },
        backup: null,
        combinedChance: recommendation.chance,
        reached: true,
      }

  const programViews: BuilderProgram[] = entries.map((entry) => {
    const p = entry.program
    const shown = input.display.get(p.id)
    const onList = listByProgram.get(p.id)
    return {
      id: p.id,
      name: shown?.name ?? p.name ?? p.id,
      institution: shown?.institution ?? '',
      city: shown?.city ?? '',
      state: p.state,
      region: p.region,
      setting: p.setting,
      positions: p.positions,
      sponsorsVisa: p.sponsorsVisa,
      step2P25: p.step2Range.p25,
      step2P75: p.step2Range.p75,
      tier: entry.tier,
      interview: chanceSummary(entry.interview),
      matchIfInterviewed: chanceSummary(entry.matchIfInterviewed),
      interviewAndMatch: round6(entry.interviewAndMatch),
      fitsPreferences: entry.fitsPreferences,
      recommended: recommendedSet.has(p.id),
      listStatus: onList?.status ?? null,
      signalled: onList?.signalled ?? false,
    }
  })

  const interval = (low: number, high: number) => `${level} % interval ${percent(low)}–${percent(high)}`
  let summary: string
  if (programs.length === 0) summary = `There are no ${input.specialty.name} programs in Preceptor yet, so there is nothing to recommend.`
  else if (recommendation.count !== null)
    summary = `Apply to ${recommendation.count} program${recommendation.count === 1 ? '' : 's'} for a ${percent(recommendation.chance)} chance of matching (${interval(recommendation.low, recommendation.high)}).`
  else
    summary = `Even applying to all ${programs.length} ${input.specialty.name} programs gives a ${percent(recommendation.chance)} chance of matching (${interval(recommendation.low, recommendation.high)}), below your ${percent(target)} target.`

  const backupName = input.backupSpecialty?.name ?? null
  let backupSummary: string
  if (!backupPlan.needed)
    backupSummary = `No backup specialty is needed on these numbers: ${input.specialty.name} reaches ${percent(target)} within ${REASONABLE_APPLICATIONS} applications.`
  else if (!backupPlan.backup || !backupName)
    backupSummary = `${input.specialty.name} does not reach ${percent(target)} within ${REASONABLE_APPLICATIONS} applications (${percent(backupPlan.preferred.chance)} at ${backupPlan.preferred.count}). Choose a backup specialty in your profile to see a plan, and talk it over with your advisor.`
  else
    backupSummary = `Apply to ${backupPlan.preferred.count} ${input.specialty.name} programs (${percent(backupPlan.preferred.chance)}) and ${backupPlan.backup.count} ${backupName} programs (${percent(backupPlan.backup.chance)} alone), ranking ${input.specialty.name} first: about ${percent(backupPlan.combinedChance)} of matching somewhere${backupPlan.reached ? '' : `, still below your ${percent(target)} target`}. This treats the two specialties as independent, which is optimistic.${backupPlan.backup.count > 60 ? ' That many applications is more than anyone can prepare well: talk with your advisor about your options.' : ''}`

  const honesty: string[] = []
  if (input.model.source === 'national')
    honesty.push(
      "Every chance here comes from national figures (NRMP, AAMC, published studies) and stated assumptions, not yet from our school's own outcomes. Treat them as a rough guide, not a prediction about you.",
    )
  else honesty.push(`${input.model.label}. Where our school's past applicants say little, the national figures still decide.`)
  const counts = entries.map((e) => finite(e.interview.effectiveCount))
  const typical = median(counts)
  if (entries.length > 0 && typical < 30)
    honesty.push(
      `Each interview chance is about as sure as what you would learn from watching ${Math.max(1, Math.round(typical))} applicants like you at that program: that is thin, so the ${level} % intervals are wide.`,
    )
  if (applicant.step2 === null || applicant.step2 === undefined)
    honesty.push(
      'You have not entered a Step 2 CK score, so it is taken as typical for every program and the intervals are wider. Add it to your profile when you have it.',
    )
  if (!input.profileSaved)
    honesty.push('You have not saved your application profile yet, so these figures are for a typical U.S. MD applicant with no scores entered.')
  honesty.push(
    'The chance of matching treats interview offers as independent. In truth a strong or weak application moves every program together, so the real spread is wider and the recommended count may be a little short.',
  )

  return {
    specialty: input.specialty,
    profileSaved: input.profileSaved,
    target,
    model: input.model,
    recommendation: {
      count: recommendation.count,
      chance: round6(recommendation.chance),
      low: round6(recommendation.low),
      high: round6(recommendation.high),
      programIds: recommendedIds,
      ordering: recommendation.ordering,
      summary,
    },
    curve: recommendation.curve.map((p) => ({ applications: p.applications, chance: round6(p.chance), low: round6(p.low), high: round6(p.high) })),
    programs: programViews,
    signals: {
      available: applicant.signalsAvailable,
      used: input.list.filter((e) => e.signalled).length,
      chanceWithout: signalPlan.chanceWithout,
      chanceWith: signalPlan.chanceWith,
      plannedFor: currentIds.length > 0 ? 'my-list' : 'recommended',
      choices: signalPlan.signals.map((s) => ({ ...s, programName: nameOf(s.programId) })),
    },
    backup: {
      needed: backupPlan.needed,
      specialty: input.backupSpecialty,
      preferredCount: backupPlan.preferred.count,
      preferredChance: backupPlan.preferred.chance,
      backupCount: backupPlan.backup?.count ?? null,
      backupChance: backupPlan.backup?.chance ?? null,
      combinedChance: backupPlan.combinedChance,
      reached: backupPlan.reached,
      summary: backupSummary,
    },
    currentList,
    honesty,
  }
}
