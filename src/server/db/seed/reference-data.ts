import { DEPARTMENTS, SPECIALTIES } from '#shared/reference/specialties.ts'
import type { Database } from '../client.ts'
import { departments, specialties } from '../schema/index.ts'

/**
 * Departments and specialties from `shared/reference/specialties.ts`. The server runs this on
 * every start, so it only adds what is missing and never overwrites an edited name.
 */
export async function insertReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(departments)
      .values(DEPARTMENTS.map((d) => ({ id: d.id, name: d.name, kind: d.kind })))
      .onConflictDoNothing()
    await tx
      .insert(specialties)
      .values(SPECIALTIES.map((s) => ({ id: s.id, name: s.name, acgmeName: s.acgmeName, departmentId: s.departmentId })))
      .onConflictDoNothing()
  })
}
