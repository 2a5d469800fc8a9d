import { LETTER_MEASURES, SEASON_MEASURES, type LetterMeasure, type SeasonMeasure } from '#shared/contracts/season-reports.ts'
import { MENTOR_MEASURES, STUDENT_MEASURES, type MentorMeasure, type StudentMeasure } from '#shared/contracts/reporting.ts'
import { CLASS_YEARS, MENTOR_KINDS, type ClassYear, type MentorKind } from '#shared/enums.ts'

/** A drill-down's address parameters, read leniently: anything unknown falls back to "all". */
export const studentMeasureOf = (value: string | null): StudentMeasure =>
  (STUDENT_MEASURES as readonly string[]).includes(value ?? '') ? (value as StudentMeasure) : 'all'
export const mentorMeasureOf = (value: string | null): MentorMeasure =>
  (MENTOR_MEASURES as readonly string[]).includes(value ?? '') ? (value as MentorMeasure) : 'all'
export const classYearOf = (value: string | null): ClassYear | '' => ((CLASS_YEARS as readonly string[]).includes(value ?? '') ? (value as ClassYear) : '')
export const mentorKindOf = (value: string | null): MentorKind | '' => ((MENTOR_KINDS as readonly string[]).includes(value ?? '') ? (value as MentorKind) : '')
export const letterMeasureOf = (value: string | null): LetterMeasure =>
  (LETTER_MEASURES as readonly string[]).includes(value ?? '') ? (value as LetterMeasure) : 'outstanding'
export const seasonMeasureOf = (value: string | null): SeasonMeasure =>
  (SEASON_MEASURES as readonly string[]).includes(value ?? '') ? (value as SeasonMeasure) : 'all'
