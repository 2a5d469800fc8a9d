import type { CalibratedScore } from '#shared/contracts/mock-interviews.ts'
import type { RaterEstimate } from './rater-severity.ts'

/** z for a two-sided 95 % interval. */
const Z95 = 1.96

const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places
const points = (value: number) => `${round(Math.abs(value))} ${round(Math.abs(value)) === 1 ? 'point' : 'points'}`

/** How sure an adjustment is, from the width of its interval on the rubric's scale. */
export function surenessOf(standardError: number): CalibratedScore['sureness'] {
  if (standardError <= 0.15) return 'fairly sure'
  if (standardError <= 0.3) return 'somewhat sure'
  return 'not yet sure'
}

/**
 * One mock's raw mean beside the mean an average interviewer would have given, with a 95 %
 * interval from the uncertainty of the interviewer's estimated effect, and the same in words a
 * student reads. `interviewerName` names who scored it.
 */
export function calibrateScore(raw: number, rater: RaterEstimate | undefined, interviewerName: string): CalibratedScore {
  const effect = rater?.effect ?? 0
  const standardError = rater?.standardError ?? 1
  const adjusted = raw - effect
  const sureness = rater ? surenessOf(standardError) : 'not yet sure'
  const clear = Math.abs(effect) >= Z95 * standardError && round(Math.abs(effect)) > 0
  const tendency = !clear
    ? `${interviewerName} scores about like the other interviewers, as far as the scores so far show, so the adjusted score is close to the raw one.`
    : effect < 0
      ? `${interviewerName} tends to score ${points(effect)} below the other interviewers, so the adjusted score is higher.`
      : `${interviewerName} tends to score ${points(effect)} above the other interviewers, so the adjusted score is lower.`
  const basis = rater ? `based on ${rater.scores} scores they have given` : 'they have given no other scores yet'
  const words = `${tendency} We are ${sureness} of the adjustment (${basis}): the adjusted score is most likely between ${round(adjusted - Z95 * standardError)} and ${round(adjusted + Z95 * standardError)}.`
  return {
    raw: round(raw, 2),
    adjusted: round(adjusted, 2),
    low: round(adjusted - Z95 * standardError, 2),
    high: round(adjusted + Z95 * standardError, 2),
    interviewerEffect: round(effect, 2),
    sureness,
    words,
  }
}

/** An interviewer's severity in words staff read. */
export function severityWords(rater: RaterEstimate): string {
  const clear = Math.abs(rater.effect) >= Z95 * rater.standardError && round(Math.abs(rater.effect)) > 0
  if (!clear) return rater.scores < 20 ? 'Too few scores to tell apart from average' : 'About average'
  return rater.effect < 0 ? `Stricter: ${points(rater.effect)} below average` : `More lenient: ${points(rater.effect)} above average`
}

/** An interviewer's consistency in words: their residual spread against everyone's. */
export function consistencyWords(rater: RaterEstimate, overallSpread: number): string {
  if (rater.scores < 10) return 'Too few scores to judge'
  const ratio = overallSpread > 0 ? rater.residualSpread / overallSpread : 1
  if (ratio <= 0.8) return 'Steadier than most'
  if (ratio >= 1.25) return 'Less steady than most'
  return 'As steady as most'
}
