import type { ExperienceView } from '#shared/contracts/opportunities.ts'

/**
 * The application profile's counts as the student's experience record gives them, so they need
 * not be typed twice: research items are the abstracts, posters, presentations and publications
 * recorded under any entry (what Charting Outcomes counts as "abstracts, presentations and
 * publications"); experiences are the entries other than research (work, volunteer, leadership
 * and teaching), which Charting Outcomes counts apart from research experiences.
 */
export function countsFromRecord(experiences: readonly Pick<ExperienceView, 'kind' | 'outputs'>[]): { researchItems: number; experiences: number } {
  return {
    researchItems: experiences.reduce((sum, entry) => sum + entry.outputs.length, 0),
    experiences: experiences.filter((entry) => entry.kind !== 'research').length,
  }
}
