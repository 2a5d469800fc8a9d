import { createAlumniMentoring } from './alumni-mentoring.ts'
import { createHouseAdvisors } from './house-advisors.ts'
import { createImportRoster } from './import-roster.ts'
import type { RosterDeps } from './roster-deps.ts'
import { createYearEndRollover } from './year-end-rollover.ts'

export type { RosterDeps } from './roster-deps.ts'

/** The class roster (decision 020): import, houses' advisory deans (decision 030), year-end rollover, and graduates' choice to mentor. */
export function createRosterService(deps: RosterDeps) {
  const houseAdvisors = createHouseAdvisors(deps)
  return {
    importRoster: createImportRoster(deps, houseAdvisors),
    listHouseAdvisors: houseAdvisors.listHouseAdvisors,
    setHouseAdvisor: houseAdvisors.setHouseAdvisor,
    ...createYearEndRollover(deps),
    ...createAlumniMentoring(deps),
  }
}

export type RosterService = ReturnType<typeof createRosterService>
