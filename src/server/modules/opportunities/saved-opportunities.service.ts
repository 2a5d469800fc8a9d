import { SAVED_OPPORTUNITIES_MAX, type SavedOpportunityList, type SavedState } from '#shared/contracts/saved-opportunities.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor } from '../../http/app-env.ts'
import { isOpenForApplications } from './domain/applications.ts'
import { compareSaved } from './domain/saved-order.ts'
import type { OpportunitiesService } from './opportunities.service.ts'
import type { SavedOpportunitiesRepository } from './saved-opportunities.repository.ts'

export type SavedOpportunitiesDeps = {
  repo: SavedOpportunitiesRepository
  clock: Clock
  /** Who may see an opportunity and how its card reads are the board's rules, asked of its service. */
  opportunities: Pick<OpportunitiesService, 'getOpportunity' | 'listSummariesByIds'>
}

/**
 * A student's saved opportunities: saved and unsaved from the board and the opportunity's page,
 * listed with their deadlines. Only students save (the routes' guard), only what they may see
 * (404 otherwise, as the opportunity's page answers), and each reads and changes only their own
 * list: every query names the caller.
 */
export function createSavedOpportunitiesService(deps: SavedOpportunitiesDeps) {
  const { repo, clock, opportunities } = deps

  return {
    async save(actor: Actor, opportunityId: string): Promise<SavedState> {
      // Throws NOT_FOUND when the caller may not see it (a draft, another class year's).
      await opportunities.getOpportunity(actor, opportunityId)
      if (!(await repo.isSaved(actor.personId, opportunityId)) && (await repo.countOfStudent(actor.personId)) >= SAVED_OPPORTUNITIES_MAX)
        throw new AppError('CONFLICT', `You have ${SAVED_OPPORTUNITIES_MAX} opportunities saved: unsave one you no longer need first.`)
      await repo.save(actor.personId, opportunityId, clock.now())
      return { opportunityId, saved: true }
    },

    /** Unsaving one saved before always works, even once it is no longer open to the caller; otherwise it must be one they may see. */
    async unsave(actor: Actor, opportunityId: string): Promise<SavedState> {
      if (!(await repo.unsave(actor.personId, opportunityId))) await opportunities.getOpportunity(actor, opportunityId)
      return { opportunityId, saved: false }
    },

    /** The caller's saved opportunities they may still see: open ones by nearest deadline, then closed ones. */
    async listMine(actor: Actor): Promise<SavedOpportunityList> {
      const rows = await repo.listOfStudent(actor.personId)
      const savedAt = new Map(rows.map((r) => [r.opportunityId, r.createdAt.toISOString()]))
      const summaries = await opportunities.listSummariesByIds(
        actor,
        rows.map((r) => r.opportunityId),
      )
      const now = clock.now()
      const saved = summaries.map((summary) => ({
        ...summary,
        savedAt: savedAt.get(summary.id) ?? now.toISOString(),
        open: isOpenForApplications({ status: summary.status, applyBy: summary.applyBy ? new Date(summary.applyBy) : null }, now),
      }))
      return { saved: saved.sort(compareSaved) }
    },
  }
}

export type SavedOpportunitiesService = ReturnType<typeof createSavedOpportunitiesService>
