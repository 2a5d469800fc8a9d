import { randomInt, randomUUID } from 'node:crypto'
import { progressShare, type ClassSimulationInput, type ClassSimulationResult as EngineResult } from '#engines/class-simulation/index.ts'
import {
  estimateSimulationSeconds,
  type ClassSimulationList,
  type ClassSimulationPreview,
  type ClassSimulationResult,
  type ClassSimulationSummary,
  type ClassSimulationView,
  type StartClassSimulation,
  type StudentSimulationRow,
} from '#shared/contracts/class-simulation.ts'
import type { ClassYear } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import { logUnexpectedError } from '../../log/describe-error.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { ClassSimulationRepository, SimulationRow, StudentLists } from './class-simulation.repository.ts'
import { runClassSimulation, SimulationCancelled } from './run-class-simulation.ts'

/** What `params` holds: who was simulated, who was left out and why. */
type StoredParams = {
  classYear: ClassYear | null
  studentIds: string[]
  sources: Record<string, 'rank-list' | 'interviews'>
  skipped: string[]
}

type StoredResult = Omit<EngineResult, 'students'> & { students: (EngineResult['students'][number] & { source: 'rank-list' | 'interviews' })[] }

const NO_LIST_MESSAGE = 'No rank order list and no programs marked "interviewed" yet: not simulated.'
const RESTARTED_MESSAGE = 'The server restarted while this simulation was running, so it stopped. Start it again.'
/** How long a process's claim on its simulations lasts unless renewed (a third of it between renewals). */
const DEFAULT_LEASE_SECONDS = 30

/**
 * Class simulations: an advisor runs their students' rank order lists through the match engine
 * in simulated markets. Runs in the background in this process, one at a time; the row holds the
 * progress, so the page can be left and opened again.
 */
export function createClassSimulationService(deps: {
  repo: ClassSimulationRepository
  clock: Clock
  audit: AuditService
  studentRecords: StudentRecords
  /** Worker threads per simulation; default: 2 from the built server, 0 (this thread) from source. */
  workers?: number
  /** How long this process's claim on a queued or running simulation lasts unless renewed. */
  leaseSeconds?: number
}) {
  const { repo, clock, audit, studentRecords } = deps
  const jobs = new Map<string, { controller: AbortController; done: Promise<void> }>()
  /** Progress of the simulations this process runs (the row holds runs done; this adds the markets drawn and a weighed share). */
  const live = new Map<string, NonNullable<ClassSimulationSummary['progress']>>()
  let queue: Promise<void> = Promise.resolve()
  // Several server processes share one database: each simulation row names the process that
  // queued it and holds a lease that process renews while the work lasts. Another process marks it
  // failed only once the lease has run out, so a live process's run is never failed by a peer,
  // and a killed process's run does not stay "running" for ever.
  const owner = randomUUID()
  const leaseMs = (deps.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000
  let renewTimer: ReturnType<typeof setInterval> | null = null
  const leaseUntil = () => new Date(clock.now().getTime() + leaseMs)

  let lastRenewal = 0
  function renewLeases(): void {
    lastRenewal = Date.now()
    repo.renewLeases(owner, leaseUntil()).catch((error: unknown) => logUnexpectedError('class simulation lease renewal failed', error))
  }
  /** A timer renews while work is queued; progress renews too, as slices on this thread can delay timers. */
  function holdLeases(): void {
    if (renewTimer) return
    renewTimer = setInterval(() => {
      if (jobs.size === 0) {
        if (renewTimer) clearInterval(renewTimer)
        renewTimer = null
        return
      }
      renewLeases()
    }, leaseMs / 3)
    renewTimer.unref()
  }

  /** Runs left queued or running by a process that stopped (its lease ran out) are marked failed. */
  async function recover(): Promise<void> {
    await repo.failAbandoned(clock.now(), { status: 'failed', error: RESTARTED_MESSAGE, finishedAt: clock.now() })
  }

  function assertAdvisor(actor: Actor): void {
    if (!actor.roles.includes('advisor')) throw new AppError('FORBIDDEN', 'Only advisors run class simulations.')
  }

  async function myStudents(actor: Actor, classYear: ClassYear | null, only?: readonly string[]): Promise<string[]> {
    const mine = await studentRecords.studentsOf(actor.personId)
    if (only) {
      const set = new Set(mine)
      const notMine = only.filter((id) => !set.has(id))
      if (notMine.length > 0) {
        throw new AppError('VALIDATION_FAILED', 'Some of the students chosen are not students you advise.', {
          studentIds: `${notMine.length} of the students chosen are not yours.`,
        })
      }
    }
    return repo.filterByClassYear(only ?? mine, classYear)
  }

  function summaryOf(
    row: Pick<SimulationRow, 'id' | 'status' | 'runs' | 'completedRuns' | 'seed' | 'params' | 'createdAt' | 'startedAt' | 'finishedAt' | 'error'>,
  ): ClassSimulationSummary {
    const params = row.params as StoredParams
    return {
      id: row.id,
      status: row.status,
      runs: row.runs,
      completedRuns: Math.max(row.completedRuns, row.status === 'running' ? (live.get(row.id)?.runsDone ?? 0) : 0),
      progress: row.status === 'running' ? (live.get(row.id) ?? null) : null,
      seed: row.seed,
      classYear: params.classYear,
      studentCount: params.studentIds.length,
      skippedCount: params.skipped.length,
      estimateSeconds: estimateSimulationSeconds(row.runs, params.studentIds.length),
      createdAt: row.createdAt.toISOString(),
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      error: row.error,
    }
  }

  async function loadInput(lists: StudentLists[], couples: [string, string][], runs: number, seed: number): Promise<ClassSimulationInput> {
    const programIds = new Set<string>()
    for (const s of lists) {
      for (const id of s.primary) if (id !== null) programIds.add(id)
      for (const l of s.supplemental) {
        programIds.add(l.advanced)
        for (const id of l.ranks) programIds.add(id)
      }
    }
    const specialtyOf = await repo.specialtiesOf([...programIds])
    const programs = await repo.marketPrograms([...new Set(specialtyOf.values())], [...programIds])
    return {
      students: lists.map((s) => ({ id: s.id, profile: s.profile, primary: s.primary, supplemental: s.supplemental })),
      couples: couples.map((members) => ({ members })),
      programs,
      options: { runs, seed },
    }
  }

  async function execute(id: string, input: ClassSimulationInput, sources: Record<string, 'rank-list' | 'interviews'>, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return
    const started = await repo.transition(id, ['queued'], { status: 'running', startedAt: clock.now() })
    if (!started) return
    let writing: Promise<void> = Promise.resolve()
    let lastWrite = 0
    try {
      const result = await runClassSimulation(input, {
        ...(deps.workers !== undefined ? { workers: deps.workers } : {}),
        signal,
        onProgress: (progress) => {
          if (Date.now() - lastRenewal >= leaseMs / 3) renewLeases()
          // The share's weights are re-measured as it goes: never let the bar step back.
          const share = Math.max(live.get(id)?.share ?? 0, progressShare(progress))
          live.set(id, { share, marketsDrawn: progress.marketsDrawn, markets: progress.markets, runsDone: progress.runsDone })
          const done = progress.runsDone
          const now = Date.now()
          if (now - lastWrite < 1000 || done >= input.options.runs) return
          lastWrite = now
          writing = writing.then(() => repo.transition(id, ['running'], { completedRuns: done }).then(() => undefined))
        },
      })
      await writing
      live.delete(id)
      const stored: StoredResult = { ...result, students: result.students.map((s) => ({ ...s, source: sources[s.id] ?? 'rank-list' })) }
      await repo.transition(id, ['running'], { status: 'done', completedRuns: result.runs, result: stored, finishedAt: clock.now() })
    } catch (error) {
      live.delete(id)
      await writing.catch(() => undefined)
      if (error instanceof SimulationCancelled) return
      logUnexpectedError('class simulation failed', error)
      await repo.transition(id, ['running', 'queued'], {
        status: 'failed',
        error: 'The simulation stopped on an internal error. Start it again; if it happens again, tell the administrator.',
        finishedAt: clock.now(),
      })
    }
  }

  return {
    /** How many of my students (of a class year) have a list to simulate. */
    /**
     * Each student's at-risk reasons from the newest finished simulation that included them,
     * whoever ran it, for the office's season dashboard (decision 039): flags only, never the
     * figures or the lists. The caller has already limited `studentIds` to students it may see.
     */
    async mapLatestAtRiskOfStudents(studentIds: readonly string[]): Promise<Map<string, { finishedAt: Date; reasons: string[] }>> {
      const wanted = new Set(studentIds)
      return new Map((await repo.listLatestFlagsPerStudent()).filter((f) => wanted.has(f.studentId)).map((f) => [f.studentId, f]))
    },

    async preview(actor: Actor, query: { classYear?: ClassYear | undefined }): Promise<ClassSimulationPreview> {
      assertAdvisor(actor)
      const ids = await myStudents(actor, query.classYear ?? null)
      const lists = await repo.listsOf(ids)
      return {
        classYear: query.classYear ?? null,
        students: lists.length,
        withRankList: lists.filter((s) => s.source === 'rank-list').length,
        withInterviewsOnly: lists.filter((s) => s.source === 'interviews').length,
        withoutList: lists.filter((s) => s.source === null).length,
      }
    },

    async start(actor: Actor, body: StartClassSimulation, meta: RequestMeta | null): Promise<ClassSimulationSummary> {
      assertAdvisor(actor)
      await recover()
      const classYear = body.classYear ?? null
      const ids = await myStudents(actor, classYear, body.studentIds)
      const lists = await repo.listsOf(ids)
      const simulated = lists.filter((s) => s.source !== null && s.primary.some((p) => p !== null))
      if (simulated.length === 0) {
        throw new AppError('VALIDATION_FAILED', 'None of the students chosen has a rank order list or interviews yet, so there is nothing to simulate.', {
          [body.studentIds ? 'studentIds' : 'classYear']: 'No student chosen has a rank order list or programs marked "interviewed".',
        })
      }
      const simulatedIds = simulated.map((s) => s.id)
      const couples = await repo.couplesAmong(simulatedIds)
      const seed = body.seed ?? randomInt(0, 2_147_483_647)
      const input = await loadInput(simulated, couples, body.runs, seed)
      const sources = Object.fromEntries(simulated.map((s) => [s.id, s.source as 'rank-list' | 'interviews']))
      const params: StoredParams = { classYear, studentIds: simulatedIds, sources, skipped: lists.filter((s) => !simulatedIds.includes(s.id)).map((s) => s.id) }
      const row = await repo.insert({
        createdBy: actor.personId,
        createdAt: clock.now(),
        status: 'queued',
        runs: body.runs,
        seed,
        params,
        leaseOwner: owner,
        leaseExpiresAt: leaseUntil(),
      })
      await audit.record({ actorId: actor.personId, action: 'class-simulation.start', objectType: 'class-simulation', objectId: row.id }, meta)
      const controller = new AbortController()
      // Runs one after another: the next simulation starts when the last has finished.
      queue = queue
        .then(() => execute(row.id, input, sources, controller.signal))
        .catch((error: unknown) => logUnexpectedError('class simulation failed', error))
      const done = queue
      jobs.set(row.id, { controller, done })
      holdLeases()
      void done.finally(() => jobs.delete(row.id))
      return summaryOf(row)
    },

    async list(actor: Actor): Promise<ClassSimulationList> {
      assertAdvisor(actor)
      await recover()
      const rows = await repo.listByCreator(actor.personId)
      return { simulations: rows.map(summaryOf) }
    },

    /**
     * Status and progress; once done, the results of the students who are still mine, each
     * read audited as `student-record.read.class-simulation`.
     */
    async get(actor: Actor, id: string, meta: RequestMeta | null): Promise<ClassSimulationView> {
      assertAdvisor(actor)
      await recover()
      const row = await repo.findById(id)
      if (!row || row.createdBy !== actor.personId) throw new AppError('NOT_FOUND', 'No such simulation, or it is not yours.')
      const summary = summaryOf(row)
      if (row.status !== 'done' || row.result === null) return { ...summary, result: null }
      const stored = row.result as StoredResult
      const params = row.params as StoredParams
      const mine = new Set(await studentRecords.studentsOf(actor.personId))
      const shown = stored.students.filter((s) => mine.has(s.id))
      const skipped = params.skipped.filter((s) => mine.has(s))
      for (const s of [...shown.map((x) => x.id), ...skipped]) await studentRecords.assertCanRead(actor, s, 'class-simulation', meta)
      const names = await repo.namesOf([...shown.map((s) => s.id), ...skipped])
      const students: StudentSimulationRow[] = shown.map((s) => ({
        studentId: s.id,
        name: names.get(s.id) ?? 'Unknown student',
        source: s.source,
        listLength: s.listLength,
        pMatch: s.pMatch,
        pMatchLow: s.pMatchLow,
        pMatchHigh: s.pMatchHigh,
        pMatchSe: s.pMatchSe,
        pTop3: s.pTop3,
        expectedRank: s.expectedRank,
        expectedRankSe: s.expectedRankSe,
        rankCounts: s.rankCounts,
        tiers: s.tiers,
        specialties: s.specialties,
        flags: s.flags,
      }))
      const result: ClassSimulationResult = {
        students,
        skipped: skipped.map((studentId) => ({
          studentId,
          name: names.get(studentId) ?? 'Unknown student',
          flags: [{ reason: 'no-list', message: NO_LIST_MESSAGE }],
        })),
        rankHistogram: stored.rankHistogram,
        matchedCountHistogram: stored.matchedCountHistogram,
        meanMatchRate: stored.meanMatchRate,
        markets: stored.markets,
        noise: stored.noise,
        market: stored.market,
        unresolvedRuns: stored.unresolvedRuns,
        hiddenStudents: stored.students.length - shown.length,
      }
      return { ...summary, result }
    },

    async cancel(actor: Actor, id: string, meta: RequestMeta | null): Promise<ClassSimulationSummary> {
      assertAdvisor(actor)
      const row = await repo.findById(id)
      if (!row || row.createdBy !== actor.personId) throw new AppError('NOT_FOUND', 'No such simulation, or it is not yours.')
      const moved = await repo.transition(id, ['queued', 'running'], { status: 'cancelled', finishedAt: clock.now() })
      if (!moved)
        throw new AppError(
          'CONFLICT',
          `This simulation has already ${row.status === 'done' ? 'finished' : row.status === 'failed' ? 'failed' : 'been cancelled'}.`,
        )
      jobs.get(id)?.controller.abort()
      await audit.record({ actorId: actor.personId, action: 'class-simulation.cancel', objectType: 'class-simulation', objectId: id }, meta)
      return summaryOf((await repo.findById(id)) as SimulationRow)
    },

    /** Resolves when the simulation's background work has ended (tests, shutdown). */
    async settled(id: string): Promise<void> {
      await jobs.get(id)?.done
    },
  }
}

export type ClassSimulationService = ReturnType<typeof createClassSimulationService>
