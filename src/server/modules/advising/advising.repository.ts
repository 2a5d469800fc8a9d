import { and, asc, count, eq, inArray, isNull, lte } from 'drizzle-orm'
import { anyOf } from '#server/db/any-of.ts'
import type { Database } from '#server/db/client.ts'
import { advisingBoardAssignments, studentAdvisors } from '#server/db/schema/index.ts'
import type { ClassYear, MentorKind, MentorOffering, PersonStatus } from '#shared/enums.ts'
import {
  findPersonWithRoles,
  listActivePeopleWithRole,
  listPeopleByEmails,
  listPeopleByIds,
  listPeopleWithRoleByIds,
  mapPersonNamesByIds,
} from '../identity/people-reads.ts'
import {
  byPersonId,
  listAdvisorFactsByIds,
  listAdvisorIdsForSpecialty,
  listMentorBoardFactsByIds,
  listMentorFactsByIds,
  listActiveStudentsWithClassFacts,
  listStudentClassFactsByIds,
  listStudentFactsByIds,
} from '../profiles/profile-reads.ts'

export type Tx = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>

export type StudentRow = { id: string; name: string; email: string; status: PersonStatus; classYear: ClassYear | null; specialtyInterests: string[] }

/** What a board needs of a person who mentors or advises a student (`listHolderFacts`). */
export type HolderFacts = {
  mentorKind: MentorKind
  mentorSpecialtyId: string | null
  mentorOffers: MentorOffering[]
  advisesSpecialtyId: string | null
  hasMentorProfile: boolean
}

const byTime = (a: Date, b: Date) => a.getTime() - b.getTime()

/**
 * The advising board's reads and writes. Its own tables (`student_advisors`, board
 * assignments) are read here in SQL; people and their profiles come from identity's and
 * profiles' published reads, batched per call and joined in memory (a school's students and
 * advisors are hundreds to a few thousand).
 */
export function createAdvisingRepository(db: Database) {
  /** Students among `people` (already known to hold the role), with their student profile if any. */
  async function withStudentProfiles(reader: Tx, people: readonly { id: string; name: string; email: string; status: PersonStatus }[]): Promise<StudentRow[]> {
    const facts = byPersonId(
      await listStudentClassFactsByIds(
        reader,
        people.map((p) => p.id),
      ),
    )
    return people.map((p) => {
      const profile = facts.get(p.id)
      return {
        id: p.id,
        name: p.name,
        email: p.email,
        status: p.status,
        classYear: profile?.classYear ?? null,
        specialtyInterests: profile?.specialtyInterests ?? [],
      }
    })
  }

  return {
    /** A person who holds the student role, with their student profile (if any). */
    async findStudentById(id: string, tx: Tx = db): Promise<StudentRow | null> {
      const [person] = await listPeopleWithRoleByIds(tx, [id], 'student')
      if (!person) return null
      const [row] = await withStudentProfiles(tx, [person])
      return row ?? null
    },

    async listStudentsByIds(ids: readonly string[]): Promise<StudentRow[]> {
      return withStudentProfiles(db, await listPeopleWithRoleByIds(db, ids, 'student'))
    },

    /** Active students, for the admin's assignment page; filtered by class year. */
    async listActiveStudents(classYear: ClassYear | undefined): Promise<StudentRow[]> {
      const rows = await withStudentProfiles(db, await listActivePeopleWithRole(db, 'student'))
      return classYear ? rows.filter((r) => r.classYear === classYear) : rows
    },

    /**
     * Active students with a student profile (so a class year), by name, in one joined read: the
     * rows `listActiveStudents` gives for them, for the school's boards counted in a report.
     */
    async listActiveStudentsWithProfiles(): Promise<StudentRow[]> {
      const rows = await listActiveStudentsWithClassFacts(db)
      return rows.map((r) => ({
        id: r.personId,
        name: r.name,
        email: r.email,
        status: 'active',
        classYear: r.classYear,
        specialtyInterests: r.specialtyInterests,
      }))
    },

    /** `student_advisors` rows of these students, with each advisor's name and specialty. */
    async listOfficeAdvisorsOf(studentIds: readonly string[]) {
      if (studentIds.length === 0) return []
      const rows = await db
        .select({ studentId: studentAdvisors.studentId, advisorId: studentAdvisors.advisorId, assignedAt: studentAdvisors.assignedAt })
        .from(studentAdvisors)
        .where(anyOf(studentAdvisors.studentId, studentIds))
      const advisorIds = rows.map((r) => r.advisorId)
      const [names, facts] = await Promise.all([mapPersonNamesByIds(db, advisorIds), listAdvisorFactsByIds(db, advisorIds).then(byPersonId)])
      return rows
        .flatMap((r) => {
          const advisorName = names.get(r.advisorId)
          return advisorName === undefined ? [] : [{ ...r, advisorName, advisesSpecialtyId: facts.get(r.advisorId)?.advisesSpecialtyId ?? null }]
        })
        .sort((a, b) => byTime(a.assignedAt, b.assignedAt) || a.advisorName.localeCompare(b.advisorName))
        .map(({ studentId, advisorId, advisorName, advisesSpecialtyId, assignedAt }) => ({ studentId, advisorId, advisorName, advisesSpecialtyId, assignedAt }))
    },

    async listAssignmentsOf(studentIds: readonly string[]) {
      if (studentIds.length === 0) return []
      const rows = await db
        .select({
          id: advisingBoardAssignments.id,
          studentId: advisingBoardAssignments.studentId,
          slot: advisingBoardAssignments.slot,
          personId: advisingBoardAssignments.personId,
          specialtyId: advisingBoardAssignments.specialtyId,
          assignedAt: advisingBoardAssignments.assignedAt,
          agreedAt: advisingBoardAssignments.agreedAt,
        })
        .from(advisingBoardAssignments)
        .where(anyOf(advisingBoardAssignments.studentId, studentIds))
        .orderBy(asc(advisingBoardAssignments.assignedAt))
      const names = await mapPersonNamesByIds(
        db,
        rows.map((r) => r.personId),
      )
      return rows.flatMap((r) => {
        const personName = names.get(r.personId)
        return personName === undefined
          ? []
          : [
              {
                id: r.id,
                studentId: r.studentId,
                slot: r.slot,
                personId: r.personId,
                personName,
                specialtyId: r.specialtyId,
                assignedAt: r.assignedAt,
                agreedAt: r.agreedAt,
              },
            ]
      })
    },

    /**
     * What the board needs of people who mentor or advise students: mentor kind, specialty and
     * offers, the specialty they advise in, and their own class year when they are students.
     */
    async listPeopleFacts(personIds: readonly string[]) {
      if (personIds.length === 0) return []
      const [people, mentors, advisors, students] = await Promise.all([
        listPeopleByIds(db, personIds),
        listMentorFactsByIds(db, personIds).then(byPersonId),
        listAdvisorFactsByIds(db, personIds).then(byPersonId),
        listStudentFactsByIds(db, personIds).then(byPersonId),
      ])
      return people.map(({ id }) => {
        const mentor = mentors.get(id)
        return {
          id,
          mentorKind: (mentor?.kind ?? 'faculty') as MentorKind,
          mentorSpecialtyId: mentor?.specialtyId ?? null,
          mentorOffers: (mentor?.offers ?? []) as MentorOffering[],
          advisesSpecialtyId: advisors.get(id)?.advisesSpecialtyId ?? null,
          classYear: students.get(id)?.classYear ?? null,
          hasMentorProfile: mentor !== undefined,
        }
      })
    },

    /**
     * What the board needs of its students' mentors (people who exist: mentorships' foreign keys
     * say so): mentor kind, specialty and offers, and the specialty they advise in. The board of a
     * whole school reads this for every mentor at once, so it reads no more columns than that.
     */
    async listHolderFacts(personIds: readonly string[]) {
      if (personIds.length === 0) return new Map<string, HolderFacts>()
      const [mentors, advisors] = await Promise.all([
        listMentorBoardFactsByIds(db, personIds).then(byPersonId),
        listAdvisorFactsByIds(db, personIds).then(byPersonId),
      ])
      return new Map(
        [...new Set(personIds)].map((id): [string, HolderFacts] => {
          const mentor = mentors.get(id)
          return [
            id,
            {
              mentorKind: (mentor?.kind ?? 'faculty') as MentorKind,
              mentorSpecialtyId: mentor?.specialtyId ?? null,
              mentorOffers: (mentor?.offers ?? []) as MentorOffering[],
              advisesSpecialtyId: advisors.get(id)?.advisesSpecialtyId ?? null,
              hasMentorProfile: mentor !== undefined,
            },
          ]
        }),
      )
    },

    /** Active specialty advisors of a specialty, never anyone on a directory hold. */
    async listSpecialtyAdvisors(specialtyId: string, limit: number) {
      const ids = await listAdvisorIdsForSpecialty(db, specialtyId)
      const advisors = await listPeopleWithRoleByIds(db, ids, 'advisor', { activeOnly: true, withoutDirectoryHold: true })
      return advisors.slice(0, limit).map(({ id, name }) => ({ id, name }))
    },

    /** A person as a candidate holder: status, roles and the profiles that say what they can fill. */
    async findPersonIncludeProfiles(id: string, tx: Tx = db) {
      const [person, mentors, advisors] = await Promise.all([findPersonWithRoles(tx, id), listMentorFactsByIds(tx, [id]), listAdvisorFactsByIds(tx, [id])])
      if (!person) return null
      const mentor = mentors[0]
      const advisor = advisors[0]
      return {
        id: person.id,
        name: person.name,
        email: person.email,
        status: person.status,
        roles: person.roles,
        mentorKind: mentor?.kind ?? null,
        mentorSpecialtyId: mentor?.specialtyId ?? null,
        mentorOffers: mentor?.offers ?? null,
        advisesSpecialtyId: advisor?.advisesSpecialtyId ?? null,
        hasAdvisorProfile: advisor !== undefined,
      }
    },

    async insertAssignment(values: typeof advisingBoardAssignments.$inferInsert, tx: Tx = db): Promise<string | null> {
      const [row] = await tx.insert(advisingBoardAssignments).values(values).onConflictDoNothing().returning({ id: advisingBoardAssignments.id })
      return row?.id ?? null
    },

    async findAssignmentById(id: string, tx: Tx = db) {
      const [row] = await tx.select().from(advisingBoardAssignments).where(eq(advisingBoardAssignments.id, id)).limit(1)
      return row ?? null
    },

    /** The assignments a person was asked to take on and has not answered, oldest first. */
    async listAwaitingAgreementOf(personId: string) {
      return db
        .select()
        .from(advisingBoardAssignments)
        .where(and(eq(advisingBoardAssignments.personId, personId), isNull(advisingBoardAssignments.agreedAt)))
        .orderBy(asc(advisingBoardAssignments.assignedAt))
    },

    /** Records the person's agreement; false when it was answered already (or is gone). */
    async markAgreed(id: string, at: Date, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .update(advisingBoardAssignments)
        .set({ agreedAt: at })
        .where(and(eq(advisingBoardAssignments.id, id), isNull(advisingBoardAssignments.agreedAt)))
        .returning({ id: advisingBoardAssignments.id })
      return rows.length > 0
    },

    /** The requests this person (an advisor or admin) made that still wait for an answer, oldest first. */
    async listAwaitingAgreementAskedBy(askerId: string) {
      return db
        .select()
        .from(advisingBoardAssignments)
        .where(and(eq(advisingBoardAssignments.assignedBy, askerId), isNull(advisingBoardAssignments.agreedAt)))
        .orderBy(asc(advisingBoardAssignments.assignedAt))
    },

    /** Requests asked at or before `cutoff`, still unanswered and never reminded. */
    async listAgreementRemindersDue(cutoff: Date) {
      return db
        .select()
        .from(advisingBoardAssignments)
        .where(and(isNull(advisingBoardAssignments.agreedAt), isNull(advisingBoardAssignments.remindedAt), lte(advisingBoardAssignments.assignedAt, cutoff)))
        .orderBy(asc(advisingBoardAssignments.assignedAt))
    },

    /** Requests still unanswered whose reminder went out at or before `remindedBy`: they have lapsed. */
    async listLapsedAgreements(remindedBy: Date) {
      return db
        .select()
        .from(advisingBoardAssignments)
        .where(and(isNull(advisingBoardAssignments.agreedAt), lte(advisingBoardAssignments.remindedAt, remindedBy)))
        .orderBy(asc(advisingBoardAssignments.assignedAt))
    },

    /**
     * Claims the one reminder of a request still waiting; false when another sweep claimed it, or
     * it was answered meanwhile. The conditional UPDATE is the claim: two sweeps at once cannot both win.
     */
    async claimAgreementReminder(id: string, at: Date, tx: Tx): Promise<boolean> {
      const rows = await tx
        .update(advisingBoardAssignments)
        .set({ remindedAt: at })
        .where(and(eq(advisingBoardAssignments.id, id), isNull(advisingBoardAssignments.agreedAt), isNull(advisingBoardAssignments.remindedAt)))
        .returning({ id: advisingBoardAssignments.id })
      return rows.length > 0
    },

    /**
     * Deletes a request the person declined, only while it is still unanswered: an accept that
     * committed first (even after the decline read the row) leaves it in place, and this returns false.
     */
    async deleteAwaitingAssignment(id: string, tx: Tx): Promise<boolean> {
      const rows = await tx
        .delete(advisingBoardAssignments)
        .where(and(eq(advisingBoardAssignments.id, id), isNull(advisingBoardAssignments.agreedAt)))
        .returning({ id: advisingBoardAssignments.id })
      return rows.length > 0
    },

    async mapPersonNames(ids: readonly string[]) {
      return mapPersonNamesByIds(db, [...ids])
    },

    async deleteAssignment(id: string, studentId: string, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .delete(advisingBoardAssignments)
        .where(and(eq(advisingBoardAssignments.id, id), eq(advisingBoardAssignments.studentId, studentId)))
        .returning({ id: advisingBoardAssignments.id })
      return rows.length > 0
    },

    // ── advisors of students ──

    /** Active advisors with how many students each is assigned. */
    async listAdvisors() {
      const advisors = await listActivePeopleWithRole(db, 'advisor')
      const ids = advisors.map((a) => a.id)
      const [facts, counts] = await Promise.all([
        listAdvisorFactsByIds(db, ids).then(byPersonId),
        ids.length === 0
          ? []
          : db
              .select({ advisorId: studentAdvisors.advisorId, n: count() })
              .from(studentAdvisors)
              .where(inArray(studentAdvisors.advisorId, ids))
              .groupBy(studentAdvisors.advisorId),
      ])
      const countOf = new Map(counts.map((c) => [c.advisorId, c.n]))
      return advisors.map((a) => ({
        id: a.id,
        name: a.name,
        title: facts.get(a.id)?.title ?? null,
        advisesSpecialtyId: facts.get(a.id)?.advisesSpecialtyId ?? null,
        studentCount: countOf.get(a.id) ?? 0,
      }))
    },

    /** An active advisor with the specialty they advise in (null: a Student Affairs advisor, an advisory dean). */
    async findActiveAdvisor(id: string, tx: Tx = db): Promise<{ id: string; name: string; advisesSpecialtyId: string | null } | null> {
      const [person] = await listPeopleWithRoleByIds(tx, [id], 'advisor', { activeOnly: true })
      if (!person) return null
      const [advisor] = await listAdvisorFactsByIds(tx, [id])
      return { id: person.id, name: person.name, advisesSpecialtyId: advisor?.advisesSpecialtyId ?? null }
    },

    async listAdvisorIdsOf(studentId: string, tx: Tx = db): Promise<string[]> {
      const rows = await tx.select({ advisorId: studentAdvisors.advisorId }).from(studentAdvisors).where(eq(studentAdvisors.studentId, studentId))
      return rows.map((r) => r.advisorId)
    },

    async addStudentAdvisor(studentId: string, advisorId: string, by: string, at: Date, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .insert(studentAdvisors)
        .values({ studentId, advisorId, assignedBy: by, assignedAt: at })
        .onConflictDoNothing()
        .returning({ studentId: studentAdvisors.studentId })
      return rows.length > 0
    },

    /**
     * Each student's advisory dean (an advisor who advises no one specialty), with the house that
     * gave them, read through the caller's transaction (decision 030).
     */
    async listDeansOf(studentIds: readonly string[], reader: Pick<Database, 'select'> = db) {
      if (studentIds.length === 0) return new Map<string, { advisorId: string; viaHouse: string | null }>()
      const rows = await reader
        .select({ studentId: studentAdvisors.studentId, advisorId: studentAdvisors.advisorId, viaHouse: studentAdvisors.viaHouse })
        .from(studentAdvisors)
        .where(anyOf(studentAdvisors.studentId, studentIds))
      const facts = byPersonId(
        await listAdvisorFactsByIds(
          reader,
          rows.map((r) => r.advisorId),
        ),
      )
      const deans = new Map<string, { advisorId: string; viaHouse: string | null }>()
      for (const r of rows)
        if ((facts.get(r.advisorId)?.advisesSpecialtyId ?? null) === null) deans.set(r.studentId, { advisorId: r.advisorId, viaHouse: r.viaHouse })
      return deans
    },

    async addHouseDean(studentId: string, advisorId: string, house: string, by: string, at: Date, tx: Tx): Promise<void> {
      await tx
        .insert(studentAdvisors)
        .values({ studentId, advisorId, assignedBy: by, assignedAt: at, viaHouse: house })
        .onConflictDoUpdate({ target: [studentAdvisors.studentId, studentAdvisors.advisorId], set: { viaHouse: house } })
    },

    async removeStudentAdvisor(studentId: string, advisorId: string, tx: Tx = db): Promise<void> {
      await tx.delete(studentAdvisors).where(and(eq(studentAdvisors.studentId, studentId), eq(studentAdvisors.advisorId, advisorId)))
    },

    /** People by lower-cased e-mail, with whether they are students and advisors (for the CSV import). */
    async findPeopleByEmails(emails: readonly string[]) {
      if (emails.length === 0) return []
      const people = await listPeopleByEmails(db, emails)
      const facts = byPersonId(
        await listAdvisorFactsByIds(
          db,
          people.map((p) => p.id),
        ),
      )
      return people.map((p) => ({
        id: p.id,
        email: p.email,
        name: p.name,
        status: p.status,
        isStudent: p.roles.includes('student'),
        isAdvisor: p.roles.includes('advisor'),
        advisesSpecialtyId: facts.get(p.id)?.advisesSpecialtyId ?? null,
      }))
    },
  }
}

export type AdvisingRepository = ReturnType<typeof createAdvisingRepository>
