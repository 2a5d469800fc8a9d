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
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { countGraduatesMatchedAtProgramByYear, listLinkedGraduatesMatchedAtProgram, listPastMatchYears } from '../calibration/calibration-reads.ts'
import { listListedPersonIds } from '../directory/listed-people.ts'
import { listPeopleByIds } from '../identity/people-reads.ts'
import { addProgramToStudentList, mapListStatusesOfPrograms, removeConsideredProgramFromStudentList } from '../list-builder/program-list-reads.ts'
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
// Specialty names come from the reference list the specialties table is seeded from (and never
// edited through the app), so a search needs no join to profiles' table.
const SPECIALTY_NAMES = new Map(SPECIALTIES.map((s) => [s.id, s.name]))
const specialtyName = (id: string) => SPECIALTY_NAMES.get(id) ?? id

export function createResidencyProgramsService({ db, repo, clock, audit }: Deps) {
  async function listStatusOf(studentId: string, programId: string): Promise<string | null> {
    return (await mapListStatusesOfPrograms(db, studentId, [programId])).get(programId) ?? null
  }

  /** Graduates who matched at the program and are listed, active mentors now: name and year only. */
  async function listedAlumniMatchedAt(programId: string): Promise<{ personId: string; name: string; matchYear: number }[]> {
    const graduates = await listLinkedGraduatesMatchedAtProgram(db, programId)
    const ids = graduates.map((g) => g.personId)
    const [listed, people] = await Promise.all([listListedPersonIds(db, ids), listPeopleByIds(db, ids)])
    const active = new Map(people.filter((p) => p.status === 'active').map((p) => [p.id, p.name]))
    return graduates
      .flatMap((g) => {
        const name = active.get(g.personId)
        return name !== undefined && listed.has(g.personId) ? [{ personId: g.personId, name, matchYear: g.matchYear }] : []
      })
      .sort((a, b) => b.matchYear - a.matchYear || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  }

  return {
    async searchPrograms(actor: Actor, query: ProgramSearchQuery): Promise<ProgramSearchResult> {
      if (query.minPositions !== undefined && query.maxPositions !== undefined && query.minPositions > query.maxPositions) {
        throw new AppError('VALIDATION_FAILED', 'The smallest size is larger than the largest.', { minPositions: 'Make this no larger than the largest size.' })
      }
      const studentId = isStudent(actor) ? actor.personId : null
      const { rows, total, byState } = await repo.search(query, studentId)
      const saved = studentId
        ? await mapListStatusesOfPrograms(
            db,
            studentId,
            rows.map((r) => r.id),
          )
        : new Map<string, string>()
      const regionTotals = new Map<Region, number>(REGIONS.map((r) => [r, 0]))
      for (const s of byState) regionTotals.set(s.region, (regionTotals.get(s.region) ?? 0) + s.count)
      return {
        items: rows.map((r) => ({ ...r, specialtyName: specialtyName(r.specialtyId), savedStatus: saved.get(r.id) ?? null })),
        total,
        page: query.page,
        pageSize: query.pageSize,
        byRegion: REGIONS.map((region) => ({ region, count: regionTotals.get(region) ?? 0 })),
        byState,
        canSave: studentId !== null,
      }
    },

    async getProgram(actor: Actor, programId: string): Promise<ProgramDetail> {
      const program = await repo.findById(programId)
      if (!program) throw new AppError('NOT_FOUND', 'There is no residency program with this id.')
      const studentId = isStudent(actor) ? actor.personId : null
      const savedStatus = studentId ? await listStatusOf(studentId, programId) : null
      return {
        id: program.id,
        name: program.name,
        institution: program.institution,
        specialtyId: program.specialtyId,
        specialtyName: specialtyName(program.specialtyId),
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
      const [years, alumni, yearsCovered] = [
        await countGraduatesMatchedAtProgramByYear(db, programId),
        await listedAlumniMatchedAt(programId),
        await listPastMatchYears(db),
      ]
      return { total: years.reduce((sum, y) => sum + y.count, 0), years, alumni, yearsCovered }
    },

    async saveProgram(actor: Actor, programId: string): Promise<SavedProgramResponse> {
      if (!(await repo.programExists(programId))) throw new AppError('NOT_FOUND', 'There is no residency program with this id.')
      await addProgramToStudentList(db, actor.personId, programId, clock.now())
      return { programId, savedStatus: await listStatusOf(actor.personId, programId) }
    },

    async unsaveProgram(actor: Actor, programId: string): Promise<SavedProgramResponse> {
      if (!(await repo.programExists(programId))) throw new AppError('NOT_FOUND', 'There is no residency program with this id.')
      const status = await listStatusOf(actor.personId, programId)
      if (status !== null && status !== 'considering') {
        throw new AppError(
          'CONFLICT',
          `This program is on your list as "${status}". Change or remove it on your program list instead, so its history is not lost.`,
        )
      }
      await removeConsideredProgramFromStudentList(db, actor.personId, programId)
      return { programId, savedStatus: null }
    },

    /** Checks (dry run) or imports a programs CSV; accepted rows are written in one transaction, rejected rows not at all. */
    async importPrograms(actor: Actor, bytes: Uint8Array, options: { dryRun: boolean }, meta: RequestMeta | null): Promise<ProgramsImportReport> {
      const decoded = decodeCsvBytes(bytes)
      const check: ProgramsCheck =
        'error' in decoded
          ? {
              rows: 0,
              programs: [],
              rejects: [{ row: 1, column: null, message: decoded.error }],
              rejectCount: 1,
              rejectedRows: 1,
              presentColumns: [],
              ignoredColumns: [],
            }
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
        missingOptionalColumns:
          check.rejectedRows > 0 && check.programs.length === 0 && check.rows === 0 ? [] : OPTIONAL_COLUMNS.filter((c) => !check.presentColumns.includes(c)),
      })
      if (options.dryRun || check.programs.length === 0) return report(await repo.existingIds(ids), false)
      return db.transaction(async (tx) => {
        const existing = await repo.existingIds(ids, tx)
        await repo.upsertPrograms(tx, check.programs, check.presentColumns, clock.now())
        const result = report(existing, true)
        await audit.record(
          {
            actorId: actor.personId,
            action: 'residency-programs.import',
            objectType: 'residency-programs',
            objectId: `created ${result.created}, updated ${result.updated}, rejected rows ${result.rejectedRows}`,
          },
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
