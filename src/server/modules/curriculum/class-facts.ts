import type { CompletionRule } from '#shared/contracts/curriculum.ts'
import type { AdvisingService } from '../advising/advising.service.ts'
import type { EventsService } from '../events/events.service.ts'
import type { LettersService } from '../letters/letters.service.ts'
import type { ListBuilderService } from '../list-builder/list-builder.service.ts'
import type { RankListsService } from '../rank-lists/rank-lists.service.ts'
import { FACT_OF_RULE, type StudentFactsForRules } from './domain/completion-rules.ts'

/**
 * The owners' batched reads a class view needs: each answers for many students in one or two
 * queries, so a class of 500 costs the same handful of queries as a class of five. The caller
 * checks first that the actor may see every one of these students.
 */
export type ClassFactOwners = {
  advising: Pick<AdvisingService, 'listBoardGaps'>
  letters: Pick<LettersService, 'mapLetterStatusesOfStudents'>
  listBuilder: Pick<ListBuilderService, 'mapProfileSummariesOfStudents' | 'countProgramsOnListsOfStudents'>
  rankLists: Pick<RankListsService, 'mapReviewStatusesOfStudents'>
  events: Pick<EventsService, 'mapAttendedEventsOfStudents'>
}

/**
 * The facts the given rules need for each student, each fact read once for the whole class and
 * only when a rule asks for it. A student the owner has no record of gets the same facts a
 * single student's read would (no board: unknown; no letters: none; no list: no programs).
 */
export async function readFactsForRulesOfStudents(
  owners: ClassFactOwners,
  students: readonly { id: string; declaredSpecialtyId: string | null }[],
  rules: ReadonlySet<CompletionRule>,
): Promise<Map<string, StudentFactsForRules>> {
  const wanted = new Set([...rules].map((rule) => FACT_OF_RULE[rule]))
  const ids = students.map((s) => s.id)
  const facts = new Map<string, StudentFactsForRules>(students.map((s) => [s.id, { declaredSpecialtyId: s.declaredSpecialtyId }]))
  const each = (id: string) => facts.get(id) as StudentFactsForRules
  await Promise.all([
    wanted.has('emptyBoardSlots') &&
      owners.advising.listBoardGaps(ids).then((gaps) => {
        for (const g of gaps) if (facts.has(g.id)) each(g.id).emptyBoardSlots = g.emptySlots
      }),
    wanted.has('applicationProfile') &&
      owners.listBuilder.mapProfileSummariesOfStudents(ids).then((profiles) => {
        for (const [id, profile] of profiles) if (facts.has(id)) each(id).applicationProfile = profile
      }),
    wanted.has('letterStatuses') &&
      owners.letters.mapLetterStatusesOfStudents(ids).then((statuses) => {
        for (const id of ids) each(id).letterStatuses = statuses.get(id) ?? []
      }),
    wanted.has('programsOnList') &&
      owners.listBuilder.countProgramsOnListsOfStudents(ids).then((counts) => {
        for (const id of ids) each(id).programsOnList = counts.get(id) ?? 0
      }),
    wanted.has('rankListReviewStatus') &&
      owners.rankLists.mapReviewStatusesOfStudents(ids).then((statuses) => {
        for (const [id, status] of statuses) if (facts.has(id)) each(id).rankListReviewStatus = status
      }),
  ])
  return facts
}
