import type { AlumniMentoringStatus } from '#shared/contracts/roster.ts'
import { AppError } from '#shared/errors.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import { listMentorFactsByIds, mapStudentRecordsByIds } from '../profiles/profile-reads.ts'
import type { RosterDeps } from './roster-deps.ts'

/**
 * A graduate stays on as an alumni mentor only by their own choice (decision 020): the rollover
 * never makes anyone a mentor; the graduate says yes here, and gets the mentor role and an alumni
 * mentor profile (not yet taking requests) to fill in. A near-peer mentor who graduated says the
 * same yes, and their profile's kind becomes alumni (decision 030).
 */
export function createAlumniMentoring(deps: RosterDeps) {
  const { db, audit, identity, profiles } = deps

  async function status(actor: Actor, reader: Pick<typeof db, 'select'> = db) {
    const record = (await mapStudentRecordsByIds(reader, [actor.personId])).get(actor.personId)
    const graduate = record?.enrollment === 'graduated' && !actor.roles.includes('student')
    // A near-peer mentor who graduated has not yet said they stay on: they are asked, like any graduate (decision 030).
    const [facts] = actor.roles.includes('mentor') ? await listMentorFactsByIds(reader, [actor.personId]) : []
    const mentor = actor.roles.includes('mentor') && !(graduate && facts?.kind === 'near-peer')
    return { graduate, mentor, graduationYear: record?.graduationYear ?? null }
  }

  return {
    async getAlumniMentoring(actor: Actor): Promise<AlumniMentoringStatus> {
      const { graduate, mentor } = await status(actor)
      return { graduate, mentor }
    },

    async becomeAlumniMentor(actor: Actor, meta: RequestMeta): Promise<AlumniMentoringStatus> {
      return db.transaction(async (tx) => {
        const { graduate, mentor, graduationYear } = await status(actor, tx)
        if (!graduate) throw new AppError('FORBIDDEN', 'Only a graduate of the school can join as an alumni mentor here.')
        if (mentor) return { graduate, mentor }
        if (!actor.roles.includes('mentor')) await identity.grantAlumniMentorRole(actor, tx)
        await profiles.createAlumniMentorProfile(actor, graduationYear ?? deps.clock.now().getUTCFullYear(), tx)
        await audit.record({ actorId: actor.personId, action: 'roster.alumni-mentor-joined', objectType: 'person', objectId: actor.personId }, meta, tx)
        return { graduate, mentor: true }
      })
    },
  }
}
