/**
 * A student's advisory dean from their roster house (decision 030). A dean an admin chose by
 * hand is kept; a dean the house gave is replaced when the house (or its dean) changes.
 */
export type CurrentDean = { advisorId: string; viaHouse: string | null } | null

export type HouseDeanOutcome = 'assign' | 'reassign' | 'unchanged' | 'kept-manual'

export function planHouseDean(current: CurrentDean, houseAdvisorId: string): HouseDeanOutcome {
  if (current === null) return 'assign'
  if (current.advisorId === houseAdvisorId) return 'unchanged'
  return current.viaHouse === null ? 'kept-manual' : 'reassign'
}
