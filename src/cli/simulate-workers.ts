/**
 * Runs the match simulator on worker threads. Each worker takes the next run not yet taken
 * from a counter they share, so a worker that gets less of a busy machine, or slower runs (couples
 * that loop), does fewer runs instead of holding the others up. Run `i` draws its noise from
 * `deriveSeed(seed, i)` whichever worker does it, and the tallies are sums of whole numbers, so
 * the merged tally depends neither on `W` nor on which worker did which run.
 *
 * The worker script is the command line's own entry module (`src/cli/main.ts`, or
 * `dist/cli/main.js` once bundled): it calls {@link runSimulationWorker} when it starts on a
 * worker thread with {@link SIMULATION_WORKER} data. That works the same from source (tsx) and
 * from the bundle, which has no separate worker file.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { parentPort, Worker, workerData } from 'node:worker_threads'
import type { CompiledInstance } from '#engines/match/index.ts'
import {
  createSimulationPlan,
  mergeTallies,
  runsOfWorker,
  simulateRuns,
  type SimulationOptions,
  type SimulationPlan,
  type SimulationTally,
} from '#engines/match/simulate.ts'

export const SIMULATION_WORKER = 'preceptor-simulate-worker'

type WorkerInput = {
  kind: typeof SIMULATION_WORKER
  /** The instance, compiled once by the main thread; its arrays are shared, not copied. */
  compiled: CompiledInstance
  runs: number
  /** The next run index to take, shared by all workers (one Int32 on a SharedArrayBuffer). */
  next: Int32Array
  options: SimulationOptions
}

type WorkerMessage = { type: 'progress'; done: number } | { type: 'done'; tally: SimulationTally }

export function isSimulationWorkerData(data: unknown): data is WorkerInput {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === SIMULATION_WORKER
}

/** The body of a worker thread: run this worker's share of runs, post the tally. */
export function runSimulationWorker(): void {
  const input = workerData as WorkerInput
  const port = parentPort
  if (!port) throw new Error('runSimulationWorker must run on a worker thread')
  // Each worker has its own scratch buffers (the perturbed lists); the instance is shared.
  const plan = createSimulationPlan(input.compiled, input.options.topChoices)
  let done = 0
  const tally = simulateRuns(plan, input.options, takeRuns(input.next, input.runs), () => {
    done++
    port.postMessage({ type: 'progress', done } satisfies WorkerMessage)
  })
  const buffers = [tally.matched, tally.top, tally.filled, tally.capacity].map((a) => a.buffer as ArrayBuffer)
  port.postMessage({ type: 'done', tally } satisfies WorkerMessage, buffers)
}

/** Run indices below `runs`, each taken from the shared counter by exactly one worker. */
export function* takeRuns(next: Int32Array, runs: number): Generator<number> {
  for (;;) {
    const run = Atomics.add(next, 0, 1)
    if (run >= runs) return
    yield run
  }
}

export type SimulateInput = {
  compiled: CompiledInstance
  runs: number
  /** Worker threads; 0 runs everything on the calling thread. */
  workers: number
  options: SimulationOptions
  /** URL of the module that calls `runSimulationWorker` on a worker thread. */
  workerEntry: URL
  /** Called with the number of runs finished so far. */
  onProgress?: (done: number) => void
}

export type SimulateOutput = { plan: SimulationPlan; tally: SimulationTally; workers: number }

/** Simulates `runs` runs, on `workers` threads, and returns the merged tally. */
export async function simulateInWorkers(input: SimulateInput): Promise<SimulateOutput> {
  const workers = Math.min(input.workers, input.runs)
  if (workers <= 0) {
    const plan = createSimulationPlan(input.compiled, input.options.topChoices)
    let done = 0
    const tally = simulateRuns(plan, input.options, runsOfWorker(input.runs, 1, 0), () => input.onProgress?.(++done))
    return { plan, tally, workers: 0 }
  }
  const progress = new Array<number>(workers).fill(0)
  const compiled = shareCompiled(input.compiled)
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
  const threads: Worker[] = []
  const tallies = Array.from(
    { length: workers },
    (_, worker) =>
      new Promise<SimulationTally>((resolve, reject) => {
        const data: WorkerInput = {
          kind: SIMULATION_WORKER,
          compiled,
          runs: input.runs,
          next,
          options: input.options,
        }
        const thread = startWorker(input.workerEntry, data)
        threads.push(thread)
        let finished = false
        thread.on('message', (message: WorkerMessage) => {
          if (message.type === 'progress') {
            progress[worker] = message.done
            input.onProgress?.(progress.reduce((n, x) => n + x, 0))
          } else {
            finished = true
            resolve(message.tally)
          }
        })
        thread.on('error', reject)
        thread.on('exit', (code) => {
          if (!finished) reject(new Error(`simulation worker ${worker} exited with code ${code} before finishing`))
        })
      }),
  )
  // Once one worker fails the others are terminated; their rejections are expected.
  for (const tally of tallies) tally.catch(() => undefined)
  try {
    const results = await Promise.all(tallies)
    const plan = createSimulationPlan(input.compiled, input.options.topChoices)
    const total = results.reduce((into, tally) => mergeTallies(into, tally))
    return { plan, tally: total, workers }
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()))
  }
}

/**
 * A copy of the compiled instance whose typed arrays live in shared memory: handed to a worker,
 * they are shared rather than copied, so W workers hold one instance, not W, and none of them
 * parses or compiles it again. (Each run perturbs into the worker's own scratch buffers and
 * never writes to the instance.)
 */
export function shareCompiled(compiled: CompiledInstance): CompiledInstance {
  const shared: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(compiled)) {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const array = value as Int32Array | Uint32Array | Uint8Array
      const Type = array.constructor as Int32ArrayConstructor
      const copy = new Type(new SharedArrayBuffer(array.byteLength))
      copy.set(array)
      shared[key] = copy
    } else shared[key] = value
  }
  return shared as CompiledInstance
}

/**
 * Starts the worker script. The bundle (`.js`) is started as is. From source (`.ts`), Node 20
 * does not carry the parent's `--import tsx` loader hooks into worker threads, so a one-line
 * bootstrap registers tsx in the worker and then imports the entry.
 */
function startWorker(entry: URL, data: WorkerInput): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: data })
  const tsxApi = resolveTsxApi()
  const bootstrap =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })` +
    `.catch((error) => { console.error(error); process.exit(1) })`
  return new Worker(bootstrap, { eval: true, workerData: data })
}

/** URL of tsx's ESM register API (its CommonJS build cannot register hooks in a worker). */
function resolveTsxApi(): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api')
  const commonJs = createRequire(import.meta.url).resolve('tsx/esm/api')
  return pathToFileURL(commonJs.replace(/\.cjs$/, '.mjs')).href
}
