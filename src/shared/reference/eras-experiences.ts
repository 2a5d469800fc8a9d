/**
 * The experience types an ERAS application offers, and how many experiences it takes.
 *
 * The AAMC's MyERAS guide (2025 season, "Experiences") lets an applicant enter up to 10
 * experiences, each of one type, with its organisation, dates and hours and a description of
 * up to 750 characters, and mark up to 3 as "most meaningful" with a reflection of up to 300
 * (those two figures live in `application-limits.ts`, with the document kinds they count).
 * Publications are a section of their own in ERAS; an experience only points to them.
 */

export const ERAS_EXPERIENCE_TYPES = ['research', 'volunteer-service-advocacy', 'education-training', 'teaching-mentoring', 'work', 'military-service'] as const
export type ErasExperienceType = (typeof ERAS_EXPERIENCE_TYPES)[number]

export const ERAS_EXPERIENCE_TYPE_LABELS: Record<ErasExperienceType, string> = {
  research: 'Research',
  'volunteer-service-advocacy': 'Volunteer/Service/Advocacy',
  'education-training': 'Education/Training',
  'teaching-mentoring': 'Teaching/Mentoring',
  work: 'Work',
  'military-service': 'Military Service',
}

/** Experiences an application takes, and how many of them may be marked most meaningful. */
export const ERAS_EXPERIENCES_MAX = 10
export const ERAS_MOST_MEANINGFUL_MAX = 3
export const ERAS_EXPERIENCES_SOURCE = 'the AAMC’s MyERAS guide, 2025 season, “Experiences”'
