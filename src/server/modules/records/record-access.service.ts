import type { Database } from '#server/db/client.ts'
import type { RecordAccessLog } from '#shared/contracts/records.ts'
import type { Actor } from '../../http/app-env.ts'
import { listEntriesAbout } from '../audit/entries-about.ts'
import { listPersonSummariesByIds } from '../identity/people-reads.ts'
import { describeAccess, readerRole } from './domain/access-description.ts'
import type { RecordOwners } from './record-sources.ts'

/** The newest rows read; a student with more sees the latest ones and the total. */
const MOST_ROWS = 500

/**
 * Record of access and disclosure (34 CFR §99.32): who other than the student read or disclosed
 * their records, when, and what, from the audit log. The student's objects (their person, letter
 * requests, mentorships and requests) come from their owners' student views; the audit module
 * reads its own table. Never content, and nothing of a waived letter beyond that it was read.
 */
export function createRecordAccessService(deps: { db: Database; owners: () => RecordOwners }) {
  const { db, owners } = deps
  return {
    async listMyAccess(actor: Actor): Promise<RecordAccessLog> {
      const o = owners()
      const [letters, mentorships, requests] = await Promise.all([
        o.letters.listMine(actor),
        o.mentorships.listMyMentorships(actor),
        o.mentorships.listMyRequests(actor),
      ])
      const rows = await listEntriesAbout(db, {
        objects: [
          { objectType: 'person', objectIds: [actor.personId] },
          { objectType: 'letter-request', objectIds: letters.items.map((l) => l.id) },
          { objectType: 'mentorship', objectIds: mentorships.asStudent.map((m) => m.id) },
          { objectType: 'mentorship-request', objectIds: requests.sent.map((r) => r.id) },
        ],
        excludeActorId: actor.personId,
        limit: MOST_ROWS,
      })
      const described = rows.flatMap((row) => {
        const what = describeAccess(row.action)
        return what ? [{ row, what }] : []
      })
      const readers = new Map(
        (await listPersonSummariesByIds(db, [...new Set(described.flatMap(({ row }) => (row.actorId ? [row.actorId] : [])))])).map((p) => [p.id, p]),
      )
      return {
        entries: described.map(({ row, what }) => {
          const reader = row.actorId ? readers.get(row.actorId) : undefined
          return {
            at: row.at.toISOString(),
            who: { id: row.actorId, name: reader?.name ?? 'Someone no longer at the school', role: readerRole(reader?.roles ?? []) },
            what,
          }
        }),
        total: described.length,
      }
    },
  }
}
