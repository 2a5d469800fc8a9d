import { and, count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PRIORS, generatePrograms, type ResidencyProgram } from '#engines/smart-pick/index.ts'
import { auditLog, pastApplicants, residencyPrograms, studentProgramLists } from '#server/db/schema/index.ts'
import { regionOfState } from '#shared/reference/regions.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { EXPORT_COLUMNS } from './domain/programs-csv.ts'

let t: TestApp
const cookies: Record<'student' | 'mentor' | 'advisor' | 'admin', string> = { student: '', mentor: '', advisor: '', admin: '' }
let studentId = ''

/** ~330 programs of three specialties, straight into the table. */
function programRows() {
  const out: (typeof residencyPrograms.$inferInsert)[] = []
  for (const [specialty, count] of [
    ['internal-medicine', 200],
    ['dermatology', 60],
    ['family-medicine', 70],
  ] as const) {
    const programs: ResidencyProgram[] = generatePrograms({ specialty, count, seed: specialty, priors: DEFAULT_PRIORS })
    programs.forEach((p, i) => {
      const state = p.state === 'PR' ? 'FL' : p.state
      out.push({
        id: p.id,
        name: `${i % 7 === 0 ? 'Lakeside' : 'Hillcrest'} ${p.name}`,
        institution: i % 5 === 0 ? 'Mercy 100% Health_Partners' : `Institution ${i}`,
        specialtyId: specialty,
        track: i % 9 === 0 ? 'preliminary' : 'categorical',
        city: i % 3 === 0 ? 'Springfield' : 'Riverton',
        state,
        region: regionOfState(state) ?? 'south',
        positions: p.positions,
        setting: p.setting,
        sponsorsVisa: p.sponsorsVisa,
        step2P25: p.step2Range.p25,
        step2P75: p.step2Range.p75,
        researchEmphasis: p.researchEmphasis,
        competitiveness: p.competitiveness,
        interviewDates: i % 2 === 0 ? ['2026-10-14', '2026-11-02'] : [],
        source: 'demo',
      })
    })
  }
  return out
}

const csv = (lines: string[]) => `${lines.join('\n')}\n`
const HEADER = 'id,name,specialty,track,state,positions,setting,step2_p25,step2_p75,city,interview_dates'
const post = (path: string, body: string | Uint8Array, cookie = cookies.admin, type = 'text/csv') =>
  t.request('POST', path, { cookie, rawBody: body as BodyInit, headers: { 'content-type': type } })

beforeAll(async () => {
  t = await createTestApp()
  await t.db.insert(residencyPrograms).values(programRows())
  for (const role of ['student', 'mentor', 'advisor', 'admin'] as const) {
    const { person, cookie } = await t.signedInAs([role])
    cookies[role] = cookie
    if (role === 'student') studentId = person.id
  }
})

afterAll(async () => {
  await t?.close()
})

describe('programs CSV import', () => {
  it('checks a file row by row, naming the row, the column and what is wrong, and writes nothing on a check', async () => {
    const file = csv([
      HEADER,
      'NEW-001,Good Program,internal-medicine,categorical,OH,10,academic,240,252,Columbus,2026-10-01;2026-11-05',
      'NEW-002,Bad Number,internal-medicine,categorical,OH,ten,academic,240,252,Columbus,',
      'NEW-003,Unknown Specialty,astrology,categorical,OH,10,academic,240,252,Columbus,',
      'NEW-004,Swapped,internal-medicine,categorical,OH,10,academic,255,240,Columbus,',
      'NEW-005,Twice A,pediatrics,categorical,NY,8,community,230,240,Albany,',
      'NEW-005,Twice B,pediatrics,categorical,NY,8,community,230,240,Albany,',
      'NEW-006,Short Row,pediatrics,categorical,NY',
      'NEW-007,Bad Date,pediatrics,categorical,NY,8,community,230,240,Albany,2026-02-30',
      'NEW-008,=SUM(A1),pediatrics,categorical,NY,8,community,230,240,Albany,',
      '',
      'NEW-009,"Quoted, With Comma",Pediatrics,C,ny,8,University affiliated,230,240,"Albany, NY",',
    ])
    const check = await post('/api/residency-programs/import/check', file)
    expect(check.status).toBe(200)
    const r = check.json
    expect(r).toMatchObject({ dryRun: true, imported: false, rows: 10, accepted: 2, created: 2, updated: 0, rejectedRows: 8 })
    const at = (row: number) => r.rejects.filter((x: { row: number }) => x.row === row)
    expect(at(3)[0]).toMatchObject({ column: 'positions' })
    expect(at(3)[0].message).toMatch(/not a whole number/)
    expect(at(4)[0]).toMatchObject({ column: 'specialty' })
    expect(at(4)[0].message).toMatch(/Unknown specialty "astrology"/)
    expect(at(5)[0]).toMatchObject({ column: 'step2_p25' })
    expect(at(5)[0].message).toMatch(/above the 75th/)
    expect(at(6)[0]).toMatchObject({ column: 'id' })
    expect(at(6)[0].message).toMatch(/also on row 7/)
    expect(at(7)[0].message).toMatch(/also on row 6/)
    expect(at(8)[0]).toMatchObject({ column: null })
    expect(at(8)[0].message).toMatch(/header has 11 columns/)
    expect(at(9)[0]).toMatchObject({ column: 'interview_dates' })
    expect(at(10)[0]).toMatchObject({ column: 'name' })
    expect(at(10)[0].message).toMatch(/formula/)
    expect(r.missingOptionalColumns).toContain('website')
    expect((await t.db.select({ n: count() }).from(residencyPrograms).where(sql`${residencyPrograms.id} like 'NEW-%'`))[0]?.n).toBe(0)

    const auditBefore = (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'residency-programs.import')))[0]?.n ?? 0
    const imported = await post('/api/residency-programs/import', file)
    expect(imported.json).toMatchObject({ dryRun: false, imported: true, accepted: 2, created: 2, rejectedRows: 8 })
    const stored = await t.db.select().from(residencyPrograms).where(sql`${residencyPrograms.id} like 'NEW-%'`).orderBy(residencyPrograms.id)
    expect(stored.map((p) => p.id)).toEqual(['NEW-001', 'NEW-009'])
    expect(stored[0]).toMatchObject({ interviewDates: ['2026-10-01', '2026-11-05'], region: 'midwest', source: 'import', website: '' })
    expect(stored[1]).toMatchObject({
      name: 'Quoted, With Comma',
      specialtyId: 'pediatrics',
      track: 'categorical',
      state: 'NY',
      setting: 'university-affiliated',
      city: 'Albany, NY',
    })
    const auditAfter = (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'residency-programs.import')))[0]?.n ?? 0
    expect(auditAfter).toBe(auditBefore + 1)
  })

  it('updates by id and keeps stored values for optional columns the file lacks', async () => {
    await t.db.update(residencyPrograms).set({ website: 'https://example.org/im', researchEmphasis: 0.9 }).where(eq(residencyPrograms.id, 'NEW-001'))
    const r = await post(
      '/api/residency-programs/import',
      csv([
        'id,name,specialty,track,state,positions,setting,step2_p25,step2_p75',
        'NEW-001,Renamed Program,internal-medicine,categorical,OH,12,academic,241,253',
      ]),
    )
    expect(r.json).toMatchObject({ accepted: 1, created: 0, updated: 1, rejectCount: 0 })
    const [row] = await t.db.select().from(residencyPrograms).where(eq(residencyPrograms.id, 'NEW-001'))
    expect(row).toMatchObject({ name: 'Renamed Program', positions: 12, website: 'https://example.org/im', researchEmphasis: 0.9, city: 'Columbus' })
  })

  it('names missing columns and refuses empty, non-UTF-8 and UTF-16 files; accepts a UTF-8 byte-order mark', async () => {
    const missing = await post(
      '/api/residency-programs/import/check',
      csv(['id,name,specialty,track,state,positions,setting,step2_p25', 'X1,A,pediatrics,categorical,OH,1,academic,230']),
    )
    expect(missing.json.rejects).toEqual([expect.objectContaining({ row: 1, column: 'step2_p75', message: expect.stringMatching(/missing/) })])
    expect(missing.json.accepted).toBe(0)

    const good = csv([HEADER, 'BOM-1,Café Program,pediatrics,categorical,OH,4,community,230,240,Dayton,'])
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(good)])
    const bom = await post('/api/residency-programs/import/check', withBom)
    expect(bom.json).toMatchObject({ accepted: 1, rejectCount: 0 })

    // "Café" saved as Windows-1252: é is the single byte 0xE9.
    const [head, tail] = good.split('é') as [string, string]
    const legacy = new Uint8Array([...new TextEncoder().encode(head), 0xe9, ...new TextEncoder().encode(tail)])
    const notUtf8 = await post('/api/residency-programs/import/check', legacy)
    expect(notUtf8.json.rejects[0]).toMatchObject({ row: 1, column: null, message: expect.stringMatching(/not UTF-8/) })

    const utf16 = new Uint8Array([0xff, 0xfe, ...[...good].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])])
    const sixteen = await post('/api/residency-programs/import/check', utf16)
    expect(sixteen.json.rejects[0].message).toMatch(/UTF-16/)

    const empty = await post('/api/residency-programs/import/check', '')
    expect(empty.status).toBe(400)
    expect(empty.json.error.fields).toHaveProperty('file')
    const headerOnly = await post('/api/residency-programs/import/check', csv([HEADER]))
    expect(headerOnly.json.rejects[0].message).toMatch(/no program rows/)
    const wrongType = await post('/api/residency-programs/import/check', good, cookies.admin, 'application/json')
    expect(wrongType.status).toBe(415)
  })

  it('refuses a file over the size limit (413) and one with too many rows, writing nothing', async () => {
    const row = 'BIG-0,A Program,pediatrics,categorical,OH,4,community,230,240,Dayton,'
    const huge = `${HEADER}\n${`${row.padEnd(200, ' ')}\n`.repeat(27_000)}`
    const tooBig = await post('/api/residency-programs/import', huge)
    expect(tooBig.status).toBe(413)
    expect(tooBig.json.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: { file: expect.any(String) } })
    const many = csv([HEADER, ...Array.from({ length: 20_001 }, (_, i) => `MANY-${i},P,pediatrics,categorical,OH,4,community,230,240,,`)])
    const tooMany = await post('/api/residency-programs/import', many)
    expect(tooMany.json).toMatchObject({ imported: false, accepted: 0 })
    expect(tooMany.json.rejects[0].message).toMatch(/at most 20,000/)
    expect(
      (await t.db.select({ n: count() }).from(residencyPrograms).where(sql`${residencyPrograms.id} like 'MANY-%' or ${residencyPrograms.id} like 'BIG-%'`))[0]
        ?.n,
    ).toBe(0)
  })

  it('exports every program in the import format, and importing the export changes nothing', async () => {
    const first = await t.request('GET', '/api/residency-programs/export.csv', { cookie: cookies.advisor })
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toMatch(/text\/csv/)
    expect(first.text.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','))
    const total = (await t.db.select({ n: count() }).from(residencyPrograms))[0]?.n ?? 0
    expect(first.text.trim().split('\r\n')).toHaveLength(total + 1)
    const before = await t.db.select().from(residencyPrograms).orderBy(residencyPrograms.id)
    const again = await post('/api/residency-programs/import', first.text)
    expect(again.json).toMatchObject({ rejectCount: 0, accepted: total, created: 0, updated: total, missingOptionalColumns: [] })
    const after = await t.db.select().from(residencyPrograms).orderBy(residencyPrograms.id)
    const strip = (rows: typeof before) => rows.map(({ updatedAt: _u, createdAt: _c, source: _s, ...rest }) => rest)
    expect(strip(after)).toEqual(strip(before))
    const second = await t.request('GET', '/api/residency-programs/export.csv', { cookie: cookies.admin })
    expect(second.text).toBe(first.text)
    const derm = await t.request('GET', '/api/residency-programs/export.csv?specialty=dermatology', { cookie: cookies.admin })
    expect(derm.text.trim().split('\r\n')).toHaveLength(61)
  })
})

describe('explorer search', () => {
  /** The same filters written independently in SQL. */
  async function sqlCount(where: string): Promise<number> {
    const result = await t.db.execute(sql.raw(`select count(*)::int as n from residency_programs where ${where}`))
    return Number(((result as unknown as { rows: { n: number }[] }).rows[0] as { n: number }).n)
  }

  const cases: [string, string][] = [
    ['', 'true'],
    ['specialty=dermatology', "specialty_id = 'dermatology'"],
    ['specialty=internal-medicine&track=preliminary', "specialty_id = 'internal-medicine' and track = 'preliminary'"],
    ['region=west&visa=yes', "region = 'west' and sponsors_visa"],
    ['state=ny&setting=community', "state = 'NY' and setting = 'community'"],
    ['minPositions=10&maxPositions=20', 'positions between 10 and 20'],
    ['step2=245&step2Fit=within', 'step2_p25 <= 245 and step2_p75 >= 245'],
    ['step2=245', 'step2_p25 <= 245'],
    ['step2=245&step2Fit=below', 'step2_p25 > 245'],
    ['q=springfield', "name ilike '%springfield%' or institution ilike '%springfield%' or city ilike '%springfield%'"],
    [
      'q=lakeside%20university',
      "(name ilike '%lakeside%' or institution ilike '%lakeside%' or city ilike '%lakeside%') and (name ilike '%university%' or institution ilike '%university%' or city ilike '%university%')",
    ],
    ['q=100%25', "institution like '%100\\%%'"],
    ['q=health_partners', "institution ilike '%health\\_partners%'"],
    // Every word anywhere: a city and a specialty in one box, and a state code.
    [
      'q=springfield%20pediatrics',
      "(name ilike '%springfield%' or institution ilike '%springfield%' or city ilike '%springfield%') and (name ilike '%pediatrics%' or institution ilike '%pediatrics%' or city ilike '%pediatrics%' or specialty_id in ('internal-medicine-pediatrics', 'pediatrics'))",
    ],
    ['q=oh', "name ilike '%oh%' or institution ilike '%oh%' or city ilike '%oh%' or state = 'OH'"],
  ]

  it.each(cases)('?%s: the total and the region counts equal SQL counts', async (query, where) => {
    const r = await t.request('GET', `/api/residency-programs?${query}&pageSize=5`, { cookie: cookies.mentor })
    expect(r.status).toBe(200)
    expect(r.json.total).toBe(await sqlCount(where))
    expect(r.json.items.length).toBe(Math.min(5, r.json.total))
    const withoutPlace = where.replace(/region = 'west' and /, '').replace(/state = 'NY' and /, '')
    for (const { region, count: n } of r.json.byRegion as { region: string; count: number }[])
      expect(n, region).toBe(await sqlCount(`(${withoutPlace}) and region = '${region}'`))
    const stateSum = (r.json.byState as { count: number }[]).reduce((a, b) => a + b.count, 0)
    expect(stateSum).toBe(await sqlCount(withoutPlace))
  })

  it('pages without gaps or repeats, sorted as asked', async () => {
    const seen = new Set<string>()
    for (let page = 1; page <= 3; page++) {
      const r = await t.request('GET', `/api/residency-programs?specialty=dermatology&sort=step2&pageSize=25&page=${page}`, { cookie: cookies.student })
      for (const item of r.json.items) seen.add(item.id)
      const mids = r.json.items.map((i: { step2P25: number; step2P75: number }) => i.step2P25 + i.step2P75)
      expect(mids).toEqual([...mids].sort((a, b) => b - a))
    }
    expect(seen.size).toBe(60)
  })

  it('explains bad filters field by field instead of failing', async () => {
    const bad = await t.request('GET', '/api/residency-programs?step2=abc&region=mars&pageSize=1000', { cookie: cookies.student })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['pageSize', 'region', 'step2'])
    const range = await t.request('GET', '/api/residency-programs?minPositions=20&maxPositions=10', { cookie: cookies.student })
    expect(range.status).toBe(400)
    expect(range.json.error.fields).toHaveProperty('minPositions')
  })
})

describe('save to my list', () => {
  it('adds as considering, once; shows it in search and on the page; removes it while only considering', async () => {
    const id = 'dermatology-0001'
    const saved = await t.request('PUT', `/api/residency-programs/${id}/saved`, { cookie: cookies.student })
    expect(saved.json).toEqual({ programId: id, savedStatus: 'considering' })
    await t.request('PUT', `/api/residency-programs/${id}/saved`, { cookie: cookies.student })
    expect((await t.db.select({ n: count() }).from(studentProgramLists).where(eq(studentProgramLists.studentId, studentId)))[0]?.n).toBe(1)
    const page = await t.request('GET', `/api/residency-programs/${id}`, { cookie: cookies.student })
    expect(page.json).toMatchObject({ savedStatus: 'considering', canSave: true })
    const onlySaved = await t.request('GET', '/api/residency-programs?saved=yes', { cookie: cookies.student })
    expect(onlySaved.json.items.map((i: { id: string }) => i.id)).toEqual([id])
    const asMentor = await t.request('GET', `/api/residency-programs/${id}`, { cookie: cookies.mentor })
    expect(asMentor.json).toMatchObject({ savedStatus: null, canSave: false })

    await t.db
      .update(studentProgramLists)
      .set({ status: 'applied' })
      .where(and(eq(studentProgramLists.studentId, studentId), eq(studentProgramLists.programId, id)))
    const kept = await t.request('DELETE', `/api/residency-programs/${id}/saved`, { cookie: cookies.student })
    expect(kept.status).toBe(409)
    expect(kept.json.error.message).toMatch(/applied/)
    await t.db.update(studentProgramLists).set({ status: 'considering' }).where(eq(studentProgramLists.studentId, studentId))
    const removed = await t.request('DELETE', `/api/residency-programs/${id}/saved`, { cookie: cookies.student })
    expect(removed.json).toEqual({ programId: id, savedStatus: null })
    expect((await t.db.select({ n: count() }).from(studentProgramLists).where(eq(studentProgramLists.studentId, studentId)))[0]?.n).toBe(0)

    expect((await t.request('PUT', '/api/residency-programs/no-such-program/saved', { cookie: cookies.student })).status).toBe(404)
    expect((await t.request('GET', '/api/residency-programs/no-such-program', { cookie: cookies.student })).status).toBe(404)
  })
})

describe('students from our school who matched here', () => {
  it('counts graduates by year and names only active, listed alumni mentors — never scores', async () => {
    const programId = 'internal-medicine-0001'
    const listed = await t.insertAccount(['mentor'], { name: 'Alma Listed', mentor: { kind: 'alumni', graduationYear: 2024 } })
    const held = await t.insertAccount(['mentor'], { name: 'Hana Held', directoryHold: true, mentor: { kind: 'alumni', graduationYear: 2024 } })
    const disabled = await t.insertAccount(['mentor'], { name: 'Dana Disabled', status: 'disabled', mentor: { kind: 'alumni', graduationYear: 2023 } })
    const base = { applicantType: 'us-md' as const, specialtyId: 'internal-medicine', matchedProgramId: programId }
    await t.db.insert(pastApplicants).values([
      { ...base, externalId: 'g-1', matchYear: 2024, personId: listed.id, step2: 263 },
      { ...base, externalId: 'g-2', matchYear: 2024, personId: held.id, step2: 251 },
      { ...base, externalId: 'g-3', matchYear: 2023, personId: disabled.id, step2: 247 },
      { ...base, externalId: 'g-4', matchYear: 2023, personId: null, step2: 239 },
      { ...base, externalId: 'g-5', matchYear: 2022, personId: null, step2: 244, matchedProgramId: 'internal-medicine-0002' },
    ])
    for (const role of ['student', 'mentor', 'advisor', 'admin'] as const) {
      const r = await t.request('GET', `/api/residency-programs/${programId}`, { cookie: cookies[role] })
      expect(r.status).toBe(200)
      expect(r.json.matchedHere).toEqual({
        total: 4,
        years: [
          { year: 2024, count: 2 },
          { year: 2023, count: 2 },
        ],
        alumni: [{ personId: listed.id, name: 'Alma Listed', matchYear: 2024 }],
        yearsCovered: [2024, 2023, 2022],
      })
      expect(r.text).not.toMatch(/Hana|Dana|g-1|us-md|step2":2[0-9]{2}[,}].*step2/)
    }
  })
})

describe('who may call what', () => {
  it('refuses import to everyone but admins, export to students and mentors, saving to non-students', async () => {
    const file = csv([HEADER, 'AUTH-1,P,pediatrics,categorical,OH,4,community,230,240,,'])
    for (const role of ['student', 'mentor', 'advisor'] as const) {
      expect((await post('/api/residency-programs/import', file, cookies[role])).status).toBe(403)
      expect((await post('/api/residency-programs/import/check', file, cookies[role])).status).toBe(403)
    }
    expect((await post('/api/residency-programs/import', file, '')).status).toBe(401)
    for (const role of ['student', 'mentor'] as const)
      expect((await t.request('GET', '/api/residency-programs/export.csv', { cookie: cookies[role] })).status).toBe(403)
    for (const role of ['mentor', 'advisor', 'admin'] as const) {
      expect((await t.request('PUT', '/api/residency-programs/dermatology-0002/saved', { cookie: cookies[role] })).status).toBe(403)
    }
    expect((await t.request('GET', '/api/residency-programs', {})).status).toBe(401)
    expect((await t.db.select({ n: count() }).from(residencyPrograms).where(eq(residencyPrograms.id, 'AUTH-1')))[0]?.n).toBe(0)
  })
})
