import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { MaterialKind } from '#shared/reference/application-limits.ts'
import { people } from './identity.ts'
import { materialVersions } from './materials.ts'
import { opportunityApplications } from './opportunities.ts'

/**
 * The document a student attached to an application (the opportunities module): one version of
 * one of their materials documents, pinned when they applied, so the poster reads the words the
 * student sent even after the student saves newer versions. At most one per application; applying
 * again after withdrawing replaces it. The kind, title and number are kept as they were when
 * attached, so the applicant list names the document without reading the materials tables.
 */
export const opportunityApplicationDocuments = pgTable(
  'opportunity_application_documents',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => opportunityApplications.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** Versions are immutable (materials' trigger), so this is exactly what the student sent. */
    versionId: uuid('version_id')
      .notNull()
      .references(() => materialVersions.id, { onDelete: 'cascade' }),
    documentKind: text('document_kind').$type<MaterialKind>().notNull(),
    documentTitle: text('document_title').notNull(),
    versionNumber: integer('version_number').notNull(),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('opportunity_application_documents_student_idx').on(t.studentId)],
)
