/**
 * Worker thread body of a class simulation: builds its own plan (markets are drawn and
 * compiled once per worker, before its runs), runs the run numbers `r` with `r % workers === worker`,
 * posts each market drawn, progress every 100 ms and its tally at the end. Bundled as `dist/server/class-simulation-worker.js`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createClassPlan, createClassTally, marketOf, marketsOfRuns, runClassRuns, runsOfWorker } from '#engines/class-simulation/index.ts'
import type { WorkerInput, WorkerMessage } from './run-class-simulation.ts'

const input = workerData as WorkerInput
const port = parentPort
if (port && input?.kind === 'preceptor-class-simulation') {
  const plan = createClassPlan(input.input)
  const tally = createClassTally(plan)
  const runs = runsOfWorker(input.input.options.runs, input.workers, input.worker)
  // Draw this thread's markets first, saying so after each: they are most of the first seconds.
  for (const m of marketsOfRuns(plan.markets, runs)) {
    const started = performance.now()
    marketOf(plan, m)
    port.postMessage({ type: 'market', ms: performance.now() - started } satisfies WorkerMessage)
  }
  let done = 0
  let ms = 0
  let last = performance.now()
  let batchStarted = last
  const report = () => {
    const now = performance.now()
    ms += now - batchStarted
    port.postMessage({ type: 'progress', done, ms } satisfies WorkerMessage)
    done = 0
    ms = 0
    last = now
    batchStarted = now
  }
  runClassRuns(plan, tally, runs, () => {
    done++
    if (performance.now() - last >= 100) report()
  })
  if (done > 0) report()
  port.postMessage({ type: 'done', tally } satisfies WorkerMessage)
}
