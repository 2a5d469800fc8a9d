import type { RubricCompetency } from '#shared/contracts/mock-interviews.ts'

/**
 * The season a mock interview counts against: July to June, as residency applications run (ERAS
 * opens in June, interviews run from autumn to January). "2026-27" for any day from July 1, 2026
 * to June 30, 2027 in the school's zone.
 */
export function seasonOf(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(instant)
  const year = Number(parts.find((p) => p.type === 'year')?.value)
  const month = Number(parts.find((p) => p.type === 'month')?.value)
  const first = month >= 7 ? year : year - 1
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`
}

/** "2026-27" → "the 2026–27 season". */
export function seasonLabel(season: string): string {
  return `the ${season.replace('-', '–')} season`
}

/**
 * What is wrong with a scoring, by field (`scores.<competency>`): every competency of the rubric
 * scored, each at one of its levels, and nothing the rubric does not have.
 */
export function scoreProblems(rubric: readonly RubricCompetency[], scores: Readonly<Record<string, number>>): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const competency of rubric) {
    const score = scores[competency.id]
    // The field names the competency; the form shows its name beside the message.
    if (score === undefined) problems[`scores.${competency.id}`] = 'Choose a level.'
    else if (!competency.levels.some((level) => level.score === score))
      problems[`scores.${competency.id}`] = `Choose one of its levels (${competency.levels.map((l) => l.score).join(', ')}).`
  }
  for (const id of Object.keys(scores)) if (!rubric.some((c) => c.id === id)) problems[`scores.${id}`] = 'This is not a competency of the rubric.'
  return problems
}

/**
 * What is wrong with a rubric as a whole, by field: competency ids and names unique, each
 * competency's level scores unique and rising, and every level a past mock was scored at still
 * there — the words of a level may change, but a past "4" must keep meaning a level of the scale.
 * `scoresUsed`: the levels given so far on each competency.
 */
export function rubricProblems(
  competencies: readonly RubricCompetency[],
  scoresUsed: ReadonlyMap<string, readonly number[]> = new Map(),
): Record<string, string> {
  const problems: Record<string, string> = {}
  const seen = new Set<string>()
  const names = new Set<string>()
  competencies.forEach((competency, i) => {
    if (seen.has(competency.id)) problems[`competencies.${i}.id`] = 'Each competency needs its own id.'
    seen.add(competency.id)
    const name = competency.name.trim().toLowerCase()
    if (names.has(name)) problems[`competencies.${i}.name`] = 'Another competency has this name: give each its own.'
    names.add(name)
    const scores = competency.levels.map((l) => l.score)
    const missing = (scoresUsed.get(competency.id) ?? []).filter((used) => !scores.includes(used))
    if (scores.some((score, k) => k > 0 && score <= (scores[k - 1] ?? 0)))
      problems[`competencies.${i}.levels`] = 'List the levels from lowest to highest score, each score once.'
    else if (missing.length)
      problems[`competencies.${i}.levels`] =
        `Past mocks were scored ${missing.join(', ')} on this competency: keep a level for each (you may change its words), or retire the competency and add a new one.`
  })
  return problems
}

/** The mean of a mock's scores, or null before it is scored. */
export function meanScore(scores: readonly { score: number }[]): number | null {
  if (scores.length === 0) return null
  return scores.reduce((sum, s) => sum + s.score, 0) / scores.length
}
