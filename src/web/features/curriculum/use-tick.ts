import { useState } from 'react'
import type { TimelineResponse } from '#shared/contracts/curriculum.ts'
import { useTick } from './api.ts'

/** Ticks a milestone and says what happened, for a live region; the pending one is disabled. */
export function useTickWithMessage(timeline: TimelineResponse | undefined) {
  const tick = useTick()
  const [message, setMessage] = useState<string | null>(null)
  const title = (id: string) => timeline?.years.flatMap((y) => y.milestones).find((m) => m.id === id)?.title ?? 'The milestone'
  const onTick = (id: string, done: boolean) => {
    setMessage(null)
    tick.mutate(
      { id, done },
      {
        onSuccess: () => setMessage(done ? `${title(id)}: marked as done.` : `${title(id)}: back on your list.`),
        onError: () => setMessage('That did not save. Check your connection and try again.'),
      },
    )
  }
  return { onTick, message, pendingId: tick.isPending ? tick.variables?.id : undefined }
}
