import { and, asc, count, eq, inArray, sql } from 'drizzle-orm'
import { anyOf } from '#server/db/any-of.ts'
import type { Database } from '#server/db/client.ts'
import { advisorProfiles, mentorProfiles, studentProfiles } from '#server/db/schema/index.ts'
import type { ClassYear, EnrollmentStatus, IdentityAttribute, MentorKind, MentorOffering, StudentTrack, AcademicRank } from '#shared/enums.ts'
import { activePeopleWithRole, currentPeopleWithRole } from '../identity/people-queries.ts'

/**
 * Profiles' public reads, for other modules: the facts of student, mentor and advisor profiles
 * that matching, boards and programs need. Each takes the database or the caller's transaction
 * and reads in one query however many ids it is given. Self-identified identity is not here:
 * only `listStudentMatchingFactsByIds` and `listMentorMatchingFactsByIds` return it, for the
 * matching that a person asked for, `listSelfIdentifiedByIds`, for the community's members-only
 * boards a person joins by listing an identity, and `mapSharedIdentitiesByIds`, the groups a
 * student shares with advisors, for the office's figures by group that name no one.
 */
export type ProfilesReader = Pick<Database, 'select'>

export type StudentFacts = {
  personId: string
  classYear: ClassYear
  graduationYear: number
  track: StudentTrack
  /** Most interesting first. */
  specialtyInterests: string[]
  /** The first specialty interest, the one the student has declared; null when undecided. */
  declaredSpecialtyId: string | null
  careerGoals: string
  helpWanted: MentorOffering[]
}

export type StudentMatchingFacts = StudentFacts & { identity: IdentityAttribute[]; wantsIdentityAlignedMentor: boolean }

export type MentorFacts = {
  personId: string
  kind: MentorKind
  departmentId: string | null
  specialtyId: string | null
  subspecialty: string
  academicRank: AcademicRank | null
  clinicalSite: string
  city: string
  state: string
  researchInterests: string
  offers: MentorOffering[]
  capacity: number
  accepting: boolean
  languages: string[]
  graduationYear: number | null
}

export type AdvisorFacts = { personId: string; title: string; office: string; advisesSpecialtyId: string | null }

const studentColumns = {
  personId: studentProfiles.personId,
  classYear: studentProfiles.classYear,
  graduationYear: studentProfiles.graduationYear,
  track: studentProfiles.track,
  specialtyInterests: studentProfiles.specialtyInterests,
  careerGoals: studentProfiles.careerGoals,
  helpWanted: studentProfiles.helpWanted,
}

/** A mentor profile's facts (no bio, no identity); `profile-queries.ts` selects these too. */
export const mentorFactColumns = {
  personId: mentorProfiles.personId,
  kind: mentorProfiles.kind,
  departmentId: mentorProfiles.departmentId,
  specialtyId: mentorProfiles.specialtyId,
  subspecialty: mentorProfiles.subspecialty,
  academicRank: mentorProfiles.academicRank,
  clinicalSite: mentorProfiles.clinicalSite,
  city: mentorProfiles.city,
  state: mentorProfiles.state,
  researchInterests: mentorProfiles.researchInterests,
  offers: mentorProfiles.offers,
  capacity: mentorProfiles.capacity,
  accepting: mentorProfiles.accepting,
  languages: mentorProfiles.languages,
  graduationYear: mentorProfiles.graduationYear,
}

const withDeclared = <T extends { specialtyInterests: string[] }>(row: T): T & { declaredSpecialtyId: string | null } => ({
  ...row,
  declaredSpecialtyId: row.specialtyInterests[0] ?? null,
})

/** Student profiles of these people (people without one are left out). */
export async function listStudentFactsByIds(reader: ProfilesReader, ids: readonly string[]): Promise<StudentFacts[]> {
  if (ids.length === 0) return []
  const rows = await reader.select(studentColumns).from(studentProfiles).where(anyOf(studentProfiles.personId, ids))
  return rows.map(withDeclared)
}

/**
 * Only the class year and specialty interests of these people's student profiles (people without
 * one are left out): what an advising board needs of its students, for a whole school at once.
 */
export async function listStudentClassFactsByIds(
  reader: ProfilesReader,
  ids: readonly string[],
): Promise<Pick<StudentFacts, 'personId' | 'classYear' | 'specialtyInterests'>[]> {
  if (ids.length === 0) return []
  return reader
    .select({ personId: studentProfiles.personId, classYear: studentProfiles.classYear, specialtyInterests: studentProfiles.specialtyInterests })
    .from(studentProfiles)
    .where(anyOf(studentProfiles.personId, ids))
}

/**
 * Every active student (person active, student role) who has a student profile: name, e-mail,
 * class year and specialty interests, by name — an advising board's students for a whole school
 * in one query, where identity's list and then their profiles took two.
 */
export async function listActiveStudentsWithClassFacts(
  reader: ProfilesReader,
): Promise<(Pick<StudentFacts, 'personId' | 'classYear' | 'specialtyInterests'> & { name: string; email: string })[]> {
  const students = activePeopleWithRole(reader, 'student')
  return reader
    .select({
      personId: studentProfiles.personId,
      name: students.name,
      email: students.email,
      classYear: studentProfiles.classYear,
      specialtyInterests: studentProfiles.specialtyInterests,
    })
    .from(studentProfiles)
    .innerJoin(students, eq(students.personId, studentProfiles.personId))
    .orderBy(asc(students.name), asc(students.personId))
}

/** Student profiles with self-identified identity, for matching the student asked for. */
export async function listStudentMatchingFactsByIds(reader: ProfilesReader, ids: readonly string[]): Promise<StudentMatchingFacts[]> {
  if (ids.length === 0) return []
  const rows = await reader
    .select({ ...studentColumns, identity: studentProfiles.identity, wantsIdentityAlignedMentor: studentProfiles.wantsIdentityAlignedMentor })
    .from(studentProfiles)
    .where(anyOf(studentProfiles.personId, ids))
  return rows.map(withDeclared)
}

/** Every active student's profile (person active, student role) with self-identified identity, for the matching students asked for (the demand estimate of "Mentors for you"). */
export async function listActiveStudentMatchingFacts(reader: ProfilesReader): Promise<StudentMatchingFacts[]> {
  const students = activePeopleWithRole(reader, 'student')
  const rows = await reader
    .select({ ...studentColumns, identity: studentProfiles.identity, wantsIdentityAlignedMentor: studentProfiles.wantsIdentityAlignedMentor })
    .from(studentProfiles)
    .innerJoin(students, eq(students.personId, studentProfiles.personId))
  return rows.map(withDeclared)
}

/** Of these people, those whose student profile is in one of `classYears`. */
export async function listStudentIdsInClassYears(reader: ProfilesReader, ids: readonly string[], classYears: readonly ClassYear[]): Promise<Set<string>> {
  if (ids.length === 0 || classYears.length === 0) return new Set()
  const rows = await reader
    .select({ personId: studentProfiles.personId })
    .from(studentProfiles)
    .where(and(anyOf(studentProfiles.personId, ids), inArray(studentProfiles.classYear, [...classYears])))
  return new Set(rows.map((r) => r.personId))
}

/** Active students (person active, student role) in `classYears`, by id. */
export async function listActiveStudentIdsInClassYears(reader: ProfilesReader, classYears: readonly ClassYear[]): Promise<string[]> {
  if (classYears.length === 0) return []
  const students = activePeopleWithRole(reader, 'student')
  const rows = await reader
    .select({ personId: studentProfiles.personId })
    .from(studentProfiles)
    .innerJoin(students, eq(students.personId, studentProfiles.personId))
    .where(inArray(studentProfiles.classYear, [...classYears]))
  return rows.map((r) => r.personId)
}

/** A student on a class's roster: who, their class, and their declared specialty (null when undecided). */
export type ClassRosterEntry = {
  personId: string
  name: string
  email: string
  classYear: ClassYear
  graduationYear: number
  declaredSpecialtyId: string | null
}

/**
 * The active students (person active, student role) in `classYears` — with `amongIds`, only
 * those of them — in one query of the few columns a class's view needs, however large the class.
 */
export async function listClassRoster(
  reader: ProfilesReader,
  classYears: readonly ClassYear[],
  amongIds: readonly string[] | null = null,
): Promise<ClassRosterEntry[]> {
  if (classYears.length === 0 || amongIds?.length === 0) return []
  const students = activePeopleWithRole(reader, 'student')
  const rows = await reader
    .select({
      personId: studentProfiles.personId,
      name: students.name,
      email: students.email,
      classYear: studentProfiles.classYear,
      graduationYear: studentProfiles.graduationYear,
      declaredSpecialtyId: sql<string | null>`${studentProfiles.specialtyInterests}[1]`,
    })
    .from(studentProfiles)
    .innerJoin(students, eq(students.personId, studentProfiles.personId))
    .where(and(inArray(studentProfiles.classYear, [...classYears]), amongIds ? anyOf(studentProfiles.personId, amongIds) : undefined))
  return rows
}

/** Active students by class year, and how many of each have named no specialty interest. */
export async function countActiveStudentsByClassYear(reader: ProfilesReader): Promise<{ classYear: ClassYear; students: number; undecided: number }[]> {
  const students = activePeopleWithRole(reader, 'student')
  const rows = await reader
    .select({
      classYear: studentProfiles.classYear,
      students: count(),
      undecided: sql<number>`count(*) filter (where cardinality(${studentProfiles.specialtyInterests}) = 0)::int`,
    })
    .from(studentProfiles)
    .innerJoin(students, eq(students.personId, studentProfiles.personId))
    .groupBy(studentProfiles.classYear)
  return rows.map((r) => ({ ...r, undecided: Number(r.undecided) }))
}

/** Mentor profiles of these people (no bio, no identity). */
export async function listMentorFactsByIds(reader: ProfilesReader, ids: readonly string[]): Promise<MentorFacts[]> {
  if (ids.length === 0) return []
  return reader.select(mentorFactColumns).from(mentorProfiles).where(anyOf(mentorProfiles.personId, ids))
}

/**
 * Only kind, specialty and offers of these people's mentor profiles (people without one are left
 * out): what an advising board needs of its students' mentors, for a whole school at once.
 */
export async function listMentorBoardFactsByIds(
  reader: ProfilesReader,
  ids: readonly string[],
): Promise<Pick<MentorFacts, 'personId' | 'kind' | 'specialtyId' | 'offers'>[]> {
  if (ids.length === 0) return []
  return reader
    .select({ personId: mentorProfiles.personId, kind: mentorProfiles.kind, specialtyId: mentorProfiles.specialtyId, offers: mentorProfiles.offers })
    .from(mentorProfiles)
    .where(anyOf(mentorProfiles.personId, ids))
}

/**
 * The identities each person lists on their own student or mentor profile (both, for a student
 * who is also a near-peer mentor), whoever they chose to show them to: the community's
 * members-only boards let in those who listed the board's identity, and tell nobody else.
 */
export async function listSelfIdentifiedByIds(reader: ProfilesReader, ids: readonly string[]): Promise<Map<string, Set<IdentityAttribute>>> {
  const result = new Map<string, Set<IdentityAttribute>>()
  if (ids.length === 0) return result
  const [students, mentors] = await Promise.all([
    reader.select({ personId: studentProfiles.personId, identity: studentProfiles.identity }).from(studentProfiles).where(anyOf(studentProfiles.personId, ids)),
    reader.select({ personId: mentorProfiles.personId, identity: mentorProfiles.identity }).from(mentorProfiles).where(anyOf(mentorProfiles.personId, ids)),
  ])
  for (const row of [...students, ...mentors]) {
    const set = result.get(row.personId) ?? new Set<IdentityAttribute>()
    for (const attribute of row.identity) set.add(attribute)
    result.set(row.personId, set)
  }
  return result
}

/** Advisor profiles of these people. */
export async function listAdvisorFactsByIds(reader: ProfilesReader, ids: readonly string[]): Promise<AdvisorFacts[]> {
  if (ids.length === 0) return []
  return reader
    .select({
      personId: advisorProfiles.personId,
      title: advisorProfiles.title,
      office: advisorProfiles.office,
      advisesSpecialtyId: advisorProfiles.advisesSpecialtyId,
    })
    .from(advisorProfiles)
    .where(anyOf(advisorProfiles.personId, ids))
}

/** Ids of people whose advisor profile says they advise in `specialtyId`. */
export async function listAdvisorIdsForSpecialty(reader: ProfilesReader, specialtyId: string): Promise<string[]> {
  const rows = await reader.select({ personId: advisorProfiles.personId }).from(advisorProfiles).where(eq(advisorProfiles.advisesSpecialtyId, specialtyId))
  return rows.map((r) => r.personId)
}

/** A map by person id, for joining the lists above in memory. */
export function byPersonId<T extends { personId: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.personId, r]))
}

/**
 * Every active mentor (person active, mentor role) with a mentor profile: name, kind and capacity,
 * in one query (the school dashboard's mentor load; no list of ids to send).
 */
export async function listActiveMentorCapacities(reader: ProfilesReader): Promise<{ personId: string; name: string; kind: MentorKind; capacity: number }[]> {
  const mentors = activePeopleWithRole(reader, 'mentor')
  return reader
    .select({ personId: mentorProfiles.personId, name: mentors.name, kind: mentorProfiles.kind, capacity: mentorProfiles.capacity })
    .from(mentorProfiles)
    .innerJoin(mentors, eq(mentors.personId, mentorProfiles.personId))
}

/** The school's facts about a student (decision 020): what the roster and the rollover keep. */
export type StudentRecordFacts = { classYear: ClassYear; graduationYear: number; track: StudentTrack; house: string; enrollment: EnrollmentStatus }

/** The school's facts of these people's student profiles, by person id (people without one are left out). */
export async function mapStudentRecordsByIds(reader: ProfilesReader, ids: readonly string[]): Promise<Map<string, StudentRecordFacts>> {
  if (ids.length === 0) return new Map()
  const rows = await reader
    .select({
      personId: studentProfiles.personId,
      classYear: studentProfiles.classYear,
      graduationYear: studentProfiles.graduationYear,
      track: studentProfiles.track,
      house: studentProfiles.house,
      enrollment: studentProfiles.enrollment,
    })
    .from(studentProfiles)
    .where(anyOf(studentProfiles.personId, ids))
  return new Map(rows.map(({ personId, ...facts }) => [personId, facts]))
}

export type RosterOfRecordEntry = {
  personId: string
  name: string
  email: string
  schoolId: string | null
  /** null for a student whose profile was never made. */
  record: StudentRecordFacts | null
}

/**
 * The class roster of record: every person not disabled who holds the student role, with their
 * school facts, graduates left out (decision 020). By name.
 */
export async function listRosterOfRecord(reader: ProfilesReader): Promise<RosterOfRecordEntry[]> {
  const students = currentPeopleWithRole(reader, 'student')
  const rows = await reader
    .select({
      personId: students.personId,
      name: students.name,
      email: students.email,
      schoolId: students.schoolId,
      classYear: studentProfiles.classYear,
      graduationYear: studentProfiles.graduationYear,
      track: studentProfiles.track,
      house: studentProfiles.house,
      enrollment: studentProfiles.enrollment,
    })
    .from(students)
    .leftJoin(studentProfiles, eq(studentProfiles.personId, students.personId))
    .where(sql`${studentProfiles.enrollment} is distinct from 'graduated'`)
    .orderBy(students.name, students.personId)
  return rows.map(({ classYear, graduationYear, track, house, enrollment, ...person }) => ({
    ...person,
    record: classYear && graduationYear !== null && track && house !== null && enrollment ? { classYear, graduationYear, track, house, enrollment } : null,
  }))
}

/**
 * The self-identified groups of these people that they chose to share with advisors or more
 * widely (visibility other than "only me"), by person id; people who share none are left out.
 * For the office's figures split by group (modules/reporting, decision 029), which never name anyone.
 */
export async function mapSharedIdentitiesByIds(reader: ProfilesReader, ids: readonly string[]): Promise<Map<string, IdentityAttribute[]>> {
  if (ids.length === 0) return new Map()
  const rows = await reader
    .select({ personId: studentProfiles.personId, identity: studentProfiles.identity })
    .from(studentProfiles)
    .where(
      and(anyOf(studentProfiles.personId, ids), sql`${studentProfiles.identityVisibility} <> 'private'`, sql`cardinality(${studentProfiles.identity}) > 0`),
    )
  return new Map(rows.map((r) => [r.personId, r.identity]))
}
