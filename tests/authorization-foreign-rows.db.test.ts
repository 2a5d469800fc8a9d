import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { studentProfiles } from '#server/db/schema/index.ts'
import { ROLES, type Role } from '#shared/enums.ts'
import { FOREIGN_ROW_RULES, type ForeignRowRule } from './authorization-foreign-rows.ts'
import { AUTHORIZATION_MATRIX, type MatrixEntry } from './authorization-matrix.ts'
import { insertStudentRecords, type StudentRecords } from './factories/student-records.ts'
import { makePdf } from './setup/pdf.ts'
import { createTestApp, type TestApp } from './setup/test-app.ts'

/**
 * Object-level authorization on real rows: every route that takes an id is called, by a person
 * of each role the route allows, with a real row that belongs to someone else — another
 * student's mentorship, goal, meeting, letter request, rank order list, board, simulation. The
 * route guard lets them in; only the service's own ownership check can refuse them, so a
 * missing check fails here. The rules are in `authorization-foreign-rows.ts`.
 */

const idRoutes = AUTHORIZATION_MATRIX.filter((entry) => entry.path.includes(':'))
const key = (entry: MatrixEntry) => `${entry.method} ${entry.path}`

let t: TestApp
let owner: StudentRecords
let other: StudentRecords
/** People of each role with records of their own and no tie to the owner's. */
const strangers = new Map<Role, { cookie: string }>()
let spareId = ''

function rolesAllowed(entry: MatrixEntry): Role[] {
  if (entry.allowed === 'public' || entry.allowed === 'signed-in') return [...ROLES]
  return [...entry.allowed]
}

function fill(path: string, rule: ForeignRowRule): string {
  const person = rule.row?.personId === 'mentor' ? owner.mentor.person.id : rule.row?.personId === 'spare' ? spareId : owner.ids.personId
  return path.replace(/:([A-Za-z]+)/g, (_whole, name: string) => {
    if (name === 'personId') return person
    const value = owner.ids[name as keyof StudentRecords['ids']]
    if (!value) throw new Error(`no real row for :${name} in ${path}`)
    return value
  })
}

async function callAsStranger(entry: MatrixEntry, rule: ForeignRowRule, role: Role) {
  const stranger = strangers.get(role)
  if (!stranger) throw new Error(`no stranger with the role ${role}`)
  const path = fill(entry.path, rule)
  if (rule.kind === 'owner-only' && rule.pdf) {
    return t.request(entry.method, path, {
      cookie: stranger.cookie,
      rawBody: makePdf({ text: 'Forged' }) as BodyInit,
      headers: { 'content-type': 'application/pdf' },
    })
  }
  const hasBody = entry.method !== 'GET' && entry.method !== 'DELETE'
  // A body that names a person by ":personId" names the owner student (another advisor's student).
  const body = JSON.parse(JSON.stringify(rule.body ?? {}).replaceAll('":personId"', JSON.stringify(owner.ids.personId)))
  return t.request(entry.method, path, { cookie: stranger.cookie, ...(hasBody ? { body } : {}) })
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  owner = await insertStudentRecords(t, 'owner')
  // Each stranger has a world of their own (their own mentorship, letters, students), so a
  // check that asks "is this caller a student / a mentor / an advisor of someone?" instead of
  // "of this row?" is caught.
  other = await insertStudentRecords(t, 'other')
  // The owner's event is for their class year: the stranger student is in another one.
  const yearOf = async (id: string) => (await t.db.select().from(studentProfiles).where(eq(studentProfiles.personId, id)))[0]?.classYear
  const ownerYear = await yearOf(owner.student.person.id)
  if (ownerYear && (await yearOf(other.student.person.id)) === ownerYear)
    await t.db
      .update(studentProfiles)
      .set({ classYear: ownerYear === 'M1' ? 'M2' : 'M1' })
      .where(eq(studentProfiles.personId, other.student.person.id))
  strangers.set('student', other.student)
  strangers.set('mentor', other.mentor)
  strangers.set('advisor', other.advisor)
  strangers.set('admin', other.admin)
  spareId = (await t.insertAccount(['student'], { name: 'Spare Account' })).id
  // The last-admin rule stays out of the way of the admin's calls.
  await t.insertAccount(['admin'])
}, 120_000)
afterAll(async () => {
  // Background simulations would otherwise write to a closed database.
  for (const records of [owner, other])
    await t?.request('POST', `/api/class-simulations/${records.ids.simulationId}/cancel`, { cookie: records.advisor.cookie, body: {} })
  await t?.close()
})

describe('foreign rows: the specification', () => {
  it('has a rule for every route that takes an id, and none for routes that do not exist', () => {
    const routes = new Set(idRoutes.map(key))
    expect(
      idRoutes.map(key).filter((route) => !FOREIGN_ROW_RULES[route]),
      'id-taking routes without a foreign-row rule',
    ).toEqual([])
    expect(
      Object.keys(FOREIGN_ROW_RULES).filter((route) => !routes.has(route)),
      'rules for routes not in the matrix',
    ).toEqual([])
  })

  it('gives a reason wherever a stranger may act on the row', () => {
    for (const [route, rule] of Object.entries(FOREIGN_ROW_RULES)) {
      if (rule.kind !== 'owner-only' || rule.strangers?.length) expect(rule.why, route).toBeTruthy()
    }
  })
})

describe('foreign rows: a stranger with an allowed role is refused', () => {
  for (const entry of idRoutes) {
    const rule = FOREIGN_ROW_RULES[key(entry)]
    if (rule?.kind !== 'owner-only') continue
    for (const role of rolesAllowed(entry)) {
      if (rule.strangers?.includes(role)) continue
      it(`${key(entry)} as a ${role} with another student's row`, async () => {
        const response = await callAsStranger(entry, rule, role)
        expect([403, 404], `${response.status} ${response.text.slice(0, 300)}`).toContain(response.status)
        expect(response.text).not.toContain(owner.student.person.email)
      })
    }
  }
})

describe('foreign rows: the roles that may act on anyone’s row get through', () => {
  for (const entry of idRoutes) {
    const rule = FOREIGN_ROW_RULES[key(entry)]
    if (!rule) continue
    const roles = rule.kind === 'shared' ? rolesAllowed(entry) : rule.kind === 'owner-only' ? (rule.strangers ?? []) : []
    for (const role of roles) {
      if (!rolesAllowed(entry).includes(role)) continue
      it(`${key(entry)} as a ${role} with another student's row`, async () => {
        const response = await callAsStranger(entry, rule, role)
        expect(response.status, response.text.slice(0, 300)).toBeLessThan(500)
        expect([401, 403], response.text.slice(0, 300)).not.toContain(response.status)
        const ok = rule.kind === 'shared' && rule.okStatuses ? rule.okStatuses : [200]
        if (entry.method === 'GET') expect(ok, response.text.slice(0, 300)).toContain(response.status)
      })
    }
  }
})
