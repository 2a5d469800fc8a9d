import type { RubricCompetency, RubricEditor, RubricLevel } from '#shared/contracts/mock-interviews.ts'

/** A competency as the editor holds it: in force or retired, with the scores past mocks gave it. */
export type DraftCompetency = RubricCompetency & { active: boolean; scoreCount: number; scoresUsed: number[] }

const LEVEL_LABELS = ['Not yet', 'Developing', 'Competent', 'Strong', 'Outstanding']

/** A new competency: five levels with the usual labels and no anchors yet (the office writes them). */
export function newCompetency(existingIds: readonly string[]): DraftCompetency {
  let n = existingIds.length + 1
  while (existingIds.includes(`competency-${n}`)) n++
  return {
    id: `competency-${n}`,
    name: '',
    description: '',
    levels: LEVEL_LABELS.map((label, i) => ({ score: i + 1, label, anchor: '' })),
    active: true,
    scoreCount: 0,
    scoresUsed: [],
  }
}

/** The next level up: one more than the top score. */
export function levelAbove(levels: readonly RubricLevel[]): RubricLevel {
  return { score: (levels.at(-1)?.score ?? 0) + 1, label: '', anchor: '' }
}

/** Whether the top level may go: not one past mocks were scored at. */
export const canDropTopLevel = (c: DraftCompetency) => c.levels.length > 0 && !c.scoresUsed.includes(c.levels.at(-1)?.score ?? Number.NaN)

/** `list` with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list]
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(to, 0, item)
  return next
}

export const draftFrom = (editor: RubricEditor): DraftCompetency[] => editor.competencies.map((c) => ({ ...c, levels: c.levels.map((l) => ({ ...l })) }))

/** The id of the control a server or form error belongs to (`competencies.2.levels.1.anchor` → its textarea). */
export function controlFor(path: string): string {
  if (path === 'bookingsPerSeason') return 'rubric-limit'
  const [, i, field, k, part] = path.split('.')
  if (i === undefined || !/^\d+$/.test(i)) return 'rubric-add'
  if (field === 'levels' && k !== undefined && /^\d+$/.test(k)) return `rubric-${i}-level-${k}-${part === 'anchor' ? 'anchor' : 'label'}`
  if (field === 'levels') return `rubric-${i}-levels`
  if (field === 'description') return `rubric-${i}-description`
  return `rubric-${i}-name`
}

/** Words for the error summary: "Competency 2, level 3, anchor". */
export function labelFor(path: string): string {
  if (path === 'bookingsPerSeason') return 'Mock interviews per student and season'
  const [, i, field, k, part] = path.split('.')
  if (i === undefined || !/^\d+$/.test(i)) return 'The rubric'
  const competency = `Competency ${Number(i) + 1}`
  if (field === 'levels' && k !== undefined && /^\d+$/.test(k))
    return `${competency}, level ${Number(k) + 1}, ${part === 'anchor' ? 'what it sounds like' : 'label'}`
  if (field === 'levels') return `${competency}, levels`
  if (field === 'description') return `${competency}, description`
  return `${competency}, name`
}
