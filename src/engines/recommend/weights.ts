/**
 * Weights of "Mentors for you", shown to admins as they are here. A mentor's score is the sum
 * of weight × value over the factors, each value between 0 and 1; the last two are penalties
 * and subtract. Raising a weight makes that factor count for more against the others.
 */
export type RecommendWeights = {
  /**
   * Specialty: the mentor's specialty is one the student named (the first interest counts in
   * full, later ones less), or their department houses it (half). Counts less in years 1–2,
   * when students are still exploring.
   */
  specialty: number
  /** Help: share of the help the student asked for (mock interviews, research, …) the mentor offers. */
  help: number
  /**
   * Stage: how well the kind of mentor suits the student's year — near-peers and residents for
   * M1–M2, faculty in the specialty for M3–M4 and research years.
   */
  stage: number
  /** Site: same clinical site (full), same state (half), same region of the country (a quarter). */
  site: number
  /** Research: words shared by the student's career goals and the mentor's research interests and subspecialty. */
  research: number
  /** Language: the mentor speaks a language the student asked for. */
  language: number
  /**
   * Identity: the mentor shares an identity the student listed and chose to show. Used only
   * when the student asked for an identity-aligned mentor; otherwise never read.
   */
  identity: number
  /**
   * Penalty, responsiveness: share of requests left unanswered and slow answers (over a
   * day, fully counted at a week), trusted in proportion to how many requests there were.
   */
  responsiveness: number
  /**
   * Penalty, load: grows with demand per open place (students with the mentor on screen or a
   * request pending, divided by open places × `studentsPerOpenPlace`).
   */
  load: number
  /**
   * Load spreading, not a weight: how many students may see a mentor at once per open place.
   * Past that, each student sees the mentor with probability (open places × this) / demand,
   * decided by a fixed hash of student and mentor, so the mentor reaches a share of students
   * in proportion to their seats. 3 shows a mentor with 2 open places to about 6 students
   * at a time.
   */
  studentsPerOpenPlace: number
}

export const DEFAULT_RECOMMEND_WEIGHTS: Readonly<RecommendWeights> = Object.freeze({
  specialty: 30,
  help: 20,
  stage: 15,
  site: 8,
  research: 12,
  language: 6,
  identity: 15,
  responsiveness: 20,
  load: 10,
  studentsPerOpenPlace: 3,
})
