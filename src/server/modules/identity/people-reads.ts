import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm'
import { anyOf, arrayLiteral } from '#server/db/any-of.ts'
import type { Database } from '#server/db/client.ts'
import { people, personRoles } from '#server/db/schema/index.ts'
import type { ClockPreferences } from '#shared/contracts/identity.ts'
import type { PersonSummary } from '#shared/contracts/profiles.ts'
import { containsPattern } from '#shared/search/like-pattern.ts'
import type { PersonStatus, Role } from '#shared/enums.ts'

/**
 * Identity's public reads of people, for other modules: who a person is (name, e-mail, status,
 * roles), never their password hash or photo bytes. Each takes the database or the caller's
 * transaction and reads in one or two queries however many ids it is given — never one query
 * per person. Other modules call these instead of naming identity's tables.
 */
export type PeopleReader = Pick<Database, 'select'>

export type PersonBasics = { id: string; name: string; email: string; status: PersonStatus }
export type PersonWithRoleList = PersonBasics & { roles: Role[]; directoryHold: boolean; pronouns: string | null; hasPhoto: boolean }

const basicColumns = { id: people.id, name: people.name, email: people.email, status: people.status }
const detailColumns = {
  ...basicColumns,
  directoryHold: people.directoryHold,
  pronouns: people.pronouns,
  hasPhoto: sql<boolean>`${people.photoType} is not null`,
}

async function rolesByPerson(reader: PeopleReader, ids: readonly string[]): Promise<Map<string, Role[]>> {
  const byPerson = new Map<string, Role[]>()
  if (ids.length === 0) return byPerson
  const rows = await reader.select({ personId: personRoles.personId, role: personRoles.role }).from(personRoles).where(anyOf(personRoles.personId, ids))
  for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row.role])
  for (const roles of byPerson.values()) roles.sort()
  return byPerson
}

/** `EXISTS` test that a person holds a role, for identity's own filters. */
const holdsRole = (role: Role) => sql<boolean>`exists (select 1 from ${personRoles} r where r.person_id = ${people.id} and r.role = ${role})`

/** Summaries in the order of `ids`; unknown ids are left out. */
export async function listPersonSummariesByIds(reader: PeopleReader, ids: readonly string[]): Promise<PersonSummary[]> {
  if (ids.length === 0) return []
  const [rows, roles] = await Promise.all([
    reader
      .select({ ...basicColumns, pronouns: people.pronouns, photoType: people.photoType, schoolWideRecords: people.schoolWideRecords })
      .from(people)
      .where(anyOf(people.id, ids)),
    rolesByPerson(reader, ids),
  ])
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    if (!row) return []
    const { photoType, schoolWideRecords, ...rest } = row
    const personRoles = roles.get(id) ?? []
    return [{ ...rest, hasPhoto: photoType !== null, roles: personRoles, schoolWide: schoolWideRecords && personRoles.includes('advisor') }]
  })
}

/** Name, e-mail and status of each known id (any order). */
export async function listPeopleByIds(reader: PeopleReader, ids: readonly string[]): Promise<PersonBasics[]> {
  if (ids.length === 0) return []
  return reader.select(basicColumns).from(people).where(anyOf(people.id, ids))
}

/** How each known id reads times (zone and 12/24-hour clock), for the e-mails other modules send them. */
export async function mapClockPreferencesByIds(reader: PeopleReader, ids: readonly string[]): Promise<Map<string, ClockPreferences>> {
  if (ids.length === 0) return new Map()
  const rows = await reader.select({ id: people.id, timeZone: people.timeZone, hourCycle: people.hourCycle }).from(people).where(anyOf(people.id, ids))
  return new Map(rows.map((row) => [row.id, { timeZone: row.timeZone, hourCycle: row.hourCycle }]))
}

/** Names by id, for labelling rows another module owns (an author, a creator). */
export async function mapPersonNamesByIds(reader: PeopleReader, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const known = ids.filter((id): id is string => id !== null)
  const rows = known.length === 0 ? [] : await reader.select({ id: people.id, name: people.name }).from(people).where(anyOf(people.id, known))
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** One person with their roles, pronouns and directory hold, or null. */
export async function findPersonWithRoles(reader: PeopleReader, id: string): Promise<PersonWithRoleList | null> {
  const [rows, roles] = await Promise.all([reader.select(detailColumns).from(people).where(eq(people.id, id)).limit(1), rolesByPerson(reader, [id])])
  const row = rows[0]
  return row ? { ...row, roles: roles.get(id) ?? [] } : null
}

/** The school's id for a person (decision 020), or null; for the person themself and staff only. */
export async function findSchoolId(reader: PeopleReader, id: string): Promise<string | null> {
  const [row] = await reader.select({ schoolId: people.schoolId }).from(people).where(eq(people.id, id)).limit(1)
  return row?.schoolId ?? null
}

/** A person's photo and its type, or null when they have none. */
export async function findPersonPhoto(reader: PeopleReader, id: string): Promise<{ bytes: Uint8Array; type: string } | null> {
  const [row] = await reader.select({ photo: people.photo, photoType: people.photoType }).from(people).where(eq(people.id, id)).limit(1)
  return row?.photo && row.photoType ? { bytes: row.photo, type: row.photoType } : null
}

/** People by lower-cased e-mail, with their roles (imports match rows to people this way). */
export async function listPeopleByEmails(reader: PeopleReader, emails: readonly string[]): Promise<PersonWithRoleList[]> {
  if (emails.length === 0) return []
  const rows = await reader
    .select(detailColumns)
    .from(people)
    .where(
      anyOf(
        people.email,
        emails.map((e) => e.toLowerCase()),
      ),
    )
  const roles = await rolesByPerson(
    reader,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({ ...r, roles: roles.get(r.id) ?? [] }))
}

/** Of these ids, the active people who hold `role` (any order). */
export async function listActiveIdsWithRole(reader: PeopleReader, ids: readonly string[], role: Role): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await reader
    .select({ id: people.id })
    .from(people)
    .where(and(anyOf(people.id, ids), eq(people.status, 'active'), holdsRole(role)))
  return new Set(rows.map((r) => r.id))
}

/** Of these ids, the people who hold `role`, by name; optionally only active ones, or only those without a directory hold. */
export async function listPeopleWithRoleByIds(
  reader: PeopleReader,
  ids: readonly string[],
  role: Role,
  options: { activeOnly?: boolean; withoutDirectoryHold?: boolean } = {},
): Promise<PersonBasics[]> {
  if (ids.length === 0) return []
  return reader
    .select(basicColumns)
    .from(people)
    .where(
      and(
        anyOf(people.id, ids),
        holdsRole(role),
        options.activeOnly ? eq(people.status, 'active') : undefined,
        options.withoutDirectoryHold ? eq(people.directoryHold, false) : undefined,
      ),
    )
    .orderBy(asc(people.name), asc(people.id))
}

/** Every active person who holds `role`, by name (the school's students, advisors…: hundreds, not millions). */
export async function listActivePeopleWithRole(reader: PeopleReader, role: Role, options: { withoutDirectoryHold?: boolean } = {}): Promise<PersonBasics[]> {
  return reader
    .select(basicColumns)
    .from(people)
    .where(and(eq(people.status, 'active'), holdsRole(role), options.withoutDirectoryHold ? eq(people.directoryHold, false) : undefined))
    .orderBy(asc(people.name), asc(people.id))
}

export type PeopleSearch = { q?: string | undefined; status?: PersonStatus | undefined; role?: Role | undefined; page: number; pageSize: number }

/** A page of people's ids by name, filtered by a text match on name or e-mail, status and role. */
export async function searchPeopleIds(reader: PeopleReader, query: PeopleSearch): Promise<{ ids: string[]; total: number }> {
  const conditions: (SQL | undefined)[] = [
    query.q ? or(ilike(people.name, containsPattern(query.q)), ilike(people.email, containsPattern(query.q))) : undefined,
    query.status ? eq(people.status, query.status) : undefined,
    query.role ? holdsRole(query.role) : undefined,
  ]
  const where = and(...conditions)
  const [rows, totals] = await Promise.all([
    reader
      .select({ id: people.id })
      .from(people)
      .where(where)
      .orderBy(people.name, people.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    reader.select({ total: count() }).from(people).where(where),
  ])
  return { ids: rows.map((r) => r.id), total: totals[0]?.total ?? 0 }
}

/** How many people there are by status, and by role. */
export async function countPeople(reader: PeopleReader): Promise<{ byStatus: Partial<Record<PersonStatus, number>>; byRole: Partial<Record<Role, number>> }> {
  const [statusRows, roleRows] = await Promise.all([
    reader.select({ status: people.status, n: count() }).from(people).groupBy(people.status),
    reader.select({ role: personRoles.role, n: count() }).from(personRoles).groupBy(personRoles.role),
  ])
  return {
    byStatus: Object.fromEntries(statusRows.map((r) => [r.status, r.n])),
    byRole: Object.fromEntries(roleRows.map((r) => [r.role, r.n])),
  }
}

export type RosterPerson = PersonBasics & { schoolId: string | null; roles: Role[] }

/**
 * People whose lower-cased e-mail or school id (compared without case) is among these, with their
 * roles and school id: the roster import matches its rows to people this way (decision 020).
 */
export async function listPeopleByEmailsOrSchoolIds(reader: PeopleReader, emails: readonly string[], schoolIds: readonly string[]): Promise<RosterPerson[]> {
  if (emails.length === 0 && schoolIds.length === 0) return []
  const rows = await reader
    .select({ ...basicColumns, schoolId: people.schoolId })
    .from(people)
    .where(
      or(
        emails.length > 0
          ? anyOf(
              people.email,
              emails.map((e) => e.toLowerCase()),
            )
          : undefined,
        schoolIds.length > 0 ? sql`lower(${people.schoolId}) = any(${arrayLiteral(schoolIds.map((s) => s.toLowerCase()))}::text[])` : undefined,
      ),
    )
  const roles = await rolesByPerson(
    reader,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({ ...r, roles: roles.get(r.id) ?? [] }))
}

/** The person id behind each of these addresses that belongs to someone (keys lower-cased), in one query. */
export async function mapPersonIdsByEmails(reader: PeopleReader, emails: readonly string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map()
  const rows = await reader
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(
      anyOf(
        people.email,
        emails.map((e) => e.toLowerCase()),
      ),
    )
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]))
}
