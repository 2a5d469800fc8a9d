import type { Database } from '#server/db/client.ts'
import type { RolloverPreview, RolloverResult, RunRolloverRequest } from '#shared/contracts/roster.ts'
import { AppError } from '#shared/errors.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import { mapPersonNamesByIds } from '../identity/people-reads.ts'
import { listRosterOfRecord, type RosterOfRecordEntry } from '../profiles/profile-reads.ts'
import { planRollover, type RolloverPlan } from './domain/rollover.ts'
import { graduatingNearPeerMentors } from './graduating-mentors.ts'
import type { RosterDeps } from './roster-deps.ts'

/**
 * However the academic years fall, a rollover this soon after the last one would move every class
 * up twice: one run on 30 June and another on 1 July close two different academic years.
 */
export const MIN_DAYS_BETWEEN_ROLLOVERS = 180

function assertAdmin(actor: Actor) {
  if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', 'Only an admin moves the classes up.')
}

/**
 * The year-end rollover (decision 020): a preview of every move, then one audited transaction that
 * moves the classes up, graduates Year 4 (the student role is taken away; the account, and any
 * other role, stays) and claims the academic year so it cannot run twice.
 */
export function createYearEndRollover(deps: RosterDeps) {
  const { db, clock, audit, identity, profiles, repo } = deps
  const handleNearPeers = graduatingNearPeerMentors(deps)

  async function read(reader: Pick<Database, 'select'>): Promise<{ plan: RolloverPlan; roster: RosterOfRecordEntry[] }> {
    const roster = await listRosterOfRecord(reader)
    const students = roster.flatMap((s) => (s.record ? [{ id: s.personId, name: s.name, classYear: s.record.classYear, enrollment: s.record.enrollment }] : []))
    return { plan: planRollover(students, clock.now()), roster }
  }

  /**
   * The rollover that stands in the way of another today: this academic year's, or any run less
   * than MIN_DAYS_BETWEEN_ROLLOVERS ago; with the first day another may run.
   */
  async function alreadyRunMessage(academicYear: string, reader: Pick<Database, 'select'>) {
    const thisYear = await repo.findRollover(academicYear, reader)
    const latest = thisYear ?? (await repo.findLatestRollover(reader))
    if (!latest) return null
    const nextFrom = new Date(latest.ranAt.getTime() + MIN_DAYS_BETWEEN_ROLLOVERS * MS_PER_DAY)
    // The next academic year's 1 July, when this year's rollover is the one in the way.
    const endOfYear = new Date(Date.UTC(Number(academicYear.slice(5)), 6, 1))
    const from = thisYear && endOfYear > nextFrom ? endOfYear : nextFrom
    if (!thisYear && clock.now() >= nextFrom) return null
    const ranBy = latest.ranById ? ((await mapPersonNamesByIds(reader, [latest.ranById])).get(latest.ranById) ?? null) : null
    return { ranAt: latest.ranAt.toISOString(), ranBy, nextFrom: from.toISOString() }
  }

  return {
    async previewRollover(actor: Actor): Promise<RolloverPreview> {
      assertAdmin(actor)
      const { plan, roster } = await read(db)
      return {
        academicYear: plan.academicYear,
        alreadyRun: await alreadyRunMessage(plan.academicYear, db),
        before: plan.before,
        after: plan.after,
        graduating: plan.graduating,
        moves: plan.moves.map(({ id, ...m }) => ({ personId: id, ...m })),
        kept: plan.kept.map(({ id, ...k }) => ({ personId: id, ...k })),
        withoutClassYear: roster.filter((s) => !s.record).map((s) => ({ personId: s.personId, name: s.name })),
      }
    },

    async runRollover(actor: Actor, input: RunRolloverRequest, meta: RequestMeta): Promise<RolloverResult> {
      assertAdmin(actor)
      return db.transaction(async (tx) => {
        await repo.lockRoster(tx)
        const { plan, roster } = await read(tx)
        if (input.academicYear !== plan.academicYear)
          throw new AppError('CONFLICT', `The preview was for ${input.academicYear}, but today is in ${plan.academicYear}. Look at the preview again.`, {
            academicYear: `Today is in ${plan.academicYear}.`,
          })
        const inTheWay = await alreadyRunMessage(plan.academicYear, tx)
        if (inTheWay) {
          throw new AppError(
            'CONFLICT',
            `The classes were already moved up on ${inTheWay.ranAt.slice(0, 10)}${inTheWay.ranBy ? ` by ${inTheWay.ranBy}` : ''}; running it again now would move them up twice. The next rollover can run from ${inTheWay.nextFrom.slice(0, 10)}.`,
          )
        }
        const claimed = await repo.claimRollover(
          {
            academicYear: plan.academicYear,
            ranAt: clock.now(),
            ranById: actor.personId,
            promoted: plan.moves.length - plan.graduating,
            graduated: plan.graduating,
            keptInPlace: plan.kept.length,
          },
          tx,
        )
        if (!claimed) {
          const done = await alreadyRunMessage(plan.academicYear, tx)
          const when = done ? new Date(done.ranAt).toISOString().slice(0, 10) : 'earlier'
          throw new AppError(
            'CONFLICT',
            `The classes were already moved up for ${plan.academicYear} (on ${when}${done?.ranBy ? ` by ${done.ranBy}` : ''}). The next rollover can run from 1 July.`,
          )
        }
        const records = new Map(roster.map((s) => [s.personId, s.record]))
        await profiles.applyStudentRecords(
          actor,
          plan.moves.flatMap((move) => {
            const record = records.get(move.id)
            if (!record) return []
            return [
              move.to === 'graduated'
                ? { personId: move.id, ...record, enrollment: 'graduated' as const }
                : { personId: move.id, ...record, classYear: move.to },
            ]
          }),
          tx,
        )
        const graduates = plan.moves.filter((m) => m.to === 'graduated').map((m) => m.id)
        await identity.withdrawRole(actor, graduates, 'student', tx)
        const pausedMentors = await handleNearPeers(actor, graduates, tx)
        await audit.recordMany(
          [
            ...plan.moves.map((m) => ({
              actorId: actor.personId,
              action: m.to === 'graduated' ? 'roster.rollover.graduated' : `roster.rollover.promoted:${m.from}-${m.to}`,
              objectType: 'person',
              objectId: m.id,
            })),
            ...pausedMentors.map((id) => ({ actorId: actor.personId, action: 'roster.rollover.near-peer-mentor-paused', objectType: 'person', objectId: id })),
            {
              actorId: actor.personId,
              action: `roster.rollover:${plan.academicYear}:${plan.moves.length - plan.graduating}-promoted+${plan.graduating}-graduated+${plan.kept.length}-kept`,
              objectType: 'roster',
            },
          ],
          meta,
          tx,
        )
        return { academicYear: plan.academicYear, promoted: plan.moves.length - plan.graduating, graduated: plan.graduating, keptInPlace: plan.kept.length }
      })
    },
  }
}
