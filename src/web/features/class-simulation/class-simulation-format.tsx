import type { ClassSimulationSummary } from '#shared/contracts/class-simulation.ts'

export const pct = (p: number) => `${Math.round(p * 100)} %`

/** "1 student", "14 students". */
export const students = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'student' : 'students'}`

export const STATUS_LABELS: Record<ClassSimulationSummary['status'], string> = {
  queued: 'Waiting to start',
  running: 'Running',
  done: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds / 5) * 5)} seconds`
  const minutes = Math.round(seconds / 60)
  return `about ${minutes} minute${minutes === 1 ? '' : 's'}`
}

export function SimulationStatusTag({ status }: { status: ClassSimulationSummary['status'] }) {
  return <span className={`tag cs-status cs-status-${status}`}>{STATUS_LABELS[status]}</span>
}

/**
 * A `<progress>` with its figures in words beside it, for a queued or running simulation. The bar
 * follows the server's weighed share (drawing the markets is much of the first half), and the
 * words say which step it is on.
 */
export function SimulationProgress({ simulation, labelId }: { simulation: ClassSimulationSummary; labelId: string }) {
  const live = simulation.progress
  const share = live ? live.share : simulation.runs > 0 ? simulation.completedRuns / simulation.runs : 0
  const drawing = live !== null && live.marketsDrawn < live.markets
  const words =
    simulation.status === 'queued'
      ? 'Waiting for another simulation to finish…'
      : drawing
        ? `Drawing simulated national markets: ${live.marketsDrawn} of ${live.markets} ready (${pct(share)} done)`
        : `${simulation.completedRuns.toLocaleString('en-US')} of ${simulation.runs.toLocaleString('en-US')} runs (${pct(share)} done)`
  return (
    <div className="cs-progress">
      <progress aria-labelledby={labelId} max={1} value={simulation.status === 'queued' ? undefined : share} />
      <span className="cs-progress-text">{words}</span>
    </div>
  )
}
