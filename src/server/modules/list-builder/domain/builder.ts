import {
  adviseList,
  planBackup,
  recommendApplicationCount,
  summarizePrograms,
  type ApplicantProfile,
  type BackupPlan,
  type Chance,
  type ChanceSummary as EngineChanceSummary,
  normsOf,
  type ResidencyProgram,
  type SmartPickPriors,
  type SpecialtyNorms,
} from '#engines/smart-pick/index.ts'
import {
  APPLYING_STATUSES,
  curveReach,
  type BuilderProgram,
  type ChanceSummary,
  type ChanceView,
  type ListBuilderResponse,
  type ProgramListStatusValue,
} from '#shared/contracts/list-builder.ts'
import { pageOfPrograms, type ProgramPageQuery } from './program-page.ts'
import { scoreRangeFor } from './score-range.ts'
import { sourceTagsInWords } from './source-words.ts'

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
  /** Fields the model needs that the profile lacks (see `missingProfileFields`); advice only when empty. */
  missingFields: readonly string[]
  /** The student is looking at their own page; otherwise staff, and sentences speak of "the student". */
  viewerIsStudent: boolean
  model: ListBuilderResponse['model']
  /** The page of programs to send; every program when absent (the command line, benchmarks). */
  page?: ProgramPageQuery
}

/** A percentage in words, its number and "%" joined by a no-break space so they never part at a line end. */
export const percent = (p: number): string => {
  const value = Math.round(p * 100)
  if (value >= 100 && p < 1) return 'over 99\u00a0%'
  if (value <= 0 && p > 0) return 'under 1\u00a0%'
  return `${value}\u00a0%`
}

/** "a 70 %" but "an 80 %", "an 11 %", "an 18 %", "an over 99 %" — the article as the figure is read aloud. */
export const aPercent = (p: number): string => {
  const text = percent(p)
  return `${/^(8|11\u00a0|18\u00a0|over|under)/.test(text) ? 'an' : 'a'} ${text}`
}

/**
 * What the model needs that the stored profile lacks: nothing until the student has saved a
 * profile, and a Step 2 CK score (the strongest single figure programs screen on). With a field
 * missing the page asks for it and gives no advice.
 */
export function missingProfileFields(profile: { step2: number | null } | null): string[] {
  if (!profile) return ['applicant type', 'Step 2 CK score', 'research items', 'clerkship honors', 'geographic ties']
  return profile.step2 === null ? [STEP2_FIELD] : []
}

const STEP2_FIELD = 'Step 2 CK score'

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
 * With fields missing from the profile it gives no advice at all, only what to fill in.
 */
export function buildListBuilderView(input: BuilderInput): Omit<ListBuilderResponse, 'studentId' | 'elapsedMs'> {
  const { applicant, programs, priors, target } = input
  const level = Math.round(priors.intervalLevel * 100)
  const staff = !input.viewerIsStudent
  const v = {
    your: staff ? "the student's" : 'your',
    Your: staff ? "The student's" : 'Your',
    you: staff ? 'the student' : 'you',
    youHave: staff ? 'the student has' : 'you have',
    YouHave: staff ? 'The student has' : 'You have',
  }
  const norms = normsOf(priors, input.specialty.id)
  const typical = norms.typicalApplications
  const signalsWords = specialtySignalsWords(norms)
  const ready = input.missingFields.length === 0 && programs.length > 0
  if (!ready) return notReadyView(input, v, typical, signalsWords)

  const listByProgram = new Map(input.list.map((entry) => [entry.programId, entry] as const))
  const inSpecialty = new Set(programs.map((p) => p.id))
  const mine = input.list.filter((e) => inSpecialty.has(e.programId))
  // Interviews offered or held are facts; programs that turned the student down or were withdrawn from are out.
  const interviewed = mine.filter((e) => e.status === 'interview-offered' || e.status === 'interviewed').map((e) => e.programId)
  const excluded = mine.filter((e) => e.status === 'rejected' || e.status === 'withdrawn').map((e) => e.programId)
  const known = new Map(interviewed.map((id) => [id, 1] as const))
  const advice = adviseList(applicant, programs, priors, { target, interviewed, excluded })
  const recommendation = advice.recommendation
  const recommendedIds = advice.recommendedCount === null ? [] : recommendation.order.slice(0, advice.recommendedCount)
  const recommendedSet = new Set(recommendedIds)
  const currentIds = mine.filter((e) => APPLYING_STATUSES.includes(e.status)).map((e) => e.programId)

  // The current list's chance: the curve's last point over the student's own list.
  let currentList = { count: 0, chance: 0, low: 0, high: 0 }
  if (currentIds.length > 0) {
    const own = recommendApplicationCount(applicant, programs, priors, { target, order: currentIds, known })
    const last = own.curve[own.curve.length - 1]
    if (last) currentList = { count: last.applications, chance: last.chance, low: last.low, high: last.high }
  }
  const nameOf = (id: string) => input.display.get(id)?.name ?? id

  const backupPlan: BackupPlan = advice.backupAdvised
    ? planBackup(applicant, programs, input.backupPrograms, priors, { target, reasonableCount: typical })
    : {
        needed: false,
        preferred: { specialty: input.specialty.id, count: advice.recommendedCount ?? 0, chance: advice.chance },
        backup: null,
        combinedChance: advice.chance,
        reached: true,
      }

  const entries = summarizePrograms(applicant, programs, priors)
  const programViews: BuilderProgram[] = entries.map((entry) => {
    const p = entry.program
    const shown = input.display.get(p.id)
    const onList = listByProgram.get(p.id)
    const hasInterview = known.has(p.id)
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
      tier: hasInterview ? 'likely' : entry.tier,
      interview: hasInterview ? { probability: 1, low: 1, high: 1, effectiveCount: 1_000_000 } : chanceSummary(entry.interview),
      matchIfInterviewed: chanceSummary(entry.matchIfInterviewed),
      interviewAndMatch: round6(hasInterview ? entry.matchIfInterviewed.probability : entry.interviewAndMatch),
      fitsPreferences: entry.fitsPreferences,
      recommended: recommendedSet.has(p.id),
      listStatus: onList?.status ?? null,
      signalled: onList?.signalled ?? false,
    }
  })

  const interval = (low: number, high: number) => `${level}\u00a0% interval ${percent(low)}–${percent(high)}`
  const name = input.specialty.name
  const interviewsNote =
    interviewed.length > 0 ? ` This counts the ${interviewed.length} interview${interviewed.length === 1 ? '' : 's'} already offered as certain.` : ''
  let summary: string
  if (advice.recommendedCount !== null)
    summary = `Apply to ${advice.recommendedCount} ${name} program${advice.recommendedCount === 1 ? '' : 's'} for ${aPercent(advice.chance)} chance of matching (${interval(advice.low, advice.high)}).${interviewsNote}`
  else
    summary = `${name} applicants typically apply to ${typical} programs; with ${Math.min(typical, programs.length)} of the programs most likely to interview ${v.you}, the chance of matching is ${percent(advice.chanceAtTypical)}, below ${v.your} ${percent(target)} target (${interval(advice.low, advice.high)}). A backup plan is advised.${interviewsNote}`

  const backupName = input.backupSpecialty?.name ?? null
  const why = `In 2024, ${Math.round(norms.matchRate * 100)}\u00a0% of U.S. MD seniors who preferred ${name} matched in it; its applicants typically apply to ${typical} programs.`
  let backupSummary: string
  if (!backupPlan.needed)
    backupSummary = `No backup specialty is needed on these numbers: ${name} reaches ${percent(target)} with ${backupPlan.preferred.count} applications, within the ${typical} its applicants typically send. ${why}`
  else if (!backupPlan.backup || !backupName)
    backupSummary = `A backup plan is advised: even ${backupPlan.preferred.count} ${name} applications give ${aPercent(backupPlan.preferred.chance)} chance of matching, below ${v.your} ${percent(target)} target. ${why} ${staff ? 'The student has not chosen a backup specialty in their profile yet; a parallel plan is worth discussing.' : 'Choose a backup specialty in your profile to see a plan, and talk it over with your advisor.'}`
  else
    backupSummary = `A backup plan is advised. ${why} Apply to ${backupPlan.preferred.count} ${name} programs (${percent(backupPlan.preferred.chance)}) and ${backupPlan.backup.count} ${backupName} programs (${percent(backupPlan.backup.chance)} alone), ranking ${name} first: about ${percent(backupPlan.combinedChance)} of matching somewhere${backupPlan.reached ? '' : `, still below ${v.your} ${percent(target)} target`}. This treats the two specialties as independent, which is optimistic.${backupPlan.backup.count > 60 ? ` That many applications is more than anyone can prepare well: ${staff ? 'the options are worth a conversation' : 'talk with your advisor about your options'}.` : ''}`

  const honesty: string[] = []
  if (input.model.source === 'national')
    honesty.push(
      `Every chance here comes from national figures (NRMP Charting Outcomes 2024, AAMC, published studies) and stated assumptions, not yet from our school's own outcomes. Treat them as a rough guide, not a prediction about ${v.you}.`,
    )
  else honesty.push(`${input.model.label}. Where our school's past applicants say little, the national figures still decide.`)
  honesty.push(
    `${name} is measured on its own scale: Step 2 CK and research against what its applicants who matched and did not match had in 2024${norms.facts ? ` (Step 2 CK ${norms.facts.step2.matched} and ${norms.facts.step2.unmatched}; research items ${norms.facts.research.matched} and ${norms.facts.research.unmatched})` : ''}.`,
  )
  const counts = entries.map((e) => finite(e.interview.effectiveCount))
  if (entries.length > 0 && median(counts) < 30) honesty.push(`The data behind each program's chance are thin, so the ${level}\u00a0% intervals are wide.`)
  honesty.push(
    'The chance of matching treats interview offers as independent. In truth a strong or weak application moves every program together, so the real spread is wider and the recommended count may be a little short.',
  )

  const signalChoices = advice.signals.map((s) => ({
    programId: s.programId,
    programName: nameOf(s.programId),
    interviewWithout: round6(s.interviewWithout),
    interviewWith: round6(s.interviewWith),
    gain: 0,
    onList: recommendedSet.has(s.programId) || currentIds.includes(s.programId),
  }))
  const withoutSignals = adviseList({ ...applicant, signalledProgramIds: [] }, programs, priors, {
    target,
    interviewed,
    excluded,
    signals: 0,
    applications: advice.applications,
  })

  return {
    specialty: input.specialty,
    profileSaved: input.profileSaved,
    ready: true,
    missingFields: [],
    typicalApplications: typical,
    target,
    model: input.model,
    recommendation: {
      count: advice.recommendedCount,
      chance: round6(advice.chance),
      low: round6(advice.low),
      high: round6(advice.high),
      programIds: recommendedIds,
      notOnList: recommendedIds.filter((id) => !listByProgram.has(id)),
      ordering: 'interviews already offered first, then signalled programs, then the highest interview chance',
      summary,
    },
    curve: recommendation.curve
      .slice(0, curveReach(recommendation.curve.length, advice.recommendedCount))
      .map((p) => ({ applications: p.applications, chance: round6(p.chance), low: round6(p.low), high: round6(p.high) })),
    scoreRange: null,
    ...pageOfPrograms(programViews, input.page ?? { offset: 0, limit: programViews.length }),
    signals: {
      available: applicant.signalsAvailable > 0 ? applicant.signalsAvailable : norms.signals,
      used: input.list.filter((e) => e.signalled).length,
      chanceWithout: round6(withoutSignals.chance),
      chanceWith: round6(advice.chance),
      plannedFor: advice.ownSignals ? 'my-list' : 'recommended',
      specialtySignals: signalsWords,
      effect: sourceTagsInWords(
        norms.facts?.signalEffect ??
          'No published figure for this specialty; the model uses the nine-specialty middle (2.7–9.1 times the odds of an interview, ERAS 2023).',
      ),
      choices: signalChoices,
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

function specialtySignalsWords(norms: SpecialtyNorms): string | null {
  const signals = norms.facts?.signals
  if (!signals) return null
  const split = signals.gold ? ` (${signals.gold} gold and ${signals.total - signals.gold} silver)` : ''
  return sourceTagsInWords(`${signals.total}${split}${signals.note ? `; ${signals.note}` : ''}`)
}

type Voice = { your: string; Your: string; you: string; youHave: string; YouHave: string }

/** The view when the profile lacks what the model needs: no figures, only what to fill in. */
function notReadyView(input: BuilderInput, v: Voice, typical: number, signalsWords: string | null): Omit<ListBuilderResponse, 'studentId' | 'elapsedMs'> {
  const name = input.specialty.name
  const missing = input.missingFields
  // Only the score is missing: the range across the specialty's published reference scores, labelled as such.
  const onlyScoreMissing = input.profileSaved && missing.length === 1 && missing[0] === STEP2_FIELD
  const range = onlyScoreMissing ? scoreRangeFor(input.applicant, input.specialty.id, input.programs, input.priors, input.target) : null
  const summary =
    input.programs.length === 0
      ? `There are no ${name} programs in Preceptor yet, so there is nothing to estimate.`
      : range
        ? input.viewerIsStudent
          ? `Until your Step 2 CK score is in, there is no single count for you, only the range below. Save your score in your application profile when you have it.`
          : `Not enough for a count: the student has not saved their Step 2 CK score yet. The range below is across two published scores.`
        : input.viewerIsStudent
          ? `To see how many ${name} programs to apply to, save your ${missing.join(', ')} in your application profile. Until then there is no advice: it would be a guess.`
          : `Not enough to estimate: the student has not saved their ${missing.join(', ')} yet.`
  return {
    specialty: input.specialty,
    profileSaved: input.profileSaved,
    ready: false,
    missingFields: [...missing],
    typicalApplications: typical,
    target: input.target,
    model: input.model,
    recommendation: { count: null, chance: 0, low: 0, high: 0, programIds: [], notOnList: [], ordering: '', summary },
    curve: [],
    scoreRange: range ? { ...range, summary: scoreRangeWords(range, name, input.target, v) } : null,
    programs: [],
    programPage: { offset: 0, limit: input.page?.limit ?? 0, matching: 0, total: 0, byTier: { reach: 0, target: 0, likely: 0 } },
    signals: {
      available: 0,
      used: 0,
      chanceWithout: 0,
      chanceWith: 0,
      plannedFor: 'recommended',
      specialtySignals: signalsWords,
      effect: '',
      choices: [],
    },
    backup: {
      needed: false,
      specialty: input.backupSpecialty,
      preferredCount: 0,
      preferredChance: 0,
      backupCount: null,
      backupChance: null,
      combinedChance: 0,
      reached: false,
      summary: '',
    },
    currentList: { count: 0, chance: 0, low: 0, high: 0 },
    honesty: [],
  }
}

/** The range in words: each reference score, what it is, and what the model advises there. */
function scoreRangeWords(range: NonNullable<ReturnType<typeof scoreRangeFor>>, name: string, target: number, v: Voice): string {
  const what = { unmatched: `the 2024 average of U.S. MD seniors who preferred ${name} and did not match`, matched: 'the average of those who matched' }
  const parts = range.scenarios.map((s) => {
    const advice =
      s.count !== null
        ? `${s.count} program${s.count === 1 ? '' : 's'} would give ${aPercent(s.chance)} chance of matching`
        : `even ${s.applications} programs (what its applicants typically send) would give ${aPercent(s.chance)} chance, below ${v.your} ${percent(target)} target, and a backup plan would be advised`
    return `at ${s.step2} (${what[s.reference]}), ${advice}`
  })
  return `Without a Step 2 CK score there is no single answer, only a range. With everything else in ${v.your} profile: ${parts.join('; ')}. These are estimates for scores ${v.you} may not have; the figures firm up once ${v.your} score is in.`
}
