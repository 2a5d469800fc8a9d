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
import type { RecommendationWeightsResponse, RecommendedMentorsQuery, RecommendedMentorsResponse } from '#shared/contracts/recommendations.ts'
import type { MentorResponsiveness } from '#shared/contracts/directory.ts'
import { DEPARTMENTS, SPECIALTIES } from '#shared/reference/specialties.ts'
import { createRevisionFollower } from '#server/db/revision-follower.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { canViewIdentity } from '../profiles/profiles.policy.ts'
import { DEFAULT_CANDIDATE_LIMITS, MentorPool, type CandidateLimits, type PooledMentor } from './domain/mentor-pool.ts'
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
  options?: RecommendationsOptions
}

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

function toEngineStudent(profile: StudentProfileRow): RecommendStudent {
  return {
    id: profile.personId,
    classYear: profile.classYear,
    specialtyInterests: profile.specialtyInterests,
    careerGoals: profile.careerGoals,
    helpWanted: profile.helpWanted,
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

  type RankOptions = { withDemand: boolean; only?: ReadonlySet<string> }

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
    const student = toEngineStudent(profile)
    const [{ load, responseByMentor }, declined] = await Promise.all([figures ?? readSharedFigures(), declinedFor(student.id)])
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

  async function listMentorsForStudent(actor: Actor, query: RecommendedMentorsQuery, meta: RequestMeta | null): Promise<RecommendedMentorsResponse> {
    await catchUp()
    const profile = await repo.findStudentProfile(actor.personId)
    if (!profile) return { results: [], missing: ['specialtyInterests', 'helpWanted', 'careerGoals'] }
    refreshDemandIfStale()
    const { ranked, openPlaces, load } = await rank(profile, actor, query.limit, { withDemand: true })
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
