import type { UsRegion } from '../enums.ts'

/** The four Census regions by two-letter state code (District of Columbia in the South, as the Bureau counts it). */
const STATES_BY_REGION: Record<UsRegion, readonly string[]> = {
  northeast: ['CT', 'ME', 'MA', 'NH', 'RI', 'VT', 'NJ', 'NY', 'PA'],
  midwest: ['IL', 'IN', 'MI', 'OH', 'WI', 'IA', 'KS', 'MN', 'MO', 'NE', 'ND', 'SD'],
  south: ['DE', 'DC', 'FL', 'GA', 'MD', 'NC', 'SC', 'VA', 'WV', 'AL', 'KY', 'MS', 'TN', 'AR', 'LA', 'OK', 'TX'],
  west: ['AZ', 'CO', 'ID', 'MT', 'NV', 'NM', 'UT', 'WY', 'AK', 'CA', 'HI', 'OR', 'WA'],
}

const REGION_OF_STATE = new Map<string, UsRegion>(
  (Object.entries(STATES_BY_REGION) as [UsRegion, readonly string[]][]).flatMap(([region, states]) => states.map((state) => [state, region] as const)),
)

/** The Census region of a state code, or null for an empty or unknown code (territories, abroad). */
export function regionOfState(state: string): UsRegion | null {
  return REGION_OF_STATE.get(state.toUpperCase()) ?? null
}

/** The inhabited U.S. territories (Puerto Rico has residency programs); they have no Census region. */
export const US_TERRITORIES: ReadonlySet<string> = new Set(['PR', 'GU', 'VI', 'AS', 'MP'])

/** A two-letter code of one of the 50 states, DC or a territory. */
export function isUsStateOrTerritory(code: string): boolean {
  const upper = code.toUpperCase()
  return REGION_OF_STATE.has(upper) || US_TERRITORIES.has(upper)
}
