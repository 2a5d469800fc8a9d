import type { OpportunityKind } from '../enums.ts'

/**
 * How much of a student's time an opportunity takes, in buckets a student plans by: the board
 * filters on these. The poster's own words (`timeCommitment`, "3 to 5 hours a week, some evening
 * shifts") stay beside them on the card; the bucket is what those words are counted under.
 */
export const TIME_COMMITMENTS = ['a-day', 'hours-a-week', 'a-summer', 'a-year'] as const
export type TimeCommitment = (typeof TIME_COMMITMENTS)[number]

export const TIME_COMMITMENT_LABELS: Record<TimeCommitment, string> = {
  'a-day': 'A day or less',
  'hours-a-week': 'A few hours a week',
  'a-summer': 'A summer, full time',
  'a-year': 'A year, full time',
}

/** The bucket's meaning in a sentence, for the poster's form. */
export const TIME_COMMITMENT_HINTS: Record<TimeCommitment, string> = {
  'a-day': 'One shift, clinic session or day, e.g. shadowing',
  'hours-a-week': 'Alongside classes over weeks or months, e.g. most research projects',
  'a-summer': 'Several weeks full time, e.g. between the first and second years',
  'a-year': 'A year away from classes, e.g. a scholarly year',
}

/**
 * What each kind usually takes: the bucket of an opportunity whose poster did not choose one
 * (and of every opportunity posted before the buckets existed; migration 0043 used the same rule).
 */
export const USUAL_TIME_COMMITMENT: Record<OpportunityKind, TimeCommitment> = {
  shadowing: 'a-day',
  'research-project': 'hours-a-week',
  'summer-experience': 'a-summer',
  'scholarly-year': 'a-year',
}
