import type { Database, Tx } from '#server/db/client.ts'
import type { HouseAdvisorsResponse, RosterImportReport, SetHouseAdvisorRequest } from '#shared/contracts/roster.ts'
import { AppError } from '#shared/errors.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import { mapPersonNamesByIds } from '../identity/people-reads.ts'
import { listRosterOfRecord } from '../profiles/profile-reads.ts'
import type { RosterDeps } from './roster-deps.ts'

/** A student as the roster will have them: who (null before their invitation), and their house. */
export type HouseMember = { personId: string | null; name: string; house: string }

const keyOf = (house: string) => house.trim().toLowerCase()

/**
 * Each roster house's advisory dean (decision 030). The roster owns the mapping; the assignment
 * itself is the advising module's (`planHouseDeans`, `applyHouseDeans`), which keeps a dean an
 * admin chose by hand and replaces only one an earlier house gave.
 */
export function createHouseAdvisors(deps: RosterDeps) {
  const { db, clock, repo, audit, advising } = deps

  async function mappingOf(reader: Pick<Database, 'select'>) {
    return new Map((await repo.listHouseAdvisors(reader)).map((row) => [keyOf(row.house), row.advisorId]))
  }

  /** Active advisors who advise no one specialty: the ones a house may have as its dean. */
  async function deans() {
    return (await advising.listAdvisors()).items.filter((a) => a.advisesSpecialtyName === null).map((a) => ({ id: a.id, name: a.name }))
  }

  /** What the houses' deans do to these students: the changes and the dean kept by hand, for the roster's report. */
  async function planFor(members: readonly HouseMember[], reader: Pick<Database, 'select'>) {
    const mapping = await mappingOf(reader)
    const mapped = members.flatMap((m) => {
      const advisorId = m.house ? mapping.get(keyOf(m.house)) : undefined
      return advisorId ? [{ ...m, advisorId }] : []
    })
    const known = mapped.flatMap((m) => (m.personId ? [{ studentId: m.personId, advisorId: m.advisorId, house: m.house }] : []))
    const plan = await advising.planHouseDeans(known, reader)
    const byStudent = new Map(plan.map((p) => [p.studentId, p]))
    const names = await mapPersonNamesByIds(reader, [...mapped.map((m) => m.advisorId), ...plan.map((p) => p.currentAdvisorId)])
    const report: RosterImportReport['houseDeans'] = []
    for (const m of mapped) {
      const planned = m.personId ? byStudent.get(m.personId) : undefined
      const outcome = planned?.outcome ?? 'assign'
      if (outcome === 'unchanged') continue
      report.push({
        personId: m.personId,
        name: m.name,
        house: m.house,
        advisorName: names.get(m.advisorId) ?? 'an advisor',
        currentAdvisorName: planned?.currentAdvisorId ? (names.get(planned.currentAdvisorId) ?? null) : null,
        outcome,
      })
    }
    return { plan, report: report.sort((a, b) => keyOf(a.house).localeCompare(keyOf(b.house)) || a.name.localeCompare(b.name)) }
  }

  async function listHouseAdvisors(): Promise<HouseAdvisorsResponse> {
    const [roster, rows, candidates] = await Promise.all([listRosterOfRecord(db), repo.listHouseAdvisors(), deans()])
    const names = await mapPersonNamesByIds(
      db,
      rows.map((r) => r.advisorId),
    )
    const houses = new Map<string, { house: string; students: number; advisor: { id: string; name: string } | null }>()
    for (const row of rows)
      houses.set(keyOf(row.house), {
        house: row.house,
        students: 0,
        advisor: { id: row.advisorId, name: names.get(row.advisorId) ?? 'Someone no longer here' },
      })
    for (const student of roster) {
      const house = student.record?.house?.trim()
      if (!house) continue
      const entry = houses.get(keyOf(house)) ?? { house, students: 0, advisor: null }
      entry.students++
      houses.set(keyOf(house), entry)
    }
    return { houses: [...houses.values()].sort((a, b) => a.house.localeCompare(b.house)), deans: candidates }
  }

  return {
    listHouseAdvisors,

    /** Names (or takes away) a house's dean; students are assigned the next time a roster is applied. */
    async setHouseAdvisor(actor: Actor, input: SetHouseAdvisorRequest, meta: RequestMeta): Promise<HouseAdvisorsResponse> {
      if (input.advisorId && !(await deans()).some((d) => d.id === input.advisorId))
        throw new AppError('VALIDATION_FAILED', 'That person cannot be a house’s advisory dean.', {
          advisorId: 'Choose an active advisor who advises no one specialty.',
        })
      await db.transaction(async (tx) => {
        await repo.setHouseAdvisor(input.house, input.advisorId, actor.personId, clock.now(), tx)
        await audit.record(
          {
            actorId: actor.personId,
            action: input.advisorId ? 'roster.house-advisor-set' : 'roster.house-advisor-cleared',
            objectType: 'house',
            objectId: input.house,
          },
          meta,
          tx,
        )
      })
      return listHouseAdvisors()
    },

    /** The check's report: the houses as the file would leave them. */
    async previewHouseDeans(members: readonly HouseMember[]) {
      return (await planFor(members, db)).report
    },

    /** After a roster applied, in its transaction: every student on record gets their house's dean, except one chosen by hand. */
    async applyHouseDeans(actor: Actor, meta: RequestMeta, tx: Tx) {
      const roster = await listRosterOfRecord(tx)
      const members = roster.flatMap((s) => (s.record?.house ? [{ personId: s.personId, name: s.name, house: s.record.house }] : []))
      const { plan, report } = await planFor(members, tx)
      await advising.applyHouseDeans(actor, plan, meta, tx)
      return report
    },
  }
}

export type HouseAdvisors = ReturnType<typeof createHouseAdvisors>
