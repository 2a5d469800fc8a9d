import {
  DEFAULT_RECOMMEND_WEIGHTS,
  recommendBounds,
  recommendMentors,
  type RankedRecommendation,
  type RecommendContext,
  type RecommendMentor,
  type RecommendStudent,
  type ResponseStats,
} from '#engines/recommend/index.ts'
import type {
  MentorTeamQuery,
  MentorTeamResponse,
  RecommendationWeightsResponse,
  RecommendedMentorSummary,
  RecommendedMentorsQuery,
  RecommendedOpportunity,
  TeamStage,
  RecommendedMentorsResponse,
} from '#shared/contracts/recommendations.ts'
import type { MentorResponsiveness } from '#shared/contracts/directory.ts'
import { ADVISING_SLOTS } from '#shared/contracts/advising.ts'
import type { ClassYear } from '#shared/enums.ts'
import { DEPARTMENTS, SPECIALTIES } from '#shared/reference/specialties.ts'
import { createRevisionFollower } from '#server/db/revision-follower.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AdvisingService } from '../advising/advising.service.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { OpportunitiesService } from '../opportunities/opportunities.service.ts'
import { canViewIdentity } from '../profiles/profiles.policy.ts'
import { DEFAULT_CANDIDATE_LIMITS, MentorPool, type CandidateLimits, type PooledMentor } from './domain/mentor-pool.ts'
import { filledStages, fitsStage, missingStages, pickTeam, stageLabel, type TeamCandidate, type TeamStudent } from './domain/mentor-team.ts'
import { rankOpportunities } from './domain/opportunity-fit.ts'
import { isoWeek, RECOMMEND_WEIGHT_DESCRIPTIONS } from './domain/weight-descriptions.ts'
import type { MentorChangeRow, RecommendationsRepository, StudentProfileRow } from './recommendations.repository.ts'
import { MS_PER_MINUTE, MS_PER_DAY } from '#shared/time.ts'

/**
 * Read-only figures from the mentorships module (its repository's `listResponseStats`,
 * `listMentorLoad`, `listDeclinedCounterparts`).
 */
export type MentorActivity = {
  listResponseStats(since: Date, mentorIds?: readonly string[]): Promise<{ mentorId: string; requests: number; answered: number; medianHours: number | null }[]>
  listMentorLoad(mentorIds?: readonly string[]): Promise<{ mentorId: string; active: number; open: number }[]>
  listDeclinedCounterparts(studentId: string): Promise<string[]>
}

/** Response figures cover requests made in this many days. */
export const RESPONSE_WINDOW_DAYS = 365

export type RecommendationsOptions = {
  candidateLimits?: Partial<CandidateLimits>
  /** How long response figures (slow-changing) are reused before they are read again. */
  responseStatsMaxAgeMs?: number
  /** How long a demand estimate is used before it is computed again in the background. */
  demandMaxAgeMs?: number
  /** How many places on each student's list count as "on screen" for the demand estimate. */
  demandListLength?: number
  /** At most this many students' lists are computed for the estimate; counts are scaled to the class. */
  demandSampleMax?: number
}

export type RecommendationsDeps = {
  repo: RecommendationsRepository
  audit: AuditService
  clock: Clock
  /** Places still open per mentor (capacity minus active mentees), from the mentorships module. */
  openPlacesOf?: (mentorIds: readonly string[]) => Promise<Map<string, number>>
  /** Response speed, open requests, active mentees and declines; without it, none are known. */
  activity?: MentorActivity
  /**
   * The mentor team's other sources, called late (advising calls this service too): the board's
   * gaps and the open opportunities. Without them the team sees an empty board and no opportunities.
   */
  owners?: () => { advising: Pick<AdvisingService, 'listBoardGaps'>; opportunities: Pick<OpportunitiesService, 'listOpenForStudent'> }
  options?: RecommendationsOptions
}

/** A student's mentor team, with what the opportunities read of it. */
type TeamSuggestion = Omit<MentorTeamResponse, 'opportunities'> & { profile: StudentProfileRow | null; missingStages: TeamStage[] }

const SPECIALTY_NAMES = new Map(SPECIALTIES.map((s) => [s.id, s.name]))
const DEPARTMENT_NAMES = new Map(DEPARTMENTS.map((d) => [d.id, d.name]))
const NO_IDENTITY: readonly never[] = []

function toPooled(row: MentorChangeRow): PooledMentor | null {
  // `listed` is the directory's rule: never held, disabled, invited people or non-mentors.
  if (!row.listed || row.kind === null || row.name === null) return null
  const capacity = row.capacity ?? 0
  const engine: RecommendMentor = {
    id: row.id,
    kind: row.kind,
    departmentId: row.departmentId,
    specialtyId: row.specialtyId,
    subspecialty: row.subspecialty ?? '',
    clinicalSite: row.clinicalSite ?? '',
    state: row.state ?? '',
    researchInterests: row.researchInterests ?? '',
    offers: row.offers ?? [],
    capacity,
    accepting: row.accepting ?? false,
    languages: row.languages ?? [],
    identity: NO_IDENTITY,
  }
  return {
    engine,
    identity: row.identity ?? [],
    identityVisibility: row.identityVisibility ?? 'private',
    summary: {
      id: row.id,
      name: row.name,
      pronouns: row.pronouns,
      kind: row.kind,
      specialtyName: row.specialtyId ? (SPECIALTY_NAMES.get(row.specialtyId) ?? null) : null,
      departmentName: row.departmentId ? (DEPARTMENT_NAMES.get(row.departmentId) ?? null) : null,
      clinicalSite: row.clinicalSite ?? '',
      offers: row.offers ?? [],
      openPlaces: capacity,
      hasPhoto: Boolean(row.hasPhoto),
    },
  }
}

function toEngineStudent(profile: StudentProfileRow, challenge = false): RecommendStudent {
  return {
    id: profile.personId,
    classYear: profile.classYear,
    specialtyInterests: profile.specialtyInterests,
    careerGoals: profile.careerGoals,
    // "Someone who will challenge me": the mentors' own high-expectations tag counts as help asked for.
    helpWanted: challenge && !profile.helpWanted.includes('high-expectations') ? [...profile.helpWanted, 'high-expectations'] : profile.helpWanted,
    // Identity goes to the engine only when the student asked for an identity-aligned mentor.
    identity: profile.wantsIdentityAlignedMentor ? profile.identity : NO_IDENTITY,
    wantsIdentityAlignedMentor: profile.wantsIdentityAlignedMentor,
  }
}

/**
 * "Mentors for you": builds the pure engine's inputs (`engines/recommend`) from the database and
 * returns its ranking as DTOs. The mentors come from a per-process `MentorPool` kept current
 * from the directory's revisions, so the directory's listing rule applies unchanged and a
 * request reads one number from the database when nothing changed.
 *
 * Seams: `openPlacesOf` (capacity minus active mentees, from the mentorships module, when it
 * has no mentor activity to count from; capacity alone when neither is wired in), `responseStatsFor` and `declinedFor` (empty for now). Demand is an
 * estimate: how many students' top lists hold the mentor, recomputed in the background.
 */
export function createRecommendationsService(deps: RecommendationsDeps) {
  const { repo, audit, clock } = deps
  const limits: CandidateLimits = { ...DEFAULT_CANDIDATE_LIMITS, ...deps.options?.candidateLimits }
  const demandMaxAgeMs = deps.options?.demandMaxAgeMs ?? 15 * MS_PER_MINUTE
  const demandListLength = deps.options?.demandListLength ?? 5
  const demandSampleMax = deps.options?.demandSampleMax ?? 300
  const responseStatsMaxAgeMs = deps.options?.responseStatsMaxAgeMs ?? 5 * MS_PER_MINUTE
  const pool = new MentorPool()
  let demand: { counts: Record<string, number>; computedAt: number } | null = null
  let demandRun: Promise<void> | null = null

  const follower = createRevisionFollower({
    readChangesSince: (revision, limit) => repo.findMentorChangesSince(revision, limit),
    apply: (row) => {
      const mentor = toPooled(row)
      if (mentor) pool.upsert(mentor)
      else pool.remove(row.id)
    },
  })

  /** Brings the pool up to the directory's newest revision; concurrent requests share one refresh. */
  async function catchUp(): Promise<void> {
    await follower.catchUp(await repo.readDirectoryRevision())
  }

  /** Active mentees and open requests per mentor (only mentors with any, of `mentorIds` when given), read once per request. */
  async function readLoad(mentorIds?: readonly string[]): Promise<Map<string, { active: number; open: number }> | null> {
    if (!deps.activity) return null
    const rows = await deps.activity.listMentorLoad(mentorIds)
    return new Map(rows.map((r) => [r.mentorId, { active: r.active, open: r.open }]))
  }

  let stats: { byMentor: Record<string, ResponseStats>; readAt: number } | null = null
  let statsRun: Promise<Record<string, ResponseStats>> | null = null

  /**
   * How fast mentors answer students' requests, over the last `RESPONSE_WINDOW_DAYS`: the median
   * hours to an answer and the share left to expire. Read for every mentor at once and reused
   * for `responseStatsMaxAgeMs` (the figures move slowly).
   */
  async function responseStats(): Promise<Record<string, ResponseStats>> {
    if (!deps.activity) return {}
    const now = clock.now().getTime()
    if (stats && now - stats.readAt < responseStatsMaxAgeMs) return stats.byMentor
    statsRun ??= deps.activity
      .listResponseStats(new Date(now - RESPONSE_WINDOW_DAYS * MS_PER_DAY))
      .then((rows) => {
        const byMentor: Record<string, ResponseStats> = {}
        for (const r of rows)
          byMentor[r.mentorId] = { medianHoursToAnswer: r.medianHours, unansweredShare: r.requests > 0 ? 1 - r.answered / r.requests : 0, requests: r.requests }
        stats = { byMentor, readAt: now }
        return byMentor
      })
      .finally(() => {
        statsRun = null
      })
    return statsRun
  }

  /** Mentors this student declined or was declined by: never recommended to them again. */
  async function declinedFor(studentId: string): Promise<string[]> {
    return deps.activity ? deps.activity.listDeclinedCounterparts(studentId) : []
  }

  function toEngineMentor(m: PooledMentor, student: RecommendStudent, viewer: Actor | null): RecommendMentor {
    // Identity only with the student's consent, and only what this student may see.
    if (!student.wantsIdentityAlignedMentor || viewer === null || m.identity.length === 0) return m.engine
    return canViewIdentity(viewer, m.engine.id, m.identityVisibility) ? { ...m.engine, identity: m.identity } : m.engine
  }

  type RankOptions = {
    withDemand: boolean
    only?: ReadonlySet<string>
    /** Prefer mentors who hold high expectations (the student asked to be challenged). */
    challenge?: boolean
    /** Read once by a caller ranking several times for one student. */
    declined?: readonly string[]
  }

  /** What every student's ranking reads alike: mentors' load and how fast they answer. */
  type SharedFigures = { load: Map<string, { active: number; open: number }> | null; responseByMentor: Record<string, ResponseStats> }

  async function readSharedFigures(): Promise<SharedFigures> {
    const [load, responseByMentor] = await Promise.all([readLoad(), responseStats()])
    return { load, responseByMentor }
  }

  /**
   * The engine's ranking of the pool (or of `only`) for one student, exact: the pool scores the
   * mentors with the highest upper bounds first and stops when nobody left can enter the list.
   * `figures`: read once for many students (the demand estimate), else read for this one.
   */
  async function rank(profile: StudentProfileRow, viewer: Actor | null, limit: number, options: RankOptions, figures?: SharedFigures) {
    const student = toEngineStudent(profile, options.challenge)
    const [{ load, responseByMentor }, declined] = await Promise.all([
      figures ?? readSharedFigures(),
      options.declined ? [...options.declined] : declinedFor(student.id),
    ])
    const rotation = isoWeek(clock.now())
    // Demand: the estimate of students with the mentor on screen, plus requests waiting for an answer.
    const onScreen = options.withDemand ? (demand?.counts ?? {}) : {}
    const demandOf: Record<string, number> = { ...onScreen }
    if (options.withDemand && load) for (const [id, l] of load) if (l.open > 0) demandOf[id] = (demandOf[id] ?? 0) + l.open
    const base: RecommendContext = { responseStats: responseByMentor, declined, demand: demandOf, rotation }
    const bounds = recommendBounds(student, base, DEFAULT_RECOMMEND_WEIGHTS)
    const openPlaces: Record<string, number> = {}
    const held = !load && deps.openPlacesOf ? deps.openPlacesOf : null
    const score = async (batch: readonly PooledMentor[]): Promise<RankedRecommendation[]> => {
      const mentors = batch.map((m) => toEngineMentor(m, student, viewer))
      const heldPlaces = held ? await held(mentors.map((m) => m.id)) : null
      const places: Record<string, number> = {}
      for (const m of mentors) {
        places[m.id] = load ? Math.max(0, m.capacity - (load.get(m.id)?.active ?? 0)) : (heldPlaces?.get(m.id) ?? m.capacity)
        openPlaces[m.id] = places[m.id] as number
      }
      return recommendMentors(student, mentors, { ...base, openPlaces: places, limit }, DEFAULT_RECOMMEND_WEIGHTS)
    }
    const { ranked, scored } = await pool.bestFirst(bounds, limit, score, { only: options.only, limits })
    return { ranked, openPlaces, scored, load }
  }

  /**
   * The demand estimate: for active students, the mentors in the top `demandListLength` of
   * their list before any load spreading, counted. Past `demandSampleMax` students, an evenly
   * spread sample of them is computed and the counts scaled to the whole class, so the cost is
   * bounded. Yields after every student so requests are not held up; a failed run leaves the
   * previous estimate in place. Returns how many students' lists were computed.
   */
  async function refreshDemand(): Promise<number> {
    await catchUp()
    const students = await repo.listActiveStudentProfiles()
    const step = Math.max(1, students.length / Math.max(1, demandSampleMax))
    const sample =
      students.length <= demandSampleMax
        ? students
        : Array.from({ length: demandSampleMax }, (_, i) => students[Math.floor(i * step)]).filter((s) => s !== undefined)
    const scale = sample.length > 0 ? students.length / sample.length : 1
    const counts: Record<string, number> = {}
    // One reading of the mentors' load for the whole sample: an estimate, not a promise of places.
    const figures = await readSharedFigures()
    for (const profile of sample) {
      // Without a viewer no identity is passed: the estimate never depends on identity.
      const { ranked } = await rank(profile, null, demandListLength, { withDemand: false }, figures)
      for (const r of ranked) counts[r.mentorId] = (counts[r.mentorId] ?? 0) + 1
      await new Promise((resolve) => setImmediate(resolve))
    }
    for (const key of Object.keys(counts)) counts[key] = Math.round((counts[key] ?? 0) * scale)
    demand = { counts, computedAt: clock.now().getTime() }
    return sample.length
  }

  function refreshDemandIfStale(): void {
    if (demandRun || (demand && clock.now().getTime() - demand.computedAt < demandMaxAgeMs)) return
    demandRun = refreshDemand()
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        demandRun = null
      })
  }

  async function listMentorsForStudent(
    actor: Actor,
    query: Pick<RecommendedMentorsQuery, 'limit'> & { challenge?: boolean },
    meta: RequestMeta | null,
  ): Promise<RecommendedMentorsResponse> {
    await catchUp()
    const profile = await repo.findStudentProfile(actor.personId)
    if (!profile) return { results: [], missing: ['specialtyInterests', 'helpWanted', 'careerGoals'] }
    refreshDemandIfStale()
    const { ranked, openPlaces, load } = await rank(profile, actor, query.limit, { withDemand: true, challenge: query.challenge })
    const speed = responsivenessOf(
      ranked.map((r) => r.mentorId),
      await responseStats(),
      load,
    )

    const identityUsed = ranked.some((r) => r.factors.some((f) => f.factor === 'identity' && f.value > 0))
    if (meta && identityUsed) {
      // A reason that names a shared identity shows the mentor's self-identified identity (decision 006).
      await audit.record({ actorId: actor.personId, action: 'recommendations.identity-read', objectType: 'recommendations' }, meta)
    }

    const missing: RecommendedMentorsResponse['missing'] = []
    if (profile.specialtyInterests.length === 0) missing.push('specialtyInterests')
    if (profile.helpWanted.length === 0) missing.push('helpWanted')
    if (profile.careerGoals.trim() === '') missing.push('careerGoals')

    return {
      results: ranked.flatMap((r) => {
        const mentor = pool.get(r.mentorId)
        if (!mentor) return []
        return [
          {
            rank: r.rank,
            score: r.score,
            reasons: r.reasons,
            factors: r.factors,
            mentor: {
              ...mentor.summary,
              openPlaces: openPlaces[r.mentorId] ?? mentor.summary.openPlaces,
              responsiveness: speed.get(r.mentorId) ?? { requests: 0, waiting: 0, medianHours: null, answeredShare: null },
            },
          },
        ]
      }),
      missing,
    }
  }

  /** The card of a suggested mentor: the pool's summary with places read now and how fast they answer. */
  function summaryOf(mentor: PooledMentor, openPlaces: number, speed: Map<string, MentorResponsiveness>): RecommendedMentorSummary {
    return {
      ...mentor.summary,
      openPlaces,
      responsiveness: speed.get(mentor.engine.id) ?? { requests: 0, waiting: 0, medianHours: null, answeredShare: null },
    }
  }

  /**
   * The mentor team (issue #17): for each stage the student's board and current mentors leave
   * empty (`domain/mentor-team.ts`), the best mentor with a place. Candidates per stage are the listed, accepting mentors who fit it, not already the student's
   * and not declined, scored by the same engine as "Mentors for you" (no load spreading: one
   * person per stage is shown, not a list). Each stage ranks its preference groups (declared
   * specialty first, …) best-first until it has as many candidates as there are stages, which is
   * enough for every stage to get someone of its own whenever the candidates allow it.
   */
  async function suggestTeam(actor: Actor, query: MentorTeamQuery, meta: RequestMeta | null): Promise<TeamSuggestion> {
    await catchUp()
    const profile = await repo.findStudentProfile(actor.personId)
    if (!profile) return { profile: null, missingStages: [], stages: [], filledStages: [], challenge: query.challenge }
    const owners = deps.owners?.()
    const [gaps] = owners ? await owners.advising.listBoardGaps([actor.personId]) : []
    const student: TeamStudent = {
      classYear: profile.classYear,
      specialtyInterests: profile.specialtyInterests,
      wantsIdentityAlignedMentor: profile.wantsIdentityAlignedMentor,
      prefersChallenge: query.challenge,
    }
    const onBoard = new Set([...(gaps?.mentorIds ?? []), ...Object.values(gaps?.holderIds ?? {}).flat()])
    const coverage = {
      // Without the board (no advising wired in), every slot counts as empty.
      emptySlots: gaps?.emptySlots ?? (['specialty-advisor', 'research-mentor', 'near-peer', 'resident-or-alumni'] as const),
      filledSlots: ADVISING_SLOTS.filter((slot) => (gaps?.holderIds[slot]?.length ?? 0) > 0),
      residentOrAlumniKinds: (gaps?.holderIds['resident-or-alumni'] ?? []).flatMap((id) => pool.get(id)?.engine.kind ?? []),
      currentMentorOffers: (gaps?.mentorIds ?? []).flatMap((id) => {
        const m = pool.get(id)
        return m ? [m.engine.offers] : []
      }),
    }
    const stages = missingStages(student, coverage)

    // Near-peers' class years ("a year or two ahead"), read only when that stage is empty.
    const eligible = pool.eligibleMentors().filter((m) => !onBoard.has(m.engine.id) && m.engine.id !== actor.personId)
    const nearPeerYears = stages.includes('near-peer')
      ? await repo.mapClassYears(eligible.filter((m) => m.engine.kind === 'near-peer').map((m) => m.engine.id))
      : new Map<string, ClassYear>()
    // What the stage rules read of each mentor, built once per request (not once per stage).
    const entries = eligible.map((m) => ({
      m,
      facts: {
        id: m.engine.id,
        kind: m.engine.kind,
        specialtyId: m.engine.specialtyId,
        subspecialty: m.engine.subspecialty,
        clinicalSite: m.engine.clinicalSite,
        offers: m.engine.offers,
        classYear: nearPeerYears.get(m.engine.id) ?? null,
        sharesIdentity:
          profile.wantsIdentityAlignedMentor &&
          m.identity.some((a) => profile.identity.includes(a)) &&
          canViewIdentity(actor, m.engine.id, m.identityVisibility),
      },
    }))

    const byId = new Map(entries.map((e) => [e.facts.id, e]))
    const [figures, declined] = await Promise.all([readSharedFigures(), declinedFor(actor.personId)])
    const candidates = new Map<string, TeamCandidate>()
    for (const stage of stages) {
      // Preference groups in `pickTeam`'s order; each is ranked best-first until the stage has enough people.
      const groups = new Map<number, Set<string>>()
      for (const { facts } of entries) {
        if (!fitsStage(stage, facts, student)) continue
        const interest = facts.specialtyId === null ? -1 : student.specialtyInterests.indexOf(facts.specialtyId)
        const tier = interest === 0 ? 0 : interest > 0 ? 1 : 2
        const identity = stage === 'identity-aligned' && facts.sharesIdentity ? 0 : 1
        const challenge = student.prefersChallenge && facts.offers.includes('high-expectations') ? 0 : 1
        const g = identity * 6 + tier * 2 + challenge
        const set = groups.get(g) ?? new Set<string>()
        set.add(facts.id)
        groups.set(g, set)
      }
      let found = 0
      for (const g of [...groups.keys()].sort((a, b) => a - b)) {
        if (found >= stages.length) break
        const only = groups.get(g) as Set<string>
        const { ranked, openPlaces } = await rank(
          profile,
          actor,
          stages.length - found,
          { withDemand: false, only, challenge: query.challenge, declined },
          figures,
        )
        for (const r of ranked) {
          const entry = byId.get(r.mentorId)
          if (!entry) continue
          candidates.set(r.mentorId, { ...entry.facts, score: r.score, openPlaces: openPlaces[r.mentorId] ?? 0 })
          found++
        }
      }
    }
    const picks = pickTeam(student, stages, [...candidates.values()])
    if (meta && picks.some((p) => p.stage === 'identity-aligned' && p.candidate?.sharesIdentity)) {
      // The reason says the mentor shares part of the student's background (decision 006).
      await audit.record({ actorId: actor.personId, action: 'recommendations.identity-read', objectType: 'recommendations' }, meta)
    }
    const picked = picks.flatMap((p) => (p.candidate ? [p.candidate.id] : []))
    const speed = responsivenessOf(picked, await responseStats(), figures.load)

    return {
      profile,
      missingStages: stages,
      stages: picks.map((p) => {
        const mentor = p.candidate ? pool.get(p.candidate.id) : undefined
        return {
          stage: p.stage,
          label: stageLabel(p.stage, student),
          mentor: mentor && p.candidate ? summaryOf(mentor, p.candidate.openPlaces, speed) : null,
          reason: p.reason,
        }
      }),
      filledStages: filledStages(student, coverage),
      challenge: query.challenge,
    }
  }

  /**
   * "Opportunities for you" (issue #20): up to three open opportunities with a place left for the
   * student's class year, ranked by fit to their specialty interests, career goals, the help they
   * asked for and the team stages they lack (`domain/opportunity-fit.ts`), read through the
   * opportunities service.
   */
  async function suggestOpportunities(actor: Actor, profile: StudentProfileRow, missing: readonly TeamStage[]): Promise<RecommendedOpportunity[]> {
    const owners = deps.owners?.()
    if (!owners) return []
    const rows = await owners.opportunities.listOpenForStudent(actor, { preferredSpecialtyIds: profile.specialtyInterests })
    const fits = rankOpportunities(
      { specialtyInterests: profile.specialtyInterests, careerGoals: profile.careerGoals, helpWanted: profile.helpWanted, missingStages: missing },
      rows.map(({ summary, text }) => ({
        id: summary.id,
        kind: summary.kind,
        specialtyId: summary.specialtyId,
        placesLeft: summary.placesLeft,
        applyBy: summary.applyBy ? new Date(summary.applyBy) : null,
        text,
      })),
    )
    const byId = new Map(rows.map((o) => [o.summary.id, o.summary]))
    return fits.flatMap((f) => {
      const o = byId.get(f.candidate.id)
      if (!o) return []
      return [
        {
          id: o.id,
          title: o.title,
          kind: o.kind,
          specialtyName: o.specialtyId ? (SPECIALTY_NAMES.get(o.specialtyId) ?? null) : null,
          placesLeft: o.placesLeft,
          applyBy: o.applyBy,
          posterName: o.posterName,
          reason: f.reason,
        },
      ]
    })
  }

  /** `GET /api/recommendations/team`: the mentor team, then the opportunities that fit. */
  async function listTeamForStudent(actor: Actor, query: MentorTeamQuery, meta: RequestMeta | null): Promise<MentorTeamResponse> {
    const { profile, missingStages: missing, ...team } = await suggestTeam(actor, query, meta)
    return { ...team, opportunities: profile ? await suggestOpportunities(actor, profile, missing) : [] }
  }

  function listWeights(_actor: Actor): RecommendationWeightsResponse {
    return {
      weights: (Object.keys(RECOMMEND_WEIGHT_DESCRIPTIONS) as (keyof typeof RECOMMEND_WEIGHT_DESCRIPTIONS)[]).map((name) => ({
        name,
        value: DEFAULT_RECOMMEND_WEIGHTS[name],
        ...RECOMMEND_WEIGHT_DESCRIPTIONS[name],
      })),
    }
  }

  /**
   * "Sort by fit to me" in the directory: the best `limit` of `mentorIds` (null: of the whole pool) for this student, by
   * the same scores and reasons as "Mentors for you", but with no one held back to spread load
   * (the student searched for these mentors). Mentors who cannot take a request now (not
   * accepting, full, declined) are left out. Null when the caller has no student profile.
   */
  async function rankMentorsForStudent(
    actor: Actor,
    mentorIds: readonly string[] | null,
    limit: number,
  ): Promise<{ mentorId: string; score: number; reasons: string[]; identityUsed: boolean }[] | null> {
    await catchUp()
    const profile = await repo.findStudentProfile(actor.personId)
    if (!profile) return null
    const { ranked } = await rank(profile, actor, limit, { withDemand: false, ...(mentorIds ? { only: new Set(mentorIds) } : {}) })
    // `identityUsed`: a reason names an identity the mentor shares with the student (the caller audits showing it).
    return ranked.map((r) => ({
      mentorId: r.mentorId,
      score: r.score,
      reasons: r.reasons,
      identityUsed: r.factors.some((f) => f.factor === 'identity' && f.value > 0),
    }))
  }

  /** How fast each of these mentors usually answers (the directory's cards and profile). */
  async function responseStatsOf(mentorIds: readonly string[]): Promise<Map<string, MentorResponsiveness>> {
    // Requests waiting now are read fresh: they are what "many students asking" counts, and a
    // mentor with some must never read as "no requests yet".
    const [all, load] = await Promise.all([responseStats(), mentorIds.length > 0 ? readLoad(mentorIds) : null])
    return responsivenessOf(mentorIds, all, load)
  }

  function responsivenessOf(
    mentorIds: readonly string[],
    all: Record<string, ResponseStats>,
    load: Map<string, { active: number; open: number }> | null,
  ): Map<string, MentorResponsiveness> {
    const out = new Map<string, MentorResponsiveness>()
    for (const id of mentorIds) {
      const s = all[id]
      const waiting = load?.get(id)?.open ?? 0
      if (s || waiting > 0) {
        out.set(id, {
          requests: s?.requests ?? 0,
          waiting,
          medianHours: s?.medianHoursToAnswer ?? null,
          answeredShare: s && s.requests > 0 ? 1 - s.unansweredShare : null,
        })
      }
    }
    return out
  }

  return {
    listMentorsForStudent,
    listTeamForStudent,
    suggestTeam,
    rankMentorsForStudent,
    responseStatsOf,
    listWeights,
    refreshDemand,
    /** Loads the mentor pool now rather than on the first request (start-up, benchmarks). */
    async warm(): Promise<number> {
      await catchUp()
      return pool.size
    },
    /** Waits for a demand estimate being computed, if any (tests, benchmarks). */
    async settled(): Promise<void> {
      await demandRun
    },
  }
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>
