import type { Tx } from '#server/db/client.ts'
import type { Actor } from '../../http/app-env.ts'
import { listPeopleByIds } from '../identity/people-reads.ts'
import { listActiveMentorshipsOfMentors } from '../mentorships/mentorship-reads.ts'
import { listMentorFactsByIds } from '../profiles/profile-reads.ts'
import type { RosterDeps } from './roster-deps.ts'

/**
 * A graduating student who mentors as a near-peer (decision 030): near-peer means a fellow
 * student, so at graduation they take no new requests until they say, on their home page, that
 * they stay on as an alumni mentor (their kind then becomes alumni). Their open mentorships go
 * on; each student in one is told, so the change is not a surprise.
 */
export function graduatingNearPeerMentors(deps: RosterDeps) {
  const { profiles, notifications, appOrigin } = deps
  return async function handle(_actor: Actor, graduateIds: readonly string[], tx: Tx): Promise<string[]> {
    const nearPeers = (await listMentorFactsByIds(tx, graduateIds)).filter((m) => m.kind === 'near-peer').map((m) => m.personId)
    if (nearPeers.length === 0) return []
    await profiles.pauseMentorProfiles(nearPeers, tx)
    const open = await listActiveMentorshipsOfMentors(tx, nearPeers)
    const people = new Map((await listPeopleByIds(tx, [...nearPeers, ...open.map((m) => m.studentId)])).map((p) => [p.id, p]))
    for (const mentorship of open) {
      const student = people.get(mentorship.studentId)
      const mentor = people.get(mentorship.mentorId)
      if (!student || !mentor || student.status !== 'active') continue
      const link = `${appOrigin}/mentorships/${mentorship.id}`
      await notifications.enqueue(
        {
          to: student.email,
          kind: 'mentorship.mentor-graduated',
          subject: `${mentor.name} has graduated; your mentorship goes on`,
          text: `Hello ${student.name},\n\n${mentor.name}, your near-peer mentor, has graduated. Your mentorship goes on as it was: your messages, meetings and notes stay where they are. ${mentor.name} takes no new students until they choose to stay on as an alumni mentor.\n\n${link}\n`,
        },
        tx,
      )
    }
    return nearPeers
  }
}
