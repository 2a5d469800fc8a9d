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

/** The month the academic year starts (July): July–December belong to the calendar year before the one it ends in. */
export const ACADEMIC_YEAR_START_MONTH = 7

/**
 * The due date of a milestone for a class: the last day of `dueMonth` in the milestone's
 * curriculum year, counted back from the graduation year (the academic year runs July–June).
 * "By October of Year 1" for the class of 2030 is 31 October 2026. Returns YYYY-MM-DD.
 */
export function dueDateFor(year: CurriculumYear, dueMonth: number, graduationYear: number, hasResearchYear = false): string {
  // A class view asks the same few dates for hundreds of students: each is worked out once.
  const key = `${year}|${dueMonth}|${graduationYear}|${hasResearchYear}`
  const known = dueDates.get(key)
  if (known) return known
  if (dueDates.size > 10_000) dueDates.clear()
  const date = computeDueDate(year, dueMonth, graduationYear, hasResearchYear)
  dueDates.set(key, date)
  return date
}

const dueDates = new Map<string, string>()

function computeDueDate(year: CurriculumYear, dueMonth: number, graduationYear: number, hasResearchYear: boolean): string {
  const endsIn = graduationYear - yearsBeforeGraduation(year, hasResearchYear)
  const calendarYear = dueMonth >= ACADEMIC_YEAR_START_MONTH ? endsIn - 1 : endsIn
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(calendarYear, dueMonth, 0))
  return last.toISOString().slice(0, 10)
}

/** "October of Year 1": the due window in words, the same for every class. */
export function dueWindowText(year: CurriculumYear, dueMonth: number): string {
  const month = MONTH_NAMES[dueMonth - 1] ?? `Month ${dueMonth}`
  return year === 'research' ? `${month} of your research year` : `${month} of ${CURRICULUM_YEAR_LABELS[year]}`
}

/** The order of the years on a timeline: a research year sits between Year 3 and Year 4. */
export function yearOrder(year: CurriculumYear): number {
  return { 'year-1': 1, 'year-2': 2, 'year-3': 3, research: 3.5, 'year-4': 4 }[year]
}

/** "2026–27": the academic year (July to June) a curriculum year is for a class. */
export function academicYearSpan(year: CurriculumYear, graduationYear: number, hasResearchYear = false): string {
  const endsIn = graduationYear - yearsBeforeGraduation(year, hasResearchYear)
  return `${endsIn - 1}–${String(endsIn).slice(-2)}`
}

/** Within a year, July first: the order a year is lived in (the academic year runs July to June). */
export function byAcademicOrder(
  a: { year: CurriculumYear; dueMonth: number; position: number },
  b: { year: CurriculumYear; dueMonth: number; position: number },
): number {
  const month = (m: number) => (m - ACADEMIC_YEAR_START_MONTH + 12) % 12
  return yearOrder(a.year) - yearOrder(b.year) || month(a.dueMonth) - month(b.dueMonth) || a.position - b.position
}
