import type { Database, Tx } from '#server/db/client.ts'
import type { ImportRosterRequest, RosterImportReport } from '#shared/contracts/roster.ts'
import { AppError } from '#shared/errors.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import { listPeopleByEmailsOrSchoolIds } from '../identity/people-reads.ts'
import { listRosterOfRecord, mapStudentRecordsByIds } from '../profiles/profile-reads.ts'
import { checkRosterCsv, ROSTER_MAX_PROBLEMS_LISTED, type RosterCheck } from './domain/roster-csv.ts'
import { planRoster, ROSTER_FIELD_LABELS, type RosterPlan } from './domain/roster-plan.ts'
import { academicEndYearOf } from './domain/rollover.ts'
import type { HouseAdvisors, HouseMember } from './house-advisors.ts'
import type { RosterDeps } from './roster-deps.ts'

/**
 * Roster import (decision 020): a check reads the file and the school and says what applying it
 * would do; an apply does the same inside one transaction and, only when nothing is wrong, writes
 * it — invitations through identity, student records through profiles, one audit row per person.
 * Applying the same file again finds nothing to change.
 */
export function createImportRoster(deps: RosterDeps, houseAdvisors: HouseAdvisors) {
  const { db, clock, audit, identity, profiles, repo } = deps

  async function plan(check: RosterCheck, reader: Pick<Database, 'select'>): Promise<RosterPlan> {
    const emails = check.rows.map((r) => r.email)
    const schoolIds = check.rows.flatMap((r) => (r.schoolId ? [r.schoolId] : []))
    const [people, roster] = await Promise.all([listPeopleByEmailsOrSchoolIds(reader, emails, schoolIds), listRosterOfRecord(reader)])
    const students = await mapStudentRecordsByIds(
      reader,
      people.map((p) => p.id),
    )
    return planRoster({
      rows: check.rows,
      people,
      students,
      roster: roster.map((s) => ({ id: s.personId, name: s.name, email: s.email, schoolId: s.schoolId, classYear: s.record?.classYear ?? null })),
      academicEndYear: academicEndYearOf(clock.now()),
      columns: { schoolId: check.columnNames.school_id, email: check.columnNames.email },
    })
  }

  function report(
    check: RosterCheck,
    planned: RosterPlan,
    dryRun: boolean,
    applied: boolean,
    houseDeans: RosterImportReport['houseDeans'],
  ): RosterImportReport {
    const problems = [...check.problems, ...planned.problems].sort((a, b) => a.row - b.row)
    return {
      dryRun,
      applied,
      rowCount: check.rowCount,
      problems: problems.slice(0, ROSTER_MAX_PROBLEMS_LISTED),
      problemCount: problems.length,
      ignoredColumns: check.ignoredColumns,
      invites: planned.invites.map((i) => ({ row: i.row, name: i.name, email: i.email, schoolId: i.schoolId, classYear: i.student.classYear })),
      changes: planned.changes.map((c) => ({
        row: c.row,
        personId: c.personId,
        name: c.name,
        changes: c.changes.map((f) => ({ ...f, label: ROSTER_FIELD_LABELS[f.field] })),
      })),
      unchanged: planned.unchanged,
      missing: planned.missing.map((m) => ({ personId: m.id, name: m.name, email: m.email, schoolId: m.schoolId, classYear: m.classYear })),
      houseDeans,
    }
  }

  /** The students on record with the houses the file gives them, and the people it would invite. */
  async function membersAfter(planned: RosterPlan): Promise<HouseMember[]> {
    const changed = new Map(planned.changes.map((c) => [c.personId, c.student.house]))
    const roster = await listRosterOfRecord(db)
    return [
      ...roster.flatMap((s) => {
        const house = changed.get(s.personId) ?? s.record?.house
        return house ? [{ personId: s.personId, name: s.name, house }] : []
      }),
      ...planned.invites.flatMap((i) => (i.student.house ? [{ personId: null, name: i.name, house: i.student.house }] : [])),
    ]
  }

  async function apply(actor: Actor, planned: RosterPlan, meta: RequestMeta, tx: Tx) {
    const invitedIds = await identity.createInvitedPeople(
      actor,
      planned.invites.map((i) => ({ email: i.email, name: i.name, schoolId: i.schoolId })),
      ['student'],
      tx,
    )
    const personUpdates = planned.changes
      .filter((c) => Object.keys(c.person).length > 0)
      .map((c) => ({ personId: c.personId, name: c.person.name ?? null, email: c.person.email ?? null, schoolId: c.person.schoolId ?? null }))
    await identity.updateRosterDetails(actor, personUpdates, tx)
    await profiles.applyStudentRecords(
      actor,
      [
        ...planned.invites.map((invite, i) => ({ personId: invitedIds[i] as string, ...invite.student })),
        ...planned.changes.map((change) => ({ personId: change.personId, ...change.student })),
      ],
      tx,
    )
    await audit.recordMany(
      [
        ...invitedIds.map((id, i) => ({
          actorId: actor.personId,
          action: `roster.invited:${planned.invites[i]?.student.classYear}`,
          objectType: 'person',
          objectId: id,
        })),
        ...planned.changes.map((c) => ({
          actorId: actor.personId,
          action: `roster.updated:${c.changes.map((f) => f.field).join('+')}`,
          objectType: 'person',
          objectId: c.personId,
        })),
        {
          actorId: actor.personId,
          action: `roster.applied:${planned.invites.length}-invited+${planned.changes.length}-changed+${planned.missing.length}-missing`,
          objectType: 'roster',
        },
      ],
      meta,
      tx,
    )
  }

  return async function importRoster(actor: Actor, input: ImportRosterRequest, meta: RequestMeta): Promise<RosterImportReport> {
    const check = checkRosterCsv(input.csv, clock.now().getUTCFullYear())
    if (input.dryRun) {
      const planned = await plan(check, db)
      const problems = check.problems.length + planned.problems.length
      return report(check, planned, true, false, problems > 0 ? [] : await houseAdvisors.previewHouseDeans(await membersAfter(planned)))
    }
    return db.transaction(async (tx) => {
      await repo.lockRoster(tx)
      const planned = await plan(check, tx)
      const problemCount = check.problems.length + planned.problems.length
      if (problemCount > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `The roster has ${problemCount} problem${problemCount === 1 ? '' : 's'}; nothing was changed. Check the file and correct it first.`,
          {
            csv: `${problemCount} problem${problemCount === 1 ? '' : 's'}.`,
          },
        )
      }
      await apply(actor, planned, meta, tx)
      return report(check, planned, false, true, await houseAdvisors.applyHouseDeans(actor, meta, tx))
    })
  }
}
