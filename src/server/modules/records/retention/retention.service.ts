import { desc, eq, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { retentionAnonymised, retentionRuns, retentionSettings } from '#server/db/schema/index.ts'
import type {
  RetentionOverview,
  RetentionReport,
  RetentionRunKind,
  RetentionSettingsInput,
  RetentionSettingsView,
  RetentionTableLine,
} from '#shared/contracts/retention.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../../clock.ts'
import type { Actor, RequestMeta } from '../../../http/app-env.ts'
import type { AuditService } from '../../audit/audit.service.ts'
import { mapPersonNamesByIds } from '../../identity/people-reads.ts'
import { lastGraduationYearPastPeriod } from './domain/retention-due.ts'
import { effectiveTreatment } from './domain/retention-treatment.ts'
import { RETENTION_TREATMENTS } from './retention-treatments.ts'
import { applyTreatment, countRows, listRetentionCandidates, type RetentionCandidate } from './retention-sql.ts'

/** Two processes' scheduled runs (or an admin and the schedule) take turns. */
const RETENTION_LOCK_KEY = 7_460_038
/** A dry run older than this must be run again before it is applied: the office applies what it read today. */
const DRY_RUN_VALID_HOURS = 24
const DEFAULTS = { years: 6, letters: 'remove-content', scheduled: false } as const

type StoredReport = { lines: RetentionTableLine[]; personIds: string[] }
type Plan = { lastYear: number; treat: RetentionCandidate[]; held: (RetentionCandidate & { why: string })[]; lines: RetentionTableLine[] }

const whatOf = (action: string, why: string) => (action === 'keep' ? `Kept: ${why}` : why)

/**
 * Retention of graduates' records (decision 038): the school's period and letters rule, a dry run
 * that changes nothing and says what would be anonymised or deleted (per table, with the people),
 * the admin's application of a dry run they read, and the scheduled run that applies only when
 * the school turned it on. Every step is audited; the audit log itself is never edited.
 */
export function createRetentionService(deps: { db: Database; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps

  async function readSettings(reader: Pick<Database, 'select'> = db): Promise<RetentionSettingsView> {
    const [row] = await reader.select().from(retentionSettings).where(eq(retentionSettings.id, 1))
    if (!row) return { ...DEFAULTS, updatedAt: null, updatedBy: null }
    const names = row.updatedBy ? await mapPersonNamesByIds(reader, [row.updatedBy]) : new Map<string, string>()
    return {
      years: row.years,
      letters: row.letters,
      scheduled: row.scheduled,
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: row.updatedBy ? (names.get(row.updatedBy) ?? null) : null,
    }
  }

  // Inside a transaction every read goes through it: PGlite has one connection, so a read on `db` would wait for the transaction.
  /** Who is past the period, who is held and why, and what each table would lose. Reads only. */
  async function plan(reader: Pick<Tx, 'execute'>, settings: Pick<RetentionSettingsView, 'years' | 'letters'>): Promise<Plan> {
    const lastYear = lastGraduationYearPastPeriod(clock.now(), settings.years)
    const candidates = await listRetentionCandidates(reader, lastYear)
    const held = candidates
      .filter((c) => c.otherRoles.length > 0 && !c.disabled)
      .map((c) => ({ ...c, why: `Still holds the ${c.otherRoles.join(' and ')} role here: remove it, or disable the account, to include them.` }))
    const heldIds = new Set(held.map((h) => h.id))
    const treat = candidates.filter((c) => !heldIds.has(c.id))
    const ids = treat.map((c) => c.id)
    const lines: RetentionTableLine[] = []
    for (const [table, base] of Object.entries(RETENTION_TREATMENTS)) {
      const treatment = effectiveTreatment(base, settings.letters)
      lines.push({ table, action: treatment.action, what: whatOf(treatment.action, treatment.why), rows: await countRows(reader, table, treatment, ids) })
    }
    return { lastYear, treat, held, lines }
  }

  const person = (c: RetentionCandidate) => ({ id: c.id, name: c.name, graduationYear: c.graduationYear })

  function reportOf(runId: string, kind: RetentionRunKind, ranAt: Date, settings: Pick<RetentionSettingsView, 'years' | 'letters'>, p: Plan): RetentionReport {
    return {
      runId,
      kind,
      ranAt: ranAt.toISOString(),
      years: settings.years,
      letters: settings.letters,
      graduatedByYear: p.lastYear,
      people: p.treat.map(person),
      held: p.held.map((h) => ({ ...person(h), why: h.why })),
      tables: p.lines,
    }
  }

  async function insertRun(tx: Pick<Database, 'insert'>, kind: RetentionRunKind, actorId: string | null, settings: RetentionSettingsView, p: Plan) {
    const ranAt = clock.now()
    const report: StoredReport = { lines: p.lines, personIds: p.treat.map((c) => c.id) }
    const [row] = await tx
      .insert(retentionRuns)
      .values({ kind, ranAt, ranBy: actorId, years: settings.years, letters: settings.letters, people: p.treat.length, report })
      .returning({ id: retentionRuns.id })
    if (!row) throw new Error('insert returned no row')
    return { id: row.id, ranAt }
  }

  /** Applies the plan in one transaction: every table in order, the anonymised ids, the run and its audit rows. */
  async function applyPlan(tx: Tx, kind: RetentionRunKind, actorId: string | null, settings: RetentionSettingsView, p: Plan, meta: RequestMeta | null) {
    const ids = p.treat.map((c) => c.id)
    for (const [table, base] of Object.entries(RETENTION_TREATMENTS)) await applyTreatment(tx, table, effectiveTreatment(base, settings.letters), ids)
    const run = await insertRun(tx, kind, actorId, settings, p)
    if (ids.length > 0) await tx.insert(retentionAnonymised).values(ids.map((personId) => ({ personId, runId: run.id, at: run.ranAt })))
    await audit.recordMany(
      [
        ...ids.map((id) => ({ actorId, action: 'records.retention.anonymised', objectType: 'person', objectId: id })),
        { actorId, action: `records.retention.${kind}`, objectType: 'retention-run', objectId: run.id },
      ],
      meta,
      tx,
    )
    return run
  }

  return {
    async getOverview(_actor: Actor): Promise<RetentionOverview> {
      const runs = await db.select().from(retentionRuns).orderBy(desc(retentionRuns.ranAt)).limit(20)
      const names = await mapPersonNamesByIds(
        db,
        runs.map((r) => r.ranBy),
      )
      return {
        settings: await readSettings(),
        runs: runs.map((r) => ({
          id: r.id,
          kind: r.kind,
          ranAt: r.ranAt.toISOString(),
          ranBy: r.ranBy ? (names.get(r.ranBy) ?? null) : null,
          years: r.years,
          letters: r.letters,
          people: r.people,
        })),
      }
    },

    async updateSettings(actor: Actor, input: RetentionSettingsInput, meta: RequestMeta): Promise<RetentionSettingsView> {
      await db.transaction(async (tx) => {
        const values = { ...input, updatedAt: clock.now(), updatedBy: actor.personId }
        await tx
          .insert(retentionSettings)
          .values({ id: 1, ...values })
          .onConflictDoUpdate({ target: retentionSettings.id, set: values })
        const action = `records.retention.settings:${input.years}y+letters-${input.letters}+scheduled-${input.scheduled ? 'on' : 'off'}`
        await audit.record({ actorId: actor.personId, action, objectType: 'retention-settings' }, meta, tx)
      })
      return readSettings()
    },

    /** The dry run: nothing changes but the run's own row and its audit entry. */
    async dryRun(actor: Actor, meta: RequestMeta): Promise<RetentionReport> {
      const settings = await readSettings()
      const p = await plan(db, settings)
      const run = await db.transaction(async (tx) => {
        const inserted = await insertRun(tx, 'dry-run', actor.personId, settings, p)
        await audit.record({ actorId: actor.personId, action: 'records.retention.dry-run', objectType: 'retention-run', objectId: inserted.id }, meta, tx)
        return inserted
      })
      return reportOf(run.id, 'dry-run', run.ranAt, settings, p)
    },

    /**
     * Applies a dry run the admin read: refused when it is not today's, or when the rule or the
     * graduates past the period have changed since, so what is applied is exactly what was read.
     */
    async apply(actor: Actor, dryRunId: string, meta: RequestMeta): Promise<RetentionReport> {
      const [dry] = await db.select().from(retentionRuns).where(eq(retentionRuns.id, dryRunId))
      if (dry?.kind !== 'dry-run') throw new AppError('NOT_FOUND', 'No such dry run.')
      if (clock.now().getTime() - dry.ranAt.getTime() > DRY_RUN_VALID_HOURS * 3_600_000)
        throw new AppError('CONFLICT', `This dry run is more than ${DRY_RUN_VALID_HOURS} hours old. Run a new dry run and read it before applying.`)
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${RETENTION_LOCK_KEY})`)
        const settings = await readSettings(tx)
        if (settings.years !== dry.years || settings.letters !== dry.letters)
          throw new AppError('CONFLICT', 'The retention rule has changed since this dry run. Run a new dry run and read it before applying.')
        const p = await plan(tx, settings)
        const planned = (dry.report as StoredReport).personIds
        const now = p.treat.map((c) => c.id)
        if (planned.length !== now.length || planned.some((id, i) => id !== now[i]))
          throw new AppError('CONFLICT', 'The graduates past the period have changed since this dry run. Run a new dry run and read it before applying.')
        const run = await applyPlan(tx, 'apply', actor.personId, settings, p, meta)
        return reportOf(run.id, 'apply', run.ranAt, settings, p)
      })
    },

    /**
     * The scheduled run, from the server's daily sweep: applies the rule only when the school
     * turned the schedule on, and only when someone is past the period. Null when it did nothing.
     */
    async runScheduled(): Promise<RetentionReport | null> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${RETENTION_LOCK_KEY})`)
        const settings = await readSettings(tx)
        if (!settings.scheduled) return null
        const p = await plan(tx, settings)
        if (p.treat.length === 0) return null
        const run = await applyPlan(tx, 'scheduled', null, settings, p, null)
        return reportOf(run.id, 'scheduled', run.ranAt, settings, p)
      })
    },
  }
}

export type RetentionService = ReturnType<typeof createRetentionService>
