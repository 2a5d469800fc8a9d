import { and, asc, inArray, isNotNull } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { rankListCouples, rankListEntries } from '#server/db/schema/index.ts'

/**
 * Rank lists' public reads, for other modules (the class simulation): the rank order lists of
 * many students and the couples among them, each in one query however many students are asked
 * for. Other modules call these instead of naming the rank-list tables.
 */
export type RankListReader = Pick<Database, 'select'>

/** A student's rank order lists: the primary list (a null is a couple's "no match" rank) and each supplemental list by its advanced program. */
export type StudentRankOrderLists = { primary: (string | null)[]; supplemental: { advanced: string; ranks: string[] }[] }

/** The rank order lists (as saved, drafts included) of those of `studentIds` who have one. */
export async function listRankOrderListsOfStudents(reader: RankListReader, studentIds: readonly string[]): Promise<Map<string, StudentRankOrderLists>> {
  const byStudent = new Map<string, StudentRankOrderLists>()
  if (studentIds.length === 0) return byStudent
  const entries = await reader
    .select({ studentId: rankListEntries.studentId, listKey: rankListEntries.listKey, rank: rankListEntries.rank, programId: rankListEntries.programId })
    .from(rankListEntries)
    .where(inArray(rankListEntries.studentId, [...new Set(studentIds)]))
    .orderBy(asc(rankListEntries.studentId), asc(rankListEntries.listKey), asc(rankListEntries.rank))
  for (const e of entries) {
    let lists = byStudent.get(e.studentId)
    if (!lists) {
      lists = { primary: [], supplemental: [] }
      byStudent.set(e.studentId, lists)
    }
    if (e.listKey === 'primary') {
      lists.primary.push(e.programId)
    } else if (e.listKey.startsWith('supplemental:') && e.programId !== null) {
      const advanced = e.listKey.slice('supplemental:'.length)
      let list = lists.supplemental.find((l) => l.advanced === advanced)
      if (!list) {
        list = { advanced, ranks: [] }
        lists.supplemental.push(list)
      }
      list.ranks.push(e.programId)
    }
  }
  return byStudent
}

/** Confirmed couples with both partners among `studentIds`, as [requester, partner]. */
export async function listConfirmedCouplesAmong(reader: RankListReader, studentIds: readonly string[]): Promise<[string, string][]> {
  if (studentIds.length < 2) return []
  const ids = [...new Set(studentIds)]
  const rows = await reader
    .select({ a: rankListCouples.requestedBy, b: rankListCouples.partnerId })
    .from(rankListCouples)
    .where(and(isNotNull(rankListCouples.confirmedAt), inArray(rankListCouples.requestedBy, ids), inArray(rankListCouples.partnerId, ids)))
  return rows.map((r) => [r.a, r.b])
}
