import type {
  MatchedHere,
  ProgramDetail,
  ProgramSearchQuery,
  ProgramSearchResult,
  ProgramsImportReport,
  SavedProgramResponse,
} from '#shared/contracts/residency-programs.ts'
import { REGIONS, type Region } from '#engines/smart-pick/index.ts'
import { AppError } from '#shared/errors.ts'
import type { Database } from '#server/db/client.ts'
import type { Clock } from '#server/clock.ts'
import type { Actor, RequestMeta } from '#server/http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { checkProgramsCsv, decodeCsvBytes, OPTIONAL_COLUMNS, writeProgramsCsv, type ProgramsCheck } from './domain/programs-csv.ts'
import type { ResidencyProgramsRepository } from './residency-programs.repository.ts'

type Deps = { db: Database; repo: ResidencyProgramsRepository; clock: Clock; audit: AuditService }

const isStudent = (actor: Actor) => actor.roles.includes('student')

/**
 * The program explorer, program pages, a student's "save to my list", and the programs CSV.
 * Programs are public knowledge inside the school: any signed-in person may browse them. What
 * the school knows about its own graduates is shown as counts, and by name only for graduates
 * who are listed mentors in the directory (who chose to be found).
 */
export function createResidencyProgramsService({ db, repo, clock, audit }: Deps) {
  return {
    async searchPrograms(actor: Actor, query: ProgramSearchQuery): Promise<ProgramSearchResult> {
      if (query.minPositions !== undefined && query.maxPositions !== undefined && query.minPositions > query.maxPositions) {
        throw new AppError('VALIDATION_FAILED', 'The smallest size is larger than the largest.', { minPositions: 'Make this no larger than the largest size.' })
      }
      const studentId = isStudent(actor) ? actor.personId : null
      const { rows, total, byState } = await repo.search(query, studentId)
      const saved = studentId ? await repo.savedStatuses(studentId, rows.map((r) => r.id)) : new Map<string, string>()
      const regionTotals = new Map<Region, number>(REGIONS.map((r) => [r, 0]))
      for (const s of byState) regionTotals.set(s.region, (regionTotals.get(s.region) ?? 0) + s.count)
      return {
        items: rows.map((r) => ({ ...r, savedStatus: saved.get(r.id) ?? null })),
        total,
        page: query.page,
        pageSize: query.pageSize,
        byRegion: REGIONS.map((region) => ({ region, count: regionTotals.get(region) ?? 0 })),
        byState,
        canSave: studentId !== null,
      }
    },

    async getProgram(actor: Actor, programId: string): Promise<ProgramDetail> {
      const found = await repo.findById(programId)
      if (!found) throw new AppError('NOT_FOUND', 'There is no residency program with this id.')
      const { program, specialtyName } = found
      const studentId = isStudent(actor) ? actor.personId : null
      const savedStatus = studentId ? await repo.listStatus(studentId, programId) : null
      return {
        id: program.id,
        name: program.name,
        institution: program.institution,
        specialtyId: program.specialtyId,
        specialtyName,
        track: program.track,
        city: program.city,
        state: program.state,
        region: program.region,
        positions: program.positions,
        setting: program.setting,
        sponsorsVisa: program.sponsorsVisa,
        step2P25: program.step2P25,
        step2P75: program.step2P75,
        lengthYears: program.lengthYears,
        researchEmphasis: program.researchEmphasis,
        competitiveness: program.competitiveness,
        traineesMdPercent: program.traineesMdPercent,
        traineesDoPercent: program.traineesDoPercent,
        traineesImgPercent: program.traineesImgPercent,
        interviewDates: program.interviewDates,
        website: program.website,
        source: program.source,
        updatedAt: program.updatedAt.toISOString(),
        savedStatus,
        canSave: studentId !== null,
        matchedHere: await this.matchedHere(programId),
      }
    },

    async matchedHere(programId: string): Promise<MatchedHere> {
      const [years, alumni, yearsCovered] = [await repo.matchedHereByYear(programId), await repo.matchedHereListedAlumni(programId), await repo.pastMatchYears()]
      return { total: years.reduce((sum, y) => sum + y.count, 0), years, alumni, yearsCovered }
    },

    async saveProgram(actor: Actor, programId: string): Promise<SavedProgramResponse> {
      if (!(await repo.programExists(programId))) throw new AppError('NOT_FOUND', 'There is no residency program with this id.')
      await repo.addToList(actor.personId, programId, clock.now())
      return { programId, savedStatus: await repo.listStatus(actor.personId, programId) }
    },

    async unsaveProgram(actor: Actor, programId: string): Promise<SavedProgramResponse> {
      if (!(await repo.programExists(programId))) throw new AppError('NOT_FOUND', 'There is no residency program with this id.')
      const status = await repo.listStatus(actor.personId, programId)
      if (status !== null && status !== 'considering') {
        throw new AppError('CONFLICT', `This program is on your list as "${status}". Change or remove it on your program list instead, so its history is not lost.`)
      }
      await repo.removeFromList(actor.personId, programId)
      return { programId, savedStatus: null }
    },

    /** Checks (dry run) or imports a programs CSV; accepted rows are written in one transaction, rejected rows not at all. */
    async importPrograms(actor: Actor, bytes: Uint8Array, options: { dryRun: boolean }, meta: RequestMeta | null): Promise<ProgramsImportReport> {
      const decoded = decodeCsvBytes(bytes)
      const check: ProgramsCheck =
        'error' in decoded
          ? { rows: 0, programs: [], rejects: [{ row: 1, column: null, message: decoded.error }], rejectCount: 1, rejectedRows: 1, presentColumns: [], ignoredColumns: [] }
          : checkProgramsCsv(decoded.text)
      const ids = check.programs.map((p) => p.id)
      const report = (existing: Set<string>, imported: boolean): ProgramsImportReport => ({
        dryRun: options.dryRun,
        imported,
        rows: check.rows,
        accepted: check.programs.length,
        created: ids.filter((id) => !existing.has(id)).length,
        updated: ids.filter((id) => existing.has(id)).length,
        rejects: check.rejects,
        rejectCount: check.rejectCount,
        rejectedRows: check.rejectedRows,
        ignoredColumns: check.ignoredColumns,
        missingOptionalColumns: check.rejectedRows > 0 && check.programs.length === 0 && check.rows === 0 ? [] : OPTIONAL_COLUMNS.filter((c) => !check.presentColumns.includes(c)),
      })
      if (options.dryRun || check.programs.length === 0) return report(await repo.existingIds(ids), false)
      return db.transaction(async (tx) => {
        const existing = await repo.existingIds(ids, tx)
        await repo.upsertPrograms(tx, check.programs, check.presentColumns, clock.now())
        const result = report(existing, true)
        await audit.record(
          { actorId: actor.personId, action: 'residency-programs.import', objectType: 'residency-programs', objectId: `created ${result.created}, updated ${result.updated}, rejected rows ${result.rejectedRows}` },
          meta,
          tx,
        )
        return result
      })
    },

    async exportPrograms(specialtyId: string | undefined): Promise<string> {
      const rows = await repo.listForExport(specialtyId)
      return writeProgramsCsv(rows)
    },
  }
}

export type ResidencyProgramsService = ReturnType<typeof createResidencyProgramsService>
