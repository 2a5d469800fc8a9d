import { createAlumniMentoring } from './alumni-mentoring.ts'
import { createImportRoster } from './import-roster.ts'
import type { RosterDeps } from './roster-deps.ts'
import { createYearEndRollover } from './year-end-rollover.ts'

export type { RosterDeps } from './roster-deps.ts'

/** The class roster (decision 020): import, year-end rollover, and graduates' choice to mentor. */
export function createRosterService(deps: RosterDeps) {
  return { importRoster: createImportRoster(deps), ...createYearEndRollover(deps), ...createAlumniMentoring(deps) }
}

export type RosterService = ReturnType<typeof createRosterService>
