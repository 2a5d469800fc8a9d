/**
 * Runs a class simulation off the request path: on worker threads when the bundled worker
 * script is there (the built server, the benchmark), else on the calling thread in slices that
 * yield to the event loop (from source: development and tests). The merged tally does not
 * depend on the number of threads (run r draws from deriveSeed(seed, r) and market r mod M).
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import {
  createClassPlan,
  marketOf,
  marketsOfRuns,
  type ClassPlan,
  type ClassSimulationProgress,
  createClassTally,
  mergeClassTallies,
  runClassRun,
  runsOfWorker,
  summarizeClassSimulation,
  type ClassSimulationInput,
  type ClassSimulationResult,
  type ClassTally,
} from '#engines/class-simulation/index.ts'

export type WorkerInput = { kind: 'preceptor-class-simulation'; input: ClassSimulationInput; workers: number; worker: number }
/** A worker reports each market it draws, then runs in small batches, each with the time it took. */
export type WorkerMessage = { type: 'market'; ms: number } | { type: 'progress'; done: number; ms: number } | { type: 'done'; tally: ClassTally }

export type RunOptions = {
  /** Worker threads; 0 runs on the calling thread. Default: 2 when the worker script exists, else 0. */
  workers?: number
  /** Called as markets are drawn and runs finish (throttled), with what is done and what it cost. */
  onProgress?: (progress: ClassSimulationProgress) => void
  signal?: AbortSignal
  /** The worker script; default: the bundled one next to the server. */
  workerEntry?: URL
}

/** The bundled worker script (`dist/server/class-simulation-worker.js`), or null when running from source. */
export function bundledWorkerEntry(): URL | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) return null
  const entry = new URL('../server/class-simulation-worker.js', here)
  return existsSync(fileURLToPath(entry)) ? entry : null
}

export class SimulationCancelled extends Error {
  constructor() {
    super('The simulation was cancelled.')
    this.name = 'SimulationCancelled'
  }
}

export async function runClassSimulation(input: ClassSimulationInput, options: RunOptions = {}): Promise<ClassSimulationResult> {
  const entry = options.workerEntry ?? bundledWorkerEntry()
  const workers = Math.min(input.options.runs, entry ? (options.workers ?? 2) : 0)
  const plan = createClassPlan(input)
  const tally = workers > 0 && entry ? await inWorkers(input, plan, workers, entry, options) : await inline(input, options)
  return summarizeClassSimulation(plan, tally)
}

async function inline(input: ClassSimulationInput, options: RunOptions): Promise<ClassTally> {
  const plan = createClassPlan(input)
  const tally = createClassTally(plan)
  const runs = input.options.runs
  const markets = marketsOfRuns(
    plan.markets,
    Array.from({ length: Math.min(runs, plan.markets) }, (_, r) => r),
  )
  const progress: ClassSimulationProgress = { marketsDrawn: 0, markets: markets.length, runsDone: 0, runs, marketMs: 0, runMs: 0 }
  const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))
  options.onProgress?.({ ...progress })
  // Markets first, one at a time, so that progress shows while they are drawn.
  for (const m of markets) {
    if (options.signal?.aborted) throw new SimulationCancelled()
    const started = performance.now()
    marketOf(plan, m)
    progress.marketMs += performance.now() - started
    progress.marketsDrawn++
    options.onProgress?.({ ...progress })
    await yieldToEventLoop()
  }
  let run = 0
  while (run < runs) {
    if (options.signal?.aborted) throw new SimulationCancelled()
    const started = performance.now()
    const until = Date.now() + 50
    while (run < runs && Date.now() < until) runClassRun(plan, tally, run++)
    progress.runMs += performance.now() - started
    progress.runsDone = run
    options.onProgress?.({ ...progress })
    await yieldToEventLoop()
  }
  return tally
}

function inWorkers(input: ClassSimulationInput, plan: ClassPlan, workers: number, entry: URL, options: RunOptions): Promise<ClassTally> {
  return new Promise<ClassTally>((resolve, reject) => {
    const threads: Worker[] = []
    const tallies: ClassTally[] = []
    // Each thread draws the markets of its own runs (see class-simulation.worker.ts).
    let markets = 0
    for (let worker = 0; worker < workers; worker++) markets += marketsOfRuns(plan.markets, runsOfWorker(input.options.runs, workers, worker)).length
    const progress: ClassSimulationProgress = { marketsDrawn: 0, markets, runsDone: 0, runs: input.options.runs, marketMs: 0, runMs: 0 }
    // Say at once what is coming: the first market takes seconds to draw.
    options.onProgress?.({ ...progress })
    let settled = false
    const finish = (error: Error | null) => {
      if (settled) return
      settled = true
      options.signal?.removeEventListener('abort', onAbort)
      void Promise.all(threads.map((t) => t.terminate())).finally(() => {
        if (error) reject(error)
        else resolve(tallies.reduce((into, t) => mergeClassTallies(into, t)))
      })
    }
    const onAbort = () => finish(new SimulationCancelled())
    if (options.signal?.aborted) return finish(new SimulationCancelled())
    options.signal?.addEventListener('abort', onAbort)
    for (let worker = 0; worker < workers; worker++) {
      const thread = new Worker(entry, { workerData: { kind: 'preceptor-class-simulation', input, workers, worker } satisfies WorkerInput })
      threads.push(thread)
      let finished = false
      thread.on('message', (message: WorkerMessage) => {
        if (message.type === 'market') {
          progress.marketsDrawn++
          progress.marketMs += message.ms
          options.onProgress?.({ ...progress })
        } else if (message.type === 'progress') {
          progress.runsDone += message.done
          progress.runMs += message.ms
          options.onProgress?.({ ...progress })
        } else {
          finished = true
          tallies.push(message.tally)
          if (tallies.length === workers) finish(null)
        }
      })
      thread.on('error', (error) => finish(error))
      thread.on('exit', (code) => {
        if (!finished) finish(new Error(`a simulation worker stopped (exit code ${code}) before finishing`))
      })
    }
  })
}
