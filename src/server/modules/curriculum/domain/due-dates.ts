import { CURRICULUM_YEAR_LABELS, MONTH_NAMES, type CurriculumYear } from '#shared/contracts/curriculum.ts'

/**
 * How many academic years before graduation each curriculum year ends: Year 4 ends in the
 * graduation year. A student who takes a research or scholarly year takes it before Year 4, so
 * their Years 1–3 end one year earlier than a classmate's who graduates the same spring.
 */
function yearsBeforeGraduation(year: CurriculumYear, hasResearchYear: boolean): number {
  const extra = hasResearchYear ? 1 : 0
  switch (year) {
    case 'year-4':
      return 0
    case 'research':
      return 1
    case 'year-3':
      return 1 + extra
    case 'year-2':
      return 2 + extra
    case 'year-1':
      return 3 + extra
  }
}

/**
 * The month the academic year starts when no calendar says otherwise (July). The school's own
 * start month comes from its academic calendar (the latest year start on or before today) and is
 * passed to each function below; a month before it belongs to the second calendar year of an
 * academic year, the start month and after to the first.
 */
export const ACADEMIC_YEAR_START_MONTH = 7

/** The calendar year `month` falls in, in the academic year that ends in `endsIn` (a January start has one calendar year). */
function calendarYearOf(month: number, endsIn: number, startMonth: number): number {
  return startMonth > 1 && month >= startMonth ? endsIn - 1 : endsIn
}

/**
 * The due date of a milestone for a class: the last day of `dueMonth` in the milestone's
 * curriculum year, counted back from the graduation year. With a July start "by October of
 * Year 1" for the class of 2030 is 31 October 2026 and "by July of Year 1" 31 July 2026; with an
 * August start July is the year's last month, so the latter is 31 July 2027. Returns YYYY-MM-DD.
 */
export function dueDateFor(
  year: CurriculumYear,
  dueMonth: number,
  graduationYear: number,
  hasResearchYear = false,
  startMonth = ACADEMIC_YEAR_START_MONTH,
): string {
  // A class view asks the same few dates for hundreds of students: each is worked out once.
  const key = `${year}|${dueMonth}|${graduationYear}|${hasResearchYear}|${startMonth}`
  const known = dueDates.get(key)
  if (known) return known
  if (dueDates.size > 10_000) dueDates.clear()
  const endsIn = graduationYear - yearsBeforeGraduation(year, hasResearchYear)
  // Day 0 of the next month is the last day of this one.
  const date = new Date(Date.UTC(calendarYearOf(dueMonth, endsIn, startMonth), dueMonth, 0)).toISOString().slice(0, 10)
  dueDates.set(key, date)
  return date
}

const dueDates = new Map<string, string>()

/** "October of Year 1": the due window in words, the same for every class. */
export function dueWindowText(year: CurriculumYear, dueMonth: number): string {
  const month = MONTH_NAMES[dueMonth - 1] ?? `Month ${dueMonth}`
  return year === 'research' ? `${month} of your research year` : `${month} of ${CURRICULUM_YEAR_LABELS[year]}`
}

/** The order of the years on a timeline: a research year sits between Year 3 and Year 4. */
export function yearOrder(year: CurriculumYear): number {
  return { 'year-1': 1, 'year-2': 2, 'year-3': 3, research: 3.5, 'year-4': 4 }[year]
}

/** "2026–27": the academic year a curriculum year is for a class ("2027" when the year starts in January). */
export function academicYearSpan(year: CurriculumYear, graduationYear: number, hasResearchYear = false, startMonth = ACADEMIC_YEAR_START_MONTH): string {
  const endsIn = graduationYear - yearsBeforeGraduation(year, hasResearchYear)
  return startMonth > 1 ? `${endsIn - 1}–${String(endsIn).slice(-2)}` : String(endsIn)
}

type Ordered = { year: CurriculumYear; dueMonth: number; position: number }

/** Within a year, the start month first: the order a year is lived in. */
export function byAcademicOrder(a: Ordered, b: Ordered, startMonth = ACADEMIC_YEAR_START_MONTH): number {
  const month = (m: number) => (m - startMonth + 12) % 12
  return yearOrder(a.year) - yearOrder(b.year) || month(a.dueMonth) - month(b.dueMonth) || a.position - b.position
}
