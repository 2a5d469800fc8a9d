import { DEFAULT_PRIORS, type SmartPickPriors } from '#engines/smart-pick/index.ts'
import type { Database } from '#server/db/client.ts'
import {
  CalibrationReportView,
  type CalibrationList,
  type CalibrationSummary,
  type CalibrationView,
  type CreateCalibrationRequest,
  type ImportPastOutcomesRequest,
  type ImportPastOutcomesResponse,
  type PastOutcomesSummary,
  type PastOutcomesYear,
} from '#shared/contracts/calibration.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { mapPersonNamesByIds } from '../identity/people-reads.ts'
import { listAllProgramRows, listProgramSpecialties, toResidencyProgram } from '../residency-programs/program-rows.ts'
import { lockFor, PAST_OUTCOMES_LOCK, type CalibrationRepository } from './calibration.repository.ts'
import { checkPastOutcomesCsv, type CheckedGraduate, type PastOutcomesReject } from './domain/past-outcomes-csv.ts'
import { cannotRecalibrate, recalibrationSteps } from './domain/recalibrate.ts'

/**
 * The school's past outcomes and the recalibration of the list builder's model on them.
 * Imports (admins) replace whole match years in one transaction, after a dry run that writes
 * nothing; a calibration is stored switched off until an admin reviews its report and
 * activates it. Advisors read the past-outcome counts and the reports.
 */
export function createCalibrationService(deps: { db: Database; repo: CalibrationRepository; clock: Clock; audit: AuditService; priors?: SmartPickPriors }) {
  const { db, repo, clock, audit } = deps
  const basePriors = deps.priors ?? DEFAULT_PRIORS

  type StoredRow = NonNullable<Awaited<ReturnType<CalibrationRepository['findCalibrationById']>>>

  function readReport(row: StoredRow): { report: CalibrationReportView; fitMs: number | null } {
    const parsed = CalibrationReportView.safeParse(row.report)
    if (!parsed.success) throw new AppError('NOT_FOUND', 'This calibration was saved by an older version and cannot be shown.')
    const fitMs = (row.report as { fitMs?: unknown }).fitMs
    return { report: parsed.data, fitMs: typeof fitMs === 'number' ? fitMs : null }
  }

  function summaryOf(row: StoredRow, report: CalibrationReportView, names: Map<string, string>): CalibrationSummary {
    return {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdById ? (names.get(row.createdById) ?? null) : null,
      active: row.active,
      years: report.years.all,
      heldOutYears: report.years.heldOut,
      graduates: report.data.graduates,
      interviewBrier: { prior: report.interview.prior.brier, calibrated: report.interview.calibrated.brier },
      matchBrier: { prior: report.match.prior.brier, calibrated: report.match.calibrated.brier },
      warnings: report.warnings.length,
    }
  }

  async function getCalibration(id: string): Promise<CalibrationView> {
    const row = await repo.findCalibrationById(id)
    if (!row) throw new AppError('NOT_FOUND', 'No such calibration.')
    const { report, fitMs } = readReport(row)
    const names = await mapPersonNamesByIds(db, [row.createdById])
    return { ...summaryOf(row, report, names), report, fitMs }
  }

  return {
    async summarisePastOutcomes(): Promise<PastOutcomesSummary> {
      const years = await repo.countByYear()
      return { years: years.map((y) => ({ ...y, importedAt: y.importedAt?.toISOString() ?? null })) }
    },

    /**
     * Checks a past-outcomes CSV and, unless `dryRun`, imports it: every match year in the file
     * replaces that year's stored graduates, in one transaction. A file with any reject writes
     * nothing (VALIDATION_FAILED; a dry run lists every reject).
     */
    async importPastOutcomes(actor: Actor, input: ImportPastOutcomesRequest, meta: RequestMeta): Promise<ImportPastOutcomesResponse> {
      const check = checkPastOutcomesCsv(input.csv, {
        programSpecialties: new Map((await listProgramSpecialties(db)).map((p) => [p.id, p.specialtyId] as const)),
        currentYear: clock.now().getUTCFullYear(),
      })
      const rejects: PastOutcomesReject[] = [...check.rejects]
      let rejectCount = check.rejectCount
      let rejectedRows = check.rejectedRows
      if (check.graduates.length > 0) {
        // A graduate id already stored under a year this file does not replace.
        const elsewhere = await repo.findGraduatesInOtherYears(check.graduates)
        const fileYears = new Set(check.years)
        for (const graduate of check.graduates) {
          const year = elsewhere.get(graduate.graduateId)
          if (year === undefined || fileYears.has(year)) continue
          rejects.push({
            row: graduate.firstRow,
            column: 'graduate_id',
            message: `Graduate ${graduate.graduateId} is already stored for match year ${year}. A graduate who applied again needs another id (e.g. ${graduate.graduateId}-${graduate.matchYear}).`,
          })
          rejectCount++
          rejectedRows++
        }
        rejects.sort((a, b) => a.row - b.row)
      }
      const graduates: readonly CheckedGraduate[] = rejectCount > 0 ? [] : check.graduates
      const stored = new Map((await repo.countByYear()).map((y) => [y.year, y.graduates] as const))
      const years: PastOutcomesYear[] = check.years.map((year) => {
        const of = graduates.filter((g) => g.matchYear === year)
        return {
          year,
          graduates: of.length,
          applications: of.reduce((s, g) => s + g.applications.length, 0),
          interviews: of.reduce((s, g) => s + g.applications.filter((a) => a.interviewed).length, 0),
          matched: of.filter((g) => g.matchedProgramId !== null).length,
          replaces: stored.get(year) ?? 0,
        }
      })
      const response: ImportPastOutcomesResponse = {
        dryRun: input.dryRun,
        imported: false,
        rows: check.rows,
        graduates: graduates.length,
        years: rejectCount > 0 ? [] : years,
        rejects: rejects.slice(0, 1000),
        rejectCount,
        rejectedRows,
        ignoredColumns: check.ignoredColumns,
      }
      if (input.dryRun) return response
      if (rejectCount > 0) {
        const first = rejects[0] as PastOutcomesReject
        throw new AppError(
          'VALIDATION_FAILED',
          `${rejectedRows} row${rejectedRows === 1 ? ' has' : 's have'} problems, so nothing was imported. A dry run lists each one.`,
          { csv: `Row ${first.row}${first.column ? `, column ${first.column}` : ''}: ${first.message}` },
        )
      }
      const now = clock.now()
      await db.transaction(async (tx) => {
        await lockFor(tx, PAST_OUTCOMES_LOCK)
        await repo.replaceYears(tx, check.years, graduates, now)
        await audit.record({ actorId: actor.personId, action: 'past-outcomes.import', objectType: 'match-years', objectId: check.years.join(',') }, meta, tx)
      })
      return { ...response, imported: true }
    },

    /**
     * Fits the model on the stored past outcomes, scores it on the held-out years, and stores
     * the result switched off. On the demo school (5 years × 150 graduates, ~28,000
     * applications) the whole call takes well under a second; see the module README.
     */
    async createCalibration(actor: Actor, input: CreateCalibrationRequest, meta: RequestMeta): Promise<CalibrationView> {
      const graduates = await repo.findAllGraduates()
      const years = [...new Set(graduates.map((g) => g.matchYear))].sort((a, b) => a - b)
      const why = cannotRecalibrate(years)
      if (why) throw new AppError('CONFLICT', why)
      const programs = (await listAllProgramRows(db)).map(toResidencyProgram)
      // The fit runs in steps; waiting requests get through between them.
      const pause = () => new Promise((resolve) => setImmediate(resolve))
      const started = performance.now()
      const steps = recalibrationSteps(graduates, programs, basePriors, input)
      await pause()
      let step = steps.next()
      while (!step.done) {
        await pause()
        step = steps.next()
      }
      const { priors, report } = step.value
      const fitMs = Math.round(performance.now() - started)
      const id = await db.transaction(async (tx) => {
        const created = await repo.insertCalibration({ createdBy: actor.personId, priors, report: { ...report, fitMs }, createdAt: clock.now() }, tx)
        await audit.record({ actorId: actor.personId, action: 'calibration.create', objectType: 'smart-pick-calibration', objectId: created }, meta, tx)
        return created
      })
      return getCalibration(id)
    },

    async listCalibrations(): Promise<CalibrationList> {
      const rows = await repo.findCalibrations()
      const names = await mapPersonNamesByIds(
        db,
        rows.map((r) => r.createdById),
      )
      const items: CalibrationSummary[] = []
      for (const row of rows) {
        const parsed = CalibrationReportView.safeParse(row.report)
        if (parsed.success) items.push(summaryOf(row, parsed.data, names))
      }
      const active = await repo.findActivePriors()
      return { items, activeId: active?.id ?? null }
    },

    getCalibration,

    /** Makes this calibration the one the list builder uses (the others are switched off). */
    async activateCalibration(actor: Actor, id: string, meta: RequestMeta): Promise<CalibrationView> {
      await getCalibration(id)
      await db.transaction(async (tx) => {
        await repo.setActive(tx, id, true)
        await audit.record({ actorId: actor.personId, action: 'calibration.activate', objectType: 'smart-pick-calibration', objectId: id }, meta, tx)
      })
      return getCalibration(id)
    },

    /** Switches this calibration off; with none active the list builder uses the national figures. */
    async deactivateCalibration(actor: Actor, id: string, meta: RequestMeta): Promise<CalibrationView> {
      await getCalibration(id)
      await db.transaction(async (tx) => {
        await repo.setActive(tx, id, false)
        await audit.record({ actorId: actor.personId, action: 'calibration.deactivate', objectType: 'smart-pick-calibration', objectId: id }, meta, tx)
      })
      return getCalibration(id)
    },
  }
}

export type CalibrationService = ReturnType<typeof createCalibrationService>
