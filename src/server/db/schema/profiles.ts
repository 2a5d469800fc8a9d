import { boolean, integer, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core'
import type {
  AcademicRank,
  ClassYear,
  EnrollmentStatus,
  IdentityAttribute,
  IdentityVisibility,
  MentorKind,
  MentorOffering,
  StudentTrack,
} from '#shared/enums.ts'
import { people } from './identity.ts'

export const departments = pgTable('departments', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
})

export const specialties = pgTable('specialties', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  acgmeName: text('acgme_name').notNull(),
  departmentId: text('department_id')
    .notNull()
    .references(() => departments.id),
})

export const studentProfiles = pgTable(
  'student_profiles',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    classYear: text('class_year').$type<ClassYear>().notNull(),
    graduationYear: integer('graduation_year').notNull(),
    track: text('track').$type<StudentTrack>().notNull().default('MD'),
    /** Enrolled, on leave or graduated: the school's fact, set by the roster and the year-end rollover (decision 020). */
    enrollment: text('enrollment').$type<EnrollmentStatus>().notNull().default('enrolled'),
    /** The advisory dean or house the roster names, as the school writes it; '' when none. */
    house: text('house').notNull().default(''),
    /** Specialty ids, most interesting first. */
    specialtyInterests: text('specialty_interests').array().notNull().default([]),
    careerGoals: text('career_goals').notNull().default(''),
    helpWanted: text('help_wanted').array().$type<MentorOffering[]>().notNull().default([]),
    identity: text('identity').array().$type<IdentityAttribute[]>().notNull().default([]),
    identityVisibility: text('identity_visibility').$type<IdentityVisibility>().notNull().default('private'),
    wantsIdentityAlignedMentor: boolean('wants_identity_aligned_mentor').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('student_profiles_class_year_idx').on(t.classYear)],
)

export const mentorProfiles = pgTable(
  'mentor_profiles',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MentorKind>().notNull(),
    departmentId: text('department_id').references(() => departments.id),
    specialtyId: text('specialty_id').references(() => specialties.id),
    subspecialty: text('subspecialty').notNull().default(''),
    academicRank: text('academic_rank').$type<AcademicRank>(),
    clinicalSite: text('clinical_site').notNull().default(''),
    city: text('city').notNull().default(''),
    state: text('state').notNull().default(''),
    researchInterests: text('research_interests').notNull().default(''),
    bio: text('bio').notNull().default(''),
    offers: text('offers').array().$type<MentorOffering[]>().notNull().default([]),
    capacity: integer('capacity').notNull().default(2),
    accepting: boolean('accepting').notNull().default(true),
    languages: text('languages').array().notNull().default(['English']),
    identity: text('identity').array().$type<IdentityAttribute[]>().notNull().default([]),
    identityVisibility: text('identity_visibility').$type<IdentityVisibility>().notNull().default('private'),
    graduationYear: integer('graduation_year'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mentor_profiles_kind_idx').on(t.kind),
    index('mentor_profiles_specialty_idx').on(t.specialtyId),
    index('mentor_profiles_department_idx').on(t.departmentId),
  ],
)

export const advisorProfiles = pgTable('advisor_profiles', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  title: text('title').notNull().default(''),
  office: text('office').notNull().default(''),
  advisesSpecialtyId: text('advises_specialty_id').references(() => specialties.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
