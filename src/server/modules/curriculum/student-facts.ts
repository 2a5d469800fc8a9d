import { AppError } from '#shared/errors.ts'
import type { CompletionRule } from '#shared/contracts/curriculum.ts'
import type { Actor } from '../../http/app-env.ts'
import type { AdvisingService } from '../advising/advising.service.ts'
import type { LettersService } from '../letters/letters.service.ts'
import type { ListBuilderService } from '../list-builder/list-builder.service.ts'
import type { RankListsService } from '../rank-lists/rank-lists.service.ts'
import { FACT_OF_RULE, type StudentFactsForRules } from './domain/completion-rules.ts'

/** The services that own the facts the completion rules read; the composition root passes them in. */
export type FactOwners = {
  advising: Pick<AdvisingService, 'listBoardGaps'>
  letters: Pick<LettersService, 'listMine'>
  listBuilder: Pick<ListBuilderService, 'getMyProfile' | 'getProgramList'>
  rankLists: Pick<RankListsService, 'getMine'>
}

/** A fact its owner has no record of (no board, no profile yet) is unknown: it completes nothing. */
async function orUnknown<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined
    throw error
  }
}

/**
 * Reads, through each owner's service and as the student themself, only the facts the given
 * rules need (each once, in parallel). The declared specialty comes with the student's profile
 * facts, which the caller already holds.
 */
export async function readFactsForRules(
  owners: FactOwners,
  actor: Actor,
  rules: ReadonlySet<CompletionRule>,
  declaredSpecialtyId: string | null,
): Promise<StudentFactsForRules> {
  const wanted = new Set([...rules].map((rule) => FACT_OF_RULE[rule]))
  const facts: StudentFactsForRules = { declaredSpecialtyId }
  await Promise.all([
    wanted.has('emptyBoardSlots') &&
      orUnknown(() => owners.advising.listBoardGaps([actor.personId])).then((gaps) => {
        if (gaps?.[0]) facts.emptyBoardSlots = gaps[0].emptySlots
      }),
    wanted.has('applicationProfile') &&
      orUnknown(() => owners.listBuilder.getMyProfile(actor, null)).then((profile) => {
        if (profile) facts.applicationProfile = profile
      }),
    wanted.has('letterStatuses') &&
      orUnknown(() => owners.letters.listMine(actor)).then((mine) => {
        if (mine) facts.letterStatuses = mine.items.map((letter) => letter.status)
      }),
    wanted.has('programsOnList') &&
      orUnknown(() => owners.listBuilder.getProgramList(actor, actor.personId, null)).then((list) => {
        if (list) facts.programsOnList = list.items.length
      }),
    wanted.has('rankListReviewStatus') &&
      orUnknown(() => owners.rankLists.getMine(actor)).then((list) => {
        if (list) facts.rankListReviewStatus = list.reviewStatus
      }),
  ])
  return facts
}
