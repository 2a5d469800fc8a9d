/**
 * The mentors "Mentors for you" may score, held in memory by each server process and brought up
 * to date from the directory's revisions (like the directory index). Pure: no I/O.
 *
 * Per mentor it keeps what is derived once rather than per request: the engine's input object,
 * the card the student sees, and the mentor's topical research words (`topicalWords` of the
 * subspecialty and research interests). Those words, the specialty, the department, the
 * languages and the identity attributes are posting lists, so a request can pick its candidates
 * without touching every mentor: at 100,000 mentors the engine alone costs 90–330 ms.
 */
import { topicalWords, unitHash, type RecommendMentor } from '#engines/recommend/index.ts'
import type { IdentityAttribute, IdentityVisibility } from '#shared/enums.ts'
import type { RecommendedMentorSummary } from '#shared/contracts/recommendations.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'

export type PooledMentor = {
  /** The engine's input, identity left empty: it is filled per viewer, and only with consent. */
  engine: RecommendMentor
  identity: readonly IdentityAttribute[]
  identityVisibility: IdentityVisibility
  summary: RecommendedMentorSummary
}

/** What a request knows of the student, for picking candidates. */
export type CandidateQuery = {
  studentId: string
  specialtyInterests: readonly string[]
  /** Stemmed topical words of the career goals (keys of `topicalWords`). */
  goalWords: Iterable<string>
  /** Identity attributes to look for; empty without the student's consent. */
  identity: readonly IdentityAttribute[]
}

export type CandidateLimits = {
  /** Up to this many mentors, every one is a candidate (no pre-filter at all). */
  fullScanMax: number
  /** Mentors matching none of the student's keys, sampled so stage, help and site still count. */
  sampleSize: number
  /** Mixed into the sample's starting point, e.g. the ISO week. */
  rotation: string
}

export const DEFAULT_CANDIDATE_LIMITS: CandidateLimits = { fullScanMax: 4_000, sampleSize: 1_500, rotation: '' }

const NO_SPECIALTY = 's:'

/** A mentor who could be shown at all: accepting, with a place (open places come later). */
const isEligible = (mentor: RecommendMentor): boolean => mentor.accepting && mentor.capacity >= 1

export class MentorPool {
  /** The directory revision applied last. */
  revision = 0
  private readonly mentors = new Map<string, PooledMentor>()
  private readonly keysOf = new Map<string, string[]>()
  private readonly postings = new Map<string, Set<string>>()
  private eligible: PooledMentor[] | null = null

  get size(): number {
    return this.mentors.size
  }

  get(id: string): PooledMentor | undefined {
    return this.mentors.get(id)
  }

  upsert(mentor: PooledMentor): void {
    this.remove(mentor.engine.id)
    this.mentors.set(mentor.engine.id, mentor)
    this.eligible = null
    if (!isEligible(mentor.engine)) return
    const keys = new Set<string>()
    const { engine } = mentor
    keys.add(engine.specialtyId === null ? NO_SPECIALTY : `s:${engine.specialtyId}`)
    if (engine.departmentId !== null) keys.add(`d:${engine.departmentId}`)
    for (const word of topicalWords(`${engine.subspecialty} ${engine.researchInterests}`).keys()) keys.add(`w:${word}`)
    for (const language of engine.languages) keys.add(`w:${language.trim().toLowerCase()}`)
    for (const attribute of mentor.identity) keys.add(`i:${attribute}`)
    const list = [...keys]
    this.keysOf.set(engine.id, list)
    for (const key of list) {
      let set = this.postings.get(key)
      if (!set) this.postings.set(key, (set = new Set()))
      set.add(engine.id)
    }
  }

  remove(id: string): void {
    if (!this.mentors.delete(id)) return
    this.eligible = null
    for (const key of this.keysOf.get(id) ?? []) {
      const set = this.postings.get(key)
      set?.delete(id)
      if (set?.size === 0) this.postings.delete(key)
    }
    this.keysOf.delete(id)
  }

  /** Accepting mentors with a place, in a fixed order (by id). */
  eligibleMentors(): readonly PooledMentor[] {
    this.eligible ??= [...this.mentors.values()].filter((m) => isEligible(m.engine)).sort((a, b) => (a.engine.id < b.engine.id ? -1 : 1))
    return this.eligible
  }

  /**
   * The mentors worth scoring for one student. A small pool is scored whole. A large one gives
   * the mentors in the student's specialties and their departments, those without a specialty
   * (near-peers), those sharing a research word, a language named in the goals or (with consent)
   * an identity attribute — the factors that lift a score most — and a fixed sample of the rest.
   */
  candidates(query: CandidateQuery, limits: CandidateLimits = DEFAULT_CANDIDATE_LIMITS): PooledMentor[] {
    const all = this.eligibleMentors()
    if (all.length <= limits.fullScanMax) return [...all]
    const keys = [NO_SPECIALTY]
    for (const id of query.specialtyInterests) {
      keys.push(`s:${id}`)
      const department = findSpecialty(id)?.departmentId
      if (department) keys.push(`d:${department}`)
    }
    for (const word of query.goalWords) keys.push(`w:${word}`)
    for (const attribute of query.identity) keys.push(`i:${attribute}`)

    const picked = new Set<string>()
    const out: PooledMentor[] = []
    const take = (id: string) => {
      if (picked.has(id)) return
      const mentor = this.mentors.get(id)
      if (!mentor) return
      picked.add(id)
      out.push(mentor)
    }
    for (const key of keys) for (const id of this.postings.get(key) ?? []) take(id)

    // A stride through the whole list from a start fixed by student and rotation.
    const n = all.length
    const sample = Math.min(limits.sampleSize, n)
    const step = Math.max(1, Math.floor(n / Math.max(1, sample)))
    const start = Math.floor(unitHash(`${limits.rotation}\u0000${query.studentId}`) * n)
    for (let i = 0; i < sample; i++) {
      const mentor = all[(start + i * step) % n]
      if (mentor) take(mentor.engine.id)
    }
    return out
  }
}
