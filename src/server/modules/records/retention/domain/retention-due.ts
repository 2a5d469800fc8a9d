/**
 * The retention period, in the school's words "N years after graduation": a graduate's records
 * are kept through the end of the N-th calendar year after their year of graduation, so the
 * class of 2020 kept 6 years is treated from 1 January 2027. Counting whole calendar years keeps
 * the rule the same for every member of a class, whatever day they finished.
 *
 * @returns the last graduation year whose graduates are past the period on `now` (UTC).
 */
export function lastGraduationYearPastPeriod(now: Date, years: number): number {
  return now.getUTCFullYear() - years - 1
}

/** True when a graduate of `graduationYear` is past the period on `now`. */
export function isPastRetention(graduationYear: number, now: Date, years: number): boolean {
  return graduationYear <= lastGraduationYearPastPeriod(now, years)
}
