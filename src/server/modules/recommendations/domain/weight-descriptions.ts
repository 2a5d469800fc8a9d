import type { RecommendWeights } from '#engines/recommend/index.ts'
import { MS_PER_DAY } from '#shared/time.ts'

type Described = { label: string; kind: 'factor' | 'penalty' | 'setting'; description: string }

/**
 * The sentence admins read beside each weight of "Mentors for you" — the engine's own
 * documentation of `RecommendWeights`, in the same order. Typed by the weights, so a new weight
 * cannot ship without its sentence.
 */
export const RECOMMEND_WEIGHT_DESCRIPTIONS: Readonly<Record<keyof RecommendWeights, Described>> = {
  specialty: {
    label: 'Specialty',
    kind: 'factor',
    description:
      'The mentor’s specialty is one the student named (the first interest counts in full, later ones less), or their department houses it (half). Counts less in years 1–2, when students are still exploring.',
  },
  help: {
    label: 'Help offered',
    kind: 'factor',
    description: 'Share of the help the student asked for (mock interviews, research, …) that the mentor offers.',
  },
  stage: {
    label: 'Stage',
    kind: 'factor',
    description:
      'How well the kind of mentor suits the student’s year: near-peers and residents for M1–M2, faculty in the specialty for M3–M4 and research years.',
  },
  site: { label: 'Site', kind: 'factor', description: 'Same clinical site (full), same state (half), same region of the country (a quarter).' },
  research: {
    label: 'Research',
    kind: 'factor',
    description: 'Words shared by the student’s career goals and the mentor’s research interests and subspecialty; three shared words count in full.',
  },
  language: { label: 'Language', kind: 'factor', description: 'The mentor speaks a language the student asked for or named in their goals (English aside).' },
  identity: {
    label: 'Identity',
    kind: 'factor',
    description:
      'The mentor shares an identity the student listed and the mentor chose to show. Used only when the student asked for an identity-aligned mentor; otherwise never read.',
  },
  responsiveness: {
    label: 'Responsiveness',
    kind: 'penalty',
    description:
      'Subtracts for requests left unanswered and slow answers (over a day, fully counted at a week), trusted in proportion to how many requests there were.',
  },
  load: {
    label: 'Load',
    kind: 'penalty',
    description:
      'Subtracts as demand per open place grows (students with the mentor on screen or a request pending, divided by open places × students per open place).',
  },
  studentsPerOpenPlace: {
    label: 'Students per open place',
    kind: 'setting',
    description:
      'Not a weight: how many students may see a mentor at once per open place. Past that, each student sees the mentor with probability (open places × this) / demand, decided by a fixed hash, so a popular mentor is not shown to everyone at once.',
  },
}

/** "2026-W41": the ISO 8601 week of a moment (UTC), the rotation of load spreading. */
export function isoWeek(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / MS_PER_DAY + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}
