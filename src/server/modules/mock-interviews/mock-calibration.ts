import type { CalibratedScore, InterviewerReport } from '#shared/contracts/mock-interviews.ts'
import { calibrateScore, consistencyWords, severityWords } from './domain/calibrated-score.ts'
import { meanScore } from './domain/booking-rules.ts'
import { fitRaterSeverity, type SeverityFit } from './domain/rater-severity.ts'
import type { ScoreFact } from './mock-interviews.repository.ts'

const round = (value: number) => Math.round(value * 100) / 100

/**
 * The severity model fitted on every score of every mock in the school, with what pages need
 * from it: a mock's adjusted score, and each interviewer's severity and consistency. Fitted per
 * request (about 60 ms for 5,000 scores: `npm run bench:mock-interviews`).
 */
export function fitSchool(facts: readonly ScoreFact[]) {
  const fit: SeverityFit = fitRaterSeverity(facts)
  const countsByRater = new Map<string, Set<string>>()
  for (const f of facts) {
    const set = countsByRater.get(f.raterId) ?? new Set<string>()
    set.add(f.bookingId)
    countsByRater.set(f.raterId, set)
  }
  return {
    fit,
    /** A scored mock's raw mean beside its adjusted one; null before it is scored. */
    calibrate(scores: readonly { score: number }[], interviewerId: string, interviewerName: string): CalibratedScore | null {
      const raw = meanScore(scores)
      return raw === null ? null : calibrateScore(raw, fit.raters.get(interviewerId), interviewerName)
    },
    /** Every interviewer who has scored, strictest first, named by `names`. */
    report(names: ReadonlyMap<string, string>): InterviewerReport {
      const interviewers = [...fit.raters.values()]
        .sort((a, b) => a.effect - b.effect)
        .map((rater) => ({
          interviewer: { id: rater.raterId, name: names.get(rater.raterId) ?? 'Former interviewer' },
          scores: rater.scores,
          mocks: countsByRater.get(rater.raterId)?.size ?? 0,
          severity: round(rater.effect),
          low: round(rater.effect - 1.96 * rater.standardError),
          high: round(rater.effect + 1.96 * rater.standardError),
          spread: round(rater.residualSpread),
          severityWords: severityWords(rater),
          consistencyWords: consistencyWords(rater, fit.noise),
        }))
      return { totalScores: facts.length, residualSpread: round(fit.noise), interviewers }
    },
  }
}
