import type { Database, Tx } from '#server/db/client.ts'
import type {
  ProfileResponse,
  UpdateAdvisorProfileRequest,
  UpdateMentorProfileRequest,
  UpdatePersonRequest,
  UpdateStudentProfileRequest,
} from '#shared/contracts/profiles.ts'
import type { ClassYear, EnrollmentStatus, Role, StudentTrack } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { IdentityService } from '../identity/identity.service.ts'
import { findPersonPhoto, findPersonWithRoles, findSchoolId } from '../identity/people-reads.ts'
import { canViewEmail, canViewIdentity, canViewPerson, canViewStudentSection } from './profiles.policy.ts'
import type { ProfilesRepository } from './profiles.repository.ts'
import { detectImageType, MAX_PHOTO_BYTES } from './photo.ts'

export type ProfilesDeps = { db: Database; repo: ProfilesRepository; clock: Clock; audit: AuditService; identity: IdentityService }

const NOT_VISIBLE = 'No such person, or their profile is not visible to you.'

export function createProfilesService(deps: ProfilesDeps) {
  const { db, repo, clock, audit, identity } = deps

  async function getProfile(actor: Actor, personId: string, meta: RequestMeta | null): Promise<ProfileResponse> {
    const person = await findPersonWithRoles(db, personId)
    // Not found and not visible answer alike, so the answer does not reveal who exists.
    if (!person || !canViewPerson(actor, person)) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    const { student, mentor, advisor } = await repo.findProfiles(personId)
    const self = actor.personId === personId

    const showStudent = student && canViewStudentSection(actor, person)
    const showStudentIdentity = showStudent && canViewIdentity(actor, personId, student.identityVisibility)
    const showMentor = mentor && person.roles.includes('mentor')
    const showMentorIdentity = showMentor && canViewIdentity(actor, personId, mentor.identityVisibility)
    // The student number goes with the student section, which only the student and staff see.
    const schoolId = showStudent ? await findSchoolId(db, personId) : null

    if (!self && (showStudentIdentity || showMentorIdentity) && meta) {
      // Self-identified identity is sensitive: a read by anyone else is recorded (never the content).
      await audit.record({ actorId: actor.personId, action: 'profile.identity-read', objectType: 'person', objectId: personId }, meta)
    }

    return {
      person: {
        id: person.id,
        email: canViewEmail(actor, person) ? person.email : '',
        name: person.name,
        pronouns: person.pronouns,
        roles: person.roles,
        status: person.status,
        hasPhoto: person.hasPhoto,
      },
      student: showStudent
        ? {
            classYear: student.classYear,
            graduationYear: student.graduationYear,
            track: student.track,
            specialtyInterests: student.specialtyInterests,
            careerGoals: student.careerGoals,
            helpWanted: student.helpWanted,
            wantsIdentityAlignedMentor: student.wantsIdentityAlignedMentor,
            enrollment: student.enrollment,
            house: student.house,
            schoolId,
            ...(showStudentIdentity ? { identity: student.identity, identityVisibility: student.identityVisibility } : {}),
          }
        : null,
      mentor: showMentor
        ? {
            kind: mentor.kind,
            departmentId: mentor.departmentId,
            specialtyId: mentor.specialtyId,
            subspecialty: mentor.subspecialty,
            academicRank: mentor.academicRank,
            clinicalSite: mentor.clinicalSite,
            city: mentor.city,
            state: mentor.state,
            researchInterests: mentor.researchInterests,
            bio: mentor.bio,
            offers: mentor.offers,
            capacity: mentor.capacity,
            accepting: mentor.accepting,
            languages: mentor.languages,
            graduationYear: mentor.graduationYear,
            ...(showMentorIdentity ? { identity: mentor.identity, identityVisibility: mentor.identityVisibility } : {}),
          }
        : null,
      advisor:
        advisor && person.roles.includes('advisor') ? { title: advisor.title, office: advisor.office, advisesSpecialtyId: advisor.advisesSpecialtyId } : null,
      canEdit: self,
    }
  }

  function assertRole(actor: Actor, role: Role, what: string) {
    if (!actor.roles.includes(role)) throw new AppError('FORBIDDEN', `Only people with the ${role} role have a ${what}.`)
  }

  async function audited(actor: Actor, meta: RequestMeta, action: string, write: (tx: Tx) => Promise<void>) {
    await db.transaction(async (tx) => {
      await write(tx)
      await audit.record({ actorId: actor.personId, action, objectType: 'person', objectId: actor.personId }, meta, tx)
    })
    return getProfile(actor, actor.personId, null)
  }

  return {
    getProfile,
    getMyProfile: (actor: Actor) => getProfile(actor, actor.personId, null),

    updateMyPerson: (actor: Actor, input: UpdatePersonRequest, meta: RequestMeta) =>
      audited(actor, meta, 'profile.updated', (tx) =>
        identity.updateOwnDetails(actor, { name: input.name, ...(input.pronouns !== undefined ? { pronouns: input.pronouns || null } : {}) }, tx),
      ),

    async updateMyStudentProfile(actor: Actor, input: UpdateStudentProfileRequest, meta: RequestMeta) {
      assertRole(actor, 'student', 'student profile')
      const now = clock.now()
      const defaults = { personId: actor.personId, classYear: 'M1' as const, graduationYear: now.getUTCFullYear() + 4 }
      // The class year is the school's fact (set by an admin or the roster), not the student's word.
      if (input.classYear !== undefined) {
        const current = (await repo.findProfiles(actor.personId)).student?.classYear ?? defaults.classYear
        if (input.classYear !== current)
          throw new AppError('VALIDATION_FAILED', 'Your class year is set by the Office of Student Affairs.', {
            classYear: 'The Office of Student Affairs sets your class year; ask them to change it.',
          })
      }
      return audited(actor, meta, 'profile.student-updated', (tx) => repo.upsertStudentProfile(actor.personId, { ...input, updatedAt: now }, defaults, tx))
    },

    /** An admin sets a student's class year (decision 015's companion: the school's fact); audited on the student. */
    async setClassYear(actor: Actor, personId: string, classYear: ClassYear, meta: RequestMeta) {
      if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', 'Only an admin sets a class year.')
      const person = await findPersonWithRoles(db, personId)
      if (!person) throw new AppError('NOT_FOUND', 'No such person.')
      if (!person.roles.includes('student'))
        throw new AppError('VALIDATION_FAILED', `${person.name} is not a student.`, { classYear: 'Only a student has a class year.' })
      const now = clock.now()
      await db.transaction(async (tx) => {
        await repo.upsertStudentProfile(personId, { classYear, updatedAt: now }, { personId, classYear, graduationYear: now.getUTCFullYear() + 4 }, tx)
        await audit.record({ actorId: actor.personId, action: `profile.class-year-set:${classYear}`, objectType: 'person', objectId: personId }, meta, tx)
      })
      return getProfile(actor, personId, null)
    },

    /**
     * The school's facts of many students (roster import, year-end rollover; decision 020), in the
     * caller's transaction, which records the audit rows. Admins only.
     */
    async applyStudentRecords(
      actor: Actor,
      records: readonly { personId: string; classYear: ClassYear; graduationYear: number; track: StudentTrack; house: string; enrollment: EnrollmentStatus }[],
      tx: Tx,
    ) {
      if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', 'Only an admin keeps the class roster.')
      await repo.upsertStudentRecords(records, clock.now(), tx)
    },

    /**
     * A graduate who agreed to mentor gets an alumni mentor profile (their graduation year from
     * the student record), unless they already have a mentor profile. In the caller's transaction.
     */
    /** A graduate's alumni mentor profile; a near-peer mentor's own profile becomes an alumni one (decision 030). */
    async createAlumniMentorProfile(actor: Actor, graduationYear: number, tx: Tx) {
      await repo.upsertMentorProfile(
        actor.personId,
        { graduationYear, kind: 'alumni' },
        { personId: actor.personId, kind: 'alumni', graduationYear, accepting: false },
        tx,
      )
    },

    /**
     * At the rollover, a graduating near-peer mentor takes no new requests until they say they
     * stay on as an alumni mentor (decision 030); their open mentorships go on.
     */
    async pauseMentorProfiles(personIds: readonly string[], tx: Tx) {
      for (const personId of personIds) await repo.upsertMentorProfile(personId, { accepting: false }, { personId, kind: 'near-peer', accepting: false }, tx)
    },

    /** A student on leave or back from it (decision 020); audited. Graduates are the rollover's. */
    async setEnrollment(actor: Actor, personId: string, enrollment: 'enrolled' | 'leave', meta: RequestMeta) {
      if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', 'Only an admin sets whether a student is on leave.')
      const person = await findPersonWithRoles(db, personId)
      if (!person) throw new AppError('NOT_FOUND', 'No such person.')
      const { student } = await repo.findProfiles(personId)
      if (!person.roles.includes('student') || !student)
        throw new AppError('VALIDATION_FAILED', `${person.name} is not a student with a class year.`, {
          enrollment: 'Only a student with a class year can be on leave.',
        })
      await db.transaction(async (tx) => {
        await repo.upsertStudentProfile(personId, { enrollment, updatedAt: clock.now() }, { ...student, enrollment }, tx)
        await audit.record({ actorId: actor.personId, action: `profile.enrollment-set:${enrollment}`, objectType: 'person', objectId: personId }, meta, tx)
      })
      return getProfile(actor, personId, null)
    },

    async updateMyMentorProfile(actor: Actor, input: UpdateMentorProfileRequest, meta: RequestMeta) {
      assertRole(actor, 'mentor', 'mentor profile')
      const now = clock.now()
      return audited(actor, meta, 'profile.mentor-updated', (tx) =>
        repo.upsertMentorProfile(actor.personId, { ...input, updatedAt: now }, { personId: actor.personId, kind: 'faculty' }, tx),
      )
    },

    async updateMyAdvisorProfile(actor: Actor, input: UpdateAdvisorProfileRequest, meta: RequestMeta) {
      assertRole(actor, 'advisor', 'advisor profile')
      return audited(actor, meta, 'profile.advisor-updated', (tx) => repo.upsertAdvisorProfile(actor.personId, { ...input, updatedAt: clock.now() }, tx))
    },

    async setMyPhoto(actor: Actor, bytes: Uint8Array, meta: RequestMeta) {
      if (bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', 'The photo is empty.', { photo: 'Choose an image file.' })
      if (bytes.byteLength > MAX_PHOTO_BYTES)
        throw new AppError('PAYLOAD_TOO_LARGE', 'The photo is larger than 1 MB. Choose a smaller image.', { photo: 'At most 1 MB.' })
      const type = detectImageType(bytes)
      if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Use a JPEG, PNG or WebP image.', { photo: 'Use a JPEG, PNG or WebP image.' })
      return audited(actor, meta, 'profile.photo-updated', (tx) => identity.updateOwnDetails(actor, { photo: bytes, photoType: type }, tx))
    },

    removeMyPhoto: (actor: Actor, meta: RequestMeta) =>
      audited(actor, meta, 'profile.photo-removed', (tx) => identity.updateOwnDetails(actor, { photo: null, photoType: null }, tx)),

    async getPhoto(actor: Actor, personId: string): Promise<{ bytes: Uint8Array; type: string }> {
      const person = await findPersonWithRoles(db, personId)
      if (!person || !canViewPerson(actor, person)) throw new AppError('NOT_FOUND', NOT_VISIBLE)
      const photo = await findPersonPhoto(db, personId)
      if (!photo) throw new AppError('NOT_FOUND', 'This person has no photo.')
      return photo
    },
  }
}

export type ProfilesService = ReturnType<typeof createProfilesService>
