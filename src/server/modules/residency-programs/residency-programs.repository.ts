import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm'
import type { ProgramSearchQuery } from '#shared/contracts/residency-programs.ts'
import { programSearchWords } from '#shared/search/program-search-words.ts'
import type { Database } from '#server/db/client.ts'
import { residencyPrograms } from '#server/db/schema/index.ts'
import { isOnStudentListCondition } from '../list-builder/program-list-reads.ts'
import type { CheckedProgram, OptionalColumn } from './domain/programs-csv.ts'

type Writer = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>

export type SearchFilters = Omit<ProgramSearchQuery, 'page' | 'pageSize' | 'sort'>

/** Every filter as SQL; `withPlace: false` leaves out region and state (for the region view's counts). */
export function programConditions(filters: SearchFilters, studentId: string | null, withPlace = true): SQL | undefined {
  const p = residencyPrograms
  const conditions: (SQL | undefined)[] = []
  // Every word somewhere on the program: name, hospital, city, state or specialty.
  for (const w of programSearchWords(filters.q ?? '')) {
    conditions.push(
      or(
        ilike(p.name, w.pattern),
        ilike(p.institution, w.pattern),
        ilike(p.city, w.pattern),
        w.state ? eq(p.state, w.state) : undefined,
        w.specialtyIds.length > 0 ? inArray(p.specialtyId, w.specialtyIds) : undefined,
      ),
    )
  }
  if (filters.specialty) conditions.push(eq(p.specialtyId, filters.specialty))
  if (filters.track) conditions.push(eq(p.track, filters.track))
  if (withPlace && filters.region) conditions.push(eq(p.region, filters.region))
  if (withPlace && filters.state) conditions.push(eq(p.state, filters.state))
  if (filters.setting) conditions.push(eq(p.setting, filters.setting))
  if (filters.visa) conditions.push(eq(p.sponsorsVisa, filters.visa === 'yes'))
  if (filters.minPositions !== undefined) conditions.push(gte(p.positions, filters.minPositions))
  if (filters.maxPositions !== undefined) conditions.push(lte(p.positions, filters.maxPositions))
  if (filters.step2 !== undefined) {
    const fit = filters.step2Fit ?? 'at-or-above'
    if (fit === 'within') conditions.push(and(lte(p.step2P25, filters.step2), gte(p.step2P75, filters.step2)))
    else if (fit === 'at-or-above') conditions.push(lte(p.step2P25, filters.step2))
    else conditions.push(sql`${p.step2P25} > ${filters.step2}`)
  }
  if (filters.saved && studentId) {
    const onList = isOnStudentListCondition(p.id, studentId)
    conditions.push(filters.saved === 'yes' ? onList : sql`not ${onList}`)
  }
  return and(...conditions)
}

const summaryColumns = {
  id: residencyPrograms.id,
  name: residencyPrograms.name,
  institution: residencyPrograms.institution,
  specialtyId: residencyPrograms.specialtyId,
  track: residencyPrograms.track,
  city: residencyPrograms.city,
  state: residencyPrograms.state,
  region: residencyPrograms.region,
  positions: residencyPrograms.positions,
  setting: residencyPrograms.setting,
  sponsorsVisa: residencyPrograms.sponsorsVisa,
  step2P25: residencyPrograms.step2P25,
  step2P75: residencyPrograms.step2P75,
}

export function createResidencyProgramsRepository(db: Database) {
  return {
    async search(query: ProgramSearchQuery, studentId: string | null) {
      const where = programConditions(query, studentId)
      const p = residencyPrograms
      const order =
        query.sort === 'positions'
          ? [desc(p.positions), asc(p.name)]
          : query.sort === 'step2'
            ? [desc(sql`${p.step2P25} + ${p.step2P75}`), asc(p.name)]
            : query.sort === 'state'
              ? [asc(p.state), asc(p.city), asc(p.name)]
              : [asc(p.name), asc(p.id)]
      const rows = await db
        .select(summaryColumns)
        .from(p)
        .where(where)
        .orderBy(...order)
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
      const [total] = await db.select({ n: count() }).from(p).where(where)
      const byState = await db
        .select({ state: p.state, region: p.region, count: count() })
        .from(p)
        .where(programConditions(query, studentId, false))
        .groupBy(p.state, p.region)
        .orderBy(asc(p.state))
      return { rows, total: total?.n ?? 0, byState }
    },

    async findById(id: string) {
      const [row] = await db.select().from(residencyPrograms).where(eq(residencyPrograms.id, id))
      return row ?? null
    },

    async existingIds(ids: readonly string[], writer: Writer = db): Promise<Set<string>> {
      const found = new Set<string>()
      for (let i = 0; i < ids.length; i += 5_000) {
        const rows = await writer
          .select({ id: residencyPrograms.id })
          .from(residencyPrograms)
          .where(inArray(residencyPrograms.id, ids.slice(i, i + 5_000)))
        for (const r of rows) found.add(r.id)
      }
      return found
    },

    /**
     * Inserts new programs and updates stored ones by id. Optional columns the file does not
     * have keep their stored values (and take the table's defaults on new rows).
     */
    async upsertPrograms(writer: Writer, programs: readonly CheckedProgram[], presentColumns: readonly OptionalColumn[], now: Date): Promise<void> {
      const present = new Set(presentColumns)
      const p = residencyPrograms
      const set: Record<string, SQL> = {
        name: sql`excluded.name`,
        specialtyId: sql`excluded.specialty_id`,
        track: sql`excluded.track`,
        state: sql`excluded.state`,
        region: sql`excluded.region`,
        positions: sql`excluded.positions`,
        setting: sql`excluded.setting`,
        step2P25: sql`excluded.step2_p25`,
        step2P75: sql`excluded.step2_p75`,
        source: sql`excluded.source`,
        updatedAt: sql`excluded.updated_at`,
      }
      const optional: [OptionalColumn, string, string][] = [
        ['institution', 'institution', 'institution'],
        ['city', 'city', 'city'],
        ['length_years', 'lengthYears', 'length_years'],
        ['sponsors_visa', 'sponsorsVisa', 'sponsors_visa'],
        ['research_emphasis', 'researchEmphasis', 'research_emphasis'],
        ['competitiveness', 'competitiveness', 'competitiveness'],
        ['trainees_md_percent', 'traineesMdPercent', 'trainees_md_percent'],
        ['trainees_do_percent', 'traineesDoPercent', 'trainees_do_percent'],
        ['trainees_img_percent', 'traineesImgPercent', 'trainees_img_percent'],
        ['interview_dates', 'interviewDates', 'interview_dates'],
        ['website', 'website', 'website'],
      ]
      for (const [column, key, sqlName] of optional) if (present.has(column)) set[key] = sql.raw(`excluded.${sqlName}`)
      for (let i = 0; i < programs.length; i += 1_000) {
        const batch = programs
          .slice(i, i + 1_000)
          .map(({ row: _row, ...program }) => ({ ...program, source: 'import' as const, createdAt: now, updatedAt: now }))
        await writer.insert(p).values(batch).onConflictDoUpdate({ target: p.id, set })
      }
    },

    async listForExport(specialtyId: string | undefined) {
      return db
        .select()
        .from(residencyPrograms)
        .where(specialtyId ? eq(residencyPrograms.specialtyId, specialtyId) : undefined)
        .orderBy(asc(residencyPrograms.specialtyId), asc(residencyPrograms.track), asc(residencyPrograms.id))
    },

    async programExists(id: string): Promise<boolean> {
      const [row] = await db.select({ id: residencyPrograms.id }).from(residencyPrograms).where(eq(residencyPrograms.id, id))
      return row !== undefined
    },
  }
}

export type ResidencyProgramsRepository = ReturnType<typeof createResidencyProgramsRepository>
