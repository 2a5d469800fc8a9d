import type { Database, Tx } from '#server/db/client.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor } from '../../http/app-env.ts'
import { lockMentorCapacity } from '../profiles/mentor-capacity.ts'
import { findActiveMentorshipIds, pairKey } from './mentorship-reads.ts'
import type { MentorshipsRepository } from './mentorships.repository.ts'

export type ProgramPair = { studentId: string; mentorId: string }

/** Per pair (by `pairKey`), its active mentorship and whether this call created it. */
export type ProgramMentorships = Map<string, { mentorshipId: string; created: boolean }>

/** A mentor with fewer open places than the program's new pairs for them. */
export type CapacityShortfall = { mentorId: string; openPlaces: number; newPairs: number }

/**
 * Pairs from a formal mentor program become active mentorships, in the caller's transaction (a
 * program publishes all its pairs or none). Mentors' profile rows are locked in id order, as
 * accepting a request locks them, and capacity is counted again under the lock, so a mentor
 * never has more active mentorships than their capacity. A pair that already has an active
 * mentorship keeps it.
 */
export function createProgramMentorships(deps: { repo: MentorshipsRepository; clock: Clock }) {
  const { repo, clock } = deps

  return {
    async createMentorshipsForProgram(
      actor: Actor,
      program: { name: string },
      pairs: readonly ProgramPair[],
      tx: Tx & Pick<Database, 'select'>,
    ): Promise<{ mentorships: ProgramMentorships } | { shortfall: CapacityShortfall }> {
      if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', 'Only an admin publishes a mentor program.')
      const now = clock.now()
      const perMentor = new Map<string, string[]>()
      for (const p of pairs) perMentor.set(p.mentorId, [...(perMentor.get(p.mentorId) ?? []), p.studentId])
      const existing = await findActiveMentorshipIds(tx, pairs)
      for (const mentorId of [...perMentor.keys()].sort()) {
        const profile = await lockMentorCapacity(tx, mentorId)
        const fresh = (perMentor.get(mentorId) ?? []).filter((s) => !existing.has(pairKey(s, mentorId))).length
        // Counted again under the lock: a directory request accepted since the run may have taken a place.
        const active = await repo.countActiveMentorships(mentorId, tx)
        const capacity = profile?.capacity ?? 0
        if (active + fresh > capacity) return { shortfall: { mentorId, openPlaces: Math.max(0, capacity - active), newPairs: fresh } }
      }
      const result: ProgramMentorships = new Map()
      for (const p of pairs) {
        const key = pairKey(p.studentId, p.mentorId)
        const kept = existing.get(key)
        if (kept) {
          result.set(key, { mentorshipId: kept, created: false })
          continue
        }
        const requestId = await repo.insertRequest(
          {
            studentId: p.studentId,
            mentorId: p.mentorId,
            initiatedBy: 'mentor',
            kind: 'ongoing',
            message: `Paired by ${program.name}.`,
            status: 'accepted',
            statusChangedAt: now,
            createdAt: now,
            expiresAt: now,
          },
          tx,
        )
        const mentorshipId = await repo.insertMentorship(
          { requestId, studentId: p.studentId, mentorId: p.mentorId, kind: 'ongoing', status: 'active', startedAt: now },
          tx,
        )
        result.set(key, { mentorshipId, created: true })
      }
      return { mentorships: result }
    },
  }
}
