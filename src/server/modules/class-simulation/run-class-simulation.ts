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
  createClassTally,
  mergeClassTallies,
  runClassRun,
  summarizeClassSimulation,
  type ClassSimulationInput,
  type ClassSimulationResult,
  type ClassTally,
} from '#engines/class-simulation/index.ts'

export type WorkerInput = { kind: 'preceptor-class-simulation'; input: ClassSimulationInput; workers: number; worker: number }
export type WorkerMessage = { type: 'progress'; done: number } | { type: 'done'; tally: ClassTally }

export type RunOptions = {
  /** Worker threads; 0 runs on the calling thread. Default: 2 when the worker script exists, else 0. */
  workers?: number
  /** Called with the number of runs finished so far (throttled). */
  onProgress?: (done: number) => void
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
  const tally = workers > 0 && entry ? await inWorkers(input, workers, entry, options) : await inline(input, options)
  return summarizeClassSimulation(plan, tally)
}

async function inline(input: ClassSimulationInput, options: RunOptions): Promise<ClassTally> {
  const plan = createClassPlan(input)
  const tally = createClassTally(plan)
  let run = 0
  while (run < input.options.runs) {
    if (options.signal?.aborted) throw new SimulationCancelled()
    const until = Date.now() + 50
    while (run < input.options.runs && Date.now() < until) runClassRun(plan, tally, run++)
    options.onProgress?.(run)
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return tally
}

function inWorkers(input: ClassSimulationInput, workers: number, entry: URL, options: RunOptions): Promise<ClassTally> {
  return new Promise<ClassTally>((resolve, reject) => {
    const threads: Worker[] = []
    const tallies: ClassTally[] = []
    let done = 0
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
        if (message.type === 'progress') {
          done += message.done
          options.onProgress?.(done)
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
