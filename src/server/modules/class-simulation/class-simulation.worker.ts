/**
 * Worker thread body of a class simulation: builds its own plan (markets are drawn and
 * compiled lazily, per worker), runs the run numbers `r` with `r % workers === worker`, posts
 * progress now and then and its tally at the end. Bundled as `dist/server/class-simulation-worker.js`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createClassPlan, createClassTally, runClassRuns, runsOfWorker } from '#engines/class-simulation/index.ts'
import type { WorkerInput, WorkerMessage } from './run-class-simulation.ts'

const input = workerData as WorkerInput
const port = parentPort
if (port && input?.kind === 'preceptor-class-simulation') {
  const plan = createClassPlan(input.input)
  const tally = createClassTally(plan)
  let done = 0
  let reported = 0
  let last = Date.now()
  runClassRuns(plan, tally, runsOfWorker(input.input.options.runs, input.workers, input.worker), () => {
    done++
    const now = Date.now()
    if (now - last >= 200) {
      port.postMessage({ type: 'progress', done: done - reported } satisfies WorkerMessage)
      reported = done
      last = now
    }
  })
  if (done > reported) port.postMessage({ type: 'progress', done: done - reported } satisfies WorkerMessage)
  port.postMessage({ type: 'done', tally } satisfies WorkerMessage)
}
