import { sql } from 'drizzle-orm'
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { InterestGroupRole } from '#shared/enums.ts'
import { events } from './events.ts'
import { people } from './identity.ts'
import { specialties } from './profiles.ts'

/**
 * Student-run interest groups (the interest-groups module): one per specialty, and others the
 * school adds (`specialty_id` null). The office creates a group and names its leaders and its
 * faculty advisor; students join and leave; leaders write announcements and run the group's
 * events, which live in the events module and are tied to the group here.
 */
export const interestGroups = pgTable(
  'interest_groups',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    specialtyId: text('specialty_id').references(() => specialties.id),
    description: text('description').notNull().default(''),
    facultyAdvisorId: uuid('faculty_advisor_id').references(() => people.id, { onDelete: 'set null' }),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('interest_groups_specialty_idx').on(t.specialtyId)],
)

/** Who belongs to a group: a leader (named by the office) or a member (joined on their own). Leaving deletes the row. */
export const interestGroupMembers = pgTable(
  'interest_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => interestGroups.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').$type<InterestGroupRole>().notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index('interest_group_members_person_idx').on(t.personId)],
)

/** What a leader (or the office) wrote to the group's members; each member was e-mailed it. */
export const interestGroupAnnouncements = pgTable(
  'interest_group_announcements',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    groupId: uuid('group_id')
      .notNull()
      .references(() => interestGroups.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    recipientCount: integer('recipient_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('interest_group_announcements_group_idx').on(t.groupId, t.createdAt)],
)

/** The events a group holds: the event itself is the events module's; this ties it to the group its leaders run. */
export const interestGroupEvents = pgTable('interest_group_events', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  groupId: uuid('group_id')
    .notNull()
    .references(() => interestGroups.id, { onDelete: 'cascade' }),
})
