import { and, eq, like } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, mentorships, outbox } from '#server/db/schema/index.ts'
import type { RecommendMentor, RecommendStudent } from '#engines/recommend/index.ts'
import { CLASS_YEARS, MENTOR_KINDS } from '#shared/enums.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { findViolations, pairKey } from './domain/program-rules.ts'
import { runPairing } from './domain/run-pairing.ts'

let t: TestApp
let admin: string
let advisor: string
let serial = 0

beforeAll(async () => {
  t = await createTestApp()
  admin = (await t.signedInAs(['admin'])).cookie
  advisor = (await t.signedInAs(['advisor'])).cookie
})
afterAll(async () => {
  await t?.close()
})

async function student(name: string, classYear: (typeof CLASS_YEARS)[number] = 'M1', specialty = 'dermatology') {
  serial++
  const person = await t.insertAccount(['student'], {
    name,
    email: `student${serial}@programs.test`,
    student: { classYear, specialtyInterests: [specialty], helpWanted: ['career-advice'] },
  })
  return { id: person.id, email: person.email, name, cookie: await t.sessionCookie(person.id) }
}

async function mentor(name: string, capacity = 2, specialty = 'dermatology') {
  serial++
  const person = await t.insertAccount(['mentor'], {
    name,
    email: `mentor${serial}@programs.test`,
    mentor: {
      kind: 'faculty',
      specialtyId: specialty,
      departmentId: specialty === 'dermatology' ? 'dermatology' : null,
      capacity,
      accepting: true,
      offers: ['career-advice'],
    },
  })
  return { id: person.id, email: person.email, name, cookie: await t.sessionCookie(person.id) }
}

type Person = Awaited<ReturnType<typeof student>>

async function createProgram(body: Record<string, unknown>) {
  const response = await t.request('POST', '/api/mentor-programs', {
    cookie: admin,
    body: { name: `Program ${++serial}`, pairingMethod: 'max-fit', maxPerMentor: 3, ...body },
  })
  expect(response.status, JSON.stringify(response.json)).toBe(201)
  return response.json as { id: string; status: string; students: { id: string }[]; mentors: { id: string; seats: number }[] }
}

const draftOf = async (id: string, cookie = admin) =>
  (await t.request('GET', `/api/mentor-programs/${id}/draft`, { cookie })).json as {
    pairs: {
      student: { id: string }
      mentor: { id: string } | null
      fit: number | null
      reasons: string[]
      source: string
      unpairedBecause: string | null
      studentRank: number | null
    }[]
    mentors: { id: string; seats: number; filled: number }[]
    provenOptimal: boolean
    totalFit: number | null
  }

describe('a max-fit program from draft to publish', () => {
  let students: Person[]
  let mentors: Person[]
  let programId: string

  it('creates a program from e-mails and class years, refusing unknown people line by line', async () => {
    students = [await student('Ada Lin', 'research'), await student('Ben Okafor'), await student('Cleo Ruiz'), await student('Dev Patel')]
    mentors = [await mentor('Dr. Ames', 1), await mentor('Dr. Baird', 2), await mentor('Dr. Chen', 2, 'pediatrics')]

    const bad = await t.request('POST', '/api/mentor-programs', {
      cookie: admin,
      body: {
        name: 'Bad',
        pairingMethod: 'max-fit',
        maxPerMentor: 2,
        studentEmails: [students[1]?.email, 'nobody@programs.test'],
        mentors: [{ email: students[2]?.email }],
      },
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error.fields['studentEmails.1']).toContain('nobody@programs.test')
    expect(bad.json.error.fields['mentors.0.email']).toContain('no active mentor')
    expect((await t.request('GET', '/api/mentor-programs', { cookie: admin })).json.programs.some((p: { name: string }) => p.name === 'Bad')).toBe(false)

    const program = await createProgram({
      classYears: ['research'],
      studentEmails: students.slice(1).map((s) => s.email),
      mentors: mentors.map((m) => ({ email: m.email })),
      maxPerMentor: 2,
    })
    programId = program.id
    expect(program.status).toBe('draft')
    expect(program.students.map((s) => s.id)).toEqual(expect.arrayContaining(students.map((s) => s.id)))
    expect(program.mentors.find((m) => m.id === mentors[0]?.id)?.seats).toBe(1)
  })

  it('adds conflicts from lines and reports each rejected line', async () => {
    const [ada, ben] = students as [Person, Person]
    const [ames, baird] = mentors as [Person, Person]
    const response = await t.request('POST', `/api/mentor-programs/${programId}/conflicts`, {
      cookie: admin,
      body: {
        lines: `${ada.email}, ${ames.email}, grades her in dermatology\n\n${ben.email}, ${baird.email}\nnot-an-email\n${ada.email}, stranger@programs.test`,
      },
    })
    expect(response.status).toBe(200)
    expect(response.json.added).toBe(2)
    expect(response.json.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5])
    expect(response.json.rejected[1].reason).toContain('not a mentor of this program')
  })

  it('runs the pairing: everyone paired, no conflict, no mentor over seats, proven optimal', async () => {
    const run = await t.request('POST', `/api/mentor-programs/${programId}/run`, { cookie: admin })
    expect(run.status, JSON.stringify(run.json)).toBe(200)
    const draft = await draftOf(programId)
    const [ada, ben] = students as [Person, Person]
    const [ames, baird] = mentors as [Person, Person]
    const mentorOf = new Map(draft.pairs.map((p) => [p.student.id, p.mentor?.id ?? null]))
    expect(mentorOf.get(ada.id)).not.toBe(ames.id)
    expect(mentorOf.get(ben.id)).not.toBe(baird.id)
    for (const m of draft.mentors) expect(m.filled).toBeLessThanOrEqual(m.seats)
    expect(draft.pairs.filter((p) => p.mentor).length).toBe(Math.min(students.length + 0, 5))
    expect(draft.provenOptimal).toBe(true)
    expect(draft.pairs.find((p) => p.mentor)?.reasons.length).toBeGreaterThan(0)
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'mentor-program.paired'), eq(auditLog.objectId, programId)))
    expect(audit).toHaveLength(1)
  })

  it('refuses an edit that breaks a conflict or a seat, naming it; accepts a good one', async () => {
    const [ada, ben, cleo] = students as [Person, Person, Person]
    const [ames, baird, chen] = mentors as [Person, Person, Person]
    const conflict = await t.request('POST', `/api/mentor-programs/${programId}/pairs`, {
      cookie: admin,
      body: { studentId: ada.id, mentorId: ames.id, reason: 'try' },
    })
    expect(conflict.status).toBe(400)
    expect(conflict.json.error.fields.mentorId).toContain('grades her in dermatology')

    // Fill Dr. Ames's one seat with whoever has it, then ask for a second.
    const draft = await draftOf(programId)
    const amesStudent = draft.pairs.find((p) => p.mentor?.id === ames.id)?.student.id
    const other = [ben, cleo].find((s) => s.id !== amesStudent && !(s.id === ben.id && false)) as Person
    if (amesStudent) {
      const full = await t.request('POST', `/api/mentor-programs/${programId}/pairs`, {
        cookie: admin,
        body: { studentId: other.id, mentorId: ames.id, reason: 'try' },
      })
      expect(full.status).toBe(400)
      expect(full.json.error.fields.mentorId).toContain('Over capacity')
    }
    const notMentor = await t.request('POST', `/api/mentor-programs/${programId}/pairs`, {
      cookie: admin,
      body: { studentId: ada.id, mentorId: ben.id, reason: 'try' },
    })
    expect(notMentor.status).toBe(400)
    expect(notMentor.json.error.fields.mentorId).toBeTruthy()

    const chenFilled = draft.mentors.find((m) => m.id === chen.id)?.filled ?? 0
    const target = chenFilled < 2 ? chen : baird
    const who = draft.pairs.find((p) => p.mentor?.id !== target.id && p.student.id !== ben.id)?.student.id as string
    const good = await t.request('POST', `/api/mentor-programs/${programId}/pairs`, {
      cookie: admin,
      body: { studentId: who, mentorId: target.id, reason: 'Asked for pediatrics at the fair' },
    })
    expect(good.status, JSON.stringify(good.json)).toBe(200)
    const edited = good.json.pairs.find((p: { student: { id: string } }) => p.student.id === who)
    expect(edited.source).toBe('admin')
    expect(edited.editReason).toBe('Asked for pediatrics at the fair')

    const unpair = await t.request('POST', `/api/mentor-programs/${programId}/pairs`, {
      cookie: admin,
      body: { studentId: cleo.id, mentorId: null, reason: 'On leave this term' },
    })
    expect(unpair.status).toBe(200)
    expect(unpair.json.pairs.find((p: { student: { id: string } }) => p.student.id === cleo.id).unpairedBecause).toContain('On leave this term')
  })

  it('advisors read the draft but change nothing; students and mentors may not read it', async () => {
    expect((await t.request('GET', `/api/mentor-programs/${programId}/draft`, { cookie: advisor })).status).toBe(200)
    expect((await t.request('GET', `/api/mentor-programs/${programId}`, { cookie: advisor })).status).toBe(200)
    for (const [method, path] of [
      ['POST', 'run'],
      ['POST', 'publish'],
      ['POST', 'pairs'],
    ] as const) {
      expect(
        (
          await t.request(method, `/api/mentor-programs/${programId}/${path}`, {
            cookie: advisor,
            body: path === 'pairs' ? { studentId: students[0]?.id, mentorId: null, reason: 'x' } : undefined,
          })
        ).status,
      ).toBe(403)
    }
    expect((await t.request('PATCH', `/api/mentor-programs/${programId}`, { cookie: advisor, body: { name: 'Mine now' } })).status).toBe(403)
    expect((await t.request('GET', `/api/mentor-programs/${programId}/draft`, { cookie: students[0]?.cookie })).status).toBe(403)
    expect((await t.request('GET', `/api/mentor-programs/${programId}/draft`, { cookie: mentors[0]?.cookie })).status).toBe(403)
    expect((await t.request('GET', '/api/mentor-programs', { cookie: mentors[0]?.cookie })).status).toBe(403)
  })

  it('publishes once: active mentorships, e-mails to both sides, open places taken; a second publish is refused', async () => {
    const before = await t.services.mentorships.openPlacesOf(mentors.map((m) => m.id))
    const draft = await draftOf(programId)
    const paired = draft.pairs.filter((p) => p.mentor)
    const published = await t.request('POST', `/api/mentor-programs/${programId}/publish`, { cookie: admin })
    expect(published.status, JSON.stringify(published.json)).toBe(200)
    expect(published.json.mentorshipsCreated).toBe(paired.length)
    expect(published.json.program.status).toBe('published')

    for (const p of paired) {
      const rows = await t.db
        .select()
        .from(mentorships)
        .where(and(eq(mentorships.studentId, p.student.id), eq(mentorships.mentorId, p.mentor?.id as string)))
      expect(rows).toHaveLength(1)
      expect(rows[0]?.status).toBe('active')
    }
    const mail = await t.db.select().from(outbox).where(like(outbox.kind, 'mentor-program.paired-%'))
    const mentorIds = new Set(paired.map((p) => p.mentor?.id))
    expect(mail.filter((m) => m.kind === 'mentor-program.paired-student')).toHaveLength(paired.length)
    expect(mail.filter((m) => m.kind === 'mentor-program.paired-mentor')).toHaveLength(mentorIds.size)
    const after = await t.services.mentorships.openPlacesOf(mentors.map((m) => m.id))
    for (const m of mentors) {
      const n = paired.filter((p) => p.mentor?.id === m.id).length
      expect(after.get(m.id)).toBe(Math.max(0, (before.get(m.id) ?? 0) - n))
    }

    const again = await t.request('POST', `/api/mentor-programs/${programId}/publish`, { cookie: admin })
    expect(again.status).toBe(409)
    const rerun = await t.request('POST', `/api/mentor-programs/${programId}/run`, { cookie: admin })
    expect(rerun.status).toBe(409)
    const edit = await t.request('PATCH', `/api/mentor-programs/${programId}`, { cookie: admin, body: { name: 'Renamed' } })
    expect(edit.status).toBe(409)
    expect((await t.db.select().from(outbox).where(like(outbox.kind, 'mentor-program.paired-%'))).length).toBe(mail.length)
  })

  it('mentors see the program and, once published, their mentees', async () => {
    const mine = await t.request('GET', '/api/mentor-programs/mine', { cookie: mentors[1]?.cookie })
    expect(mine.status).toBe(200)
    const program = mine.json.programs.find((p: { id: string }) => p.id === programId)
    expect(program.as).toBe('mentor')
    const draft = await draftOf(programId)
    expect(program.mentees.length).toBe(draft.pairs.filter((p) => p.mentor?.id === mentors[1]?.id).length)
  })
})

describe('capacity at publish', () => {
  it('an override never raises seats, and a place taken since the run refuses the whole publish', async () => {
    const s1 = await student('Ivy Quinn')
    const s2 = await student('Jon Reyes')
    const outsider = await student('Kim Soto')
    const m = await mentor('Dr. Lund', 2)
    const program = await createProgram({ studentEmails: [s1.email, s2.email], mentors: [{ email: m.email, capacity: 5 }], maxPerMentor: 3 })
    expect(program.mentors[0]?.seats).toBe(2)
    expect((await t.request('POST', `/api/mentor-programs/${program.id}/run`, { cookie: admin })).status).toBe(200)
    expect((await draftOf(program.id)).pairs.filter((p) => p.mentor)).toHaveLength(2)

    // Meanwhile the mentor accepts a request from the directory: one place is left, two pairs wait.
    const request = await t.request('POST', '/api/mentorship-requests', {
      cookie: outsider.cookie,
      body: { mentorId: m.id, kind: 'ongoing', message: 'Could we talk about dermatology?', helpWanted: ['career-advice'] },
    })
    expect(request.status).toBe(201)
    expect((await t.request('POST', `/api/mentorship-requests/${request.json.id}/accept`, { cookie: m.cookie })).status).toBe(200)

    const publish = await t.request('POST', `/api/mentor-programs/${program.id}/publish`, { cookie: admin })
    expect(publish.status).toBe(409)
    expect(publish.json.error.message).toContain('Dr. Lund')
    expect(await t.db.select().from(mentorships).where(eq(mentorships.mentorId, m.id))).toHaveLength(1)
    expect((await t.request('GET', `/api/mentor-programs/${program.id}`, { cookie: admin })).json.status).toBe('review')
    expect(
      await t.db
        .select()
        .from(outbox)
        .where(and(like(outbox.kind, 'mentor-program.paired-%'), eq(outbox.toAddress, m.email))),
    ).toHaveLength(0)
  })
})

describe('a program whose students rank their mentors', () => {
  it('opens the ranking, takes each student’s order, pairs stably and keeps last year’s pair both asked for', async () => {
    const s1 = await student('Eli Moss')
    const s2 = await student('Fay Nunez')
    const s3 = await student('Gus Owens')
    const outsider = await student('Hal Pryce')
    const m1 = await mentor('Dr. Irving', 1)
    const m2 = await mentor('Dr. Jones', 1)
    const m3 = await mentor('Dr. Kaur', 1)

    // Last year: Gus with Dr. Kaur, published.
    const lastYear = await createProgram({ studentEmails: [s3.email], mentors: [{ email: m3.email }], maxPerMentor: 1 })
    expect((await t.request('POST', `/api/mentor-programs/${lastYear.id}/run`, { cookie: admin })).status).toBe(200)
    expect((await t.request('POST', `/api/mentor-programs/${lastYear.id}/publish`, { cookie: admin })).status).toBe(200)

    const program = await createProgram({
      pairingMethod: 'student-ranks',
      studentEmails: [s1.email, s2.email, s3.email],
      mentors: [{ email: m1.email }, { email: m2.email }, { email: m3.email, capacity: 1 }],
      maxPerMentor: 1,
      keepFromProgramId: lastYear.id,
    })
    const id = program.id
    expect((await t.request('POST', `/api/mentor-programs/${id}/run`, { cookie: admin })).status).toBe(409)
    await t.request('POST', `/api/mentor-programs/${id}/conflicts`, { cookie: admin, body: { lines: `${s2.email}, ${m2.email}, grades this student` } })
    const opened = await t.request('POST', `/api/mentor-programs/${id}/open-ranking`, { cookie: admin })
    expect(opened.status).toBe(200)
    expect(opened.json.status).toBe('ranking')
    expect((await t.db.select().from(outbox).where(eq(outbox.kind, 'mentor-program.ranking-open'))).map((m) => m.toAddress)).toEqual(
      expect.arrayContaining([s1.email, s2.email, s3.email]),
    )

    // Keep: both sides of last year's pair must ask.
    expect((await t.request('PUT', `/api/mentor-programs/${id}/continuation`, { cookie: s3.cookie, body: { partnerId: m3.id, keep: true } })).status).toBe(200)
    expect((await t.request('PUT', `/api/mentor-programs/${id}/continuation`, { cookie: s1.cookie, body: { partnerId: m3.id, keep: true } })).status).toBe(400)
    const mentorView = await t.request('GET', '/api/mentor-programs/mine', { cookie: m3.cookie })
    expect(mentorView.json.programs.find((p: { id: string }) => p.id === id).keepable[0]).toMatchObject({
      student: { id: s3.id },
      studentOpted: true,
      mentorOpted: false,
    })
    expect((await t.request('PUT', `/api/mentor-programs/${id}/continuation`, { cookie: m3.cookie, body: { partnerId: s3.id, keep: true } })).status).toBe(200)

    // The ranking page lists the student's allowed mentors with reasons; a conflict is simply absent.
    const page = await t.request('GET', `/api/mentor-programs/${id}/ranking`, { cookie: s2.cookie })
    expect(page.status).toBe(200)
    expect(page.json.canEdit).toBe(true)
    expect(page.json.mentors.map((m: { id: string }) => m.id)).not.toContain(m2.id)
    expect(page.json.mentors[0].reasons.length).toBeGreaterThan(0)
    const refused = await t.request('PUT', `/api/mentor-programs/${id}/ranking`, { cookie: s2.cookie, body: { mentorIds: [m1.id, m2.id] } })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields['mentorIds.1']).toBeTruthy()
    expect((await t.request('PUT', `/api/mentor-programs/${id}/ranking`, { cookie: s1.cookie, body: { mentorIds: [m1.id, m1.id] } })).status).toBe(400)
    expect((await t.request('PUT', `/api/mentor-programs/${id}/ranking`, { cookie: s1.cookie, body: { mentorIds: [m1.id, m2.id] } })).status).toBe(200)
    expect((await t.request('PUT', `/api/mentor-programs/${id}/ranking`, { cookie: s2.cookie, body: { mentorIds: [m1.id] } })).status).toBe(200)
    expect((await t.request('GET', `/api/mentor-programs/${id}/ranking`, { cookie: outsider.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/mentor-programs/${id}/ranking`, { cookie: admin })).status).toBe(403)

    const run = await t.request('POST', `/api/mentor-programs/${id}/run`, { cookie: admin })
    expect(run.status, JSON.stringify(run.json)).toBe(200)
    const draft = await draftOf(id)
    const byStudent = new Map(draft.pairs.map((p) => [p.student.id, p]))
    expect(byStudent.get(s3.id)?.mentor?.id).toBe(m3.id)
    expect(byStudent.get(s3.id)?.source).toBe('kept')
    // Both want Dr. Irving; he takes the one he fits better, and the other is unpaired or second choice.
    const irving = draft.pairs.filter((p) => p.mentor?.id === m1.id)
    expect(irving).toHaveLength(1)
    expect(byStudent.get(s2.id)?.mentor?.id ?? null).not.toBe(m2.id)
    if (!byStudent.get(s2.id)?.mentor) expect(byStudent.get(s2.id)?.unpairedBecause).toContain('filled their seats')
    if (byStudent.get(s1.id)?.mentor?.id === m2.id) expect(byStudent.get(s1.id)?.studentRank).toBe(2)

    // Moving the kept pair is refused with the constraint named.
    const move = await t.request('POST', `/api/mentor-programs/${id}/pairs`, { cookie: admin, body: { studentId: s3.id, mentorId: null, reason: 'try' } })
    expect(move.status).toBe(400)
    expect(move.json.error.fields.mentorId).toContain('Kept pair')

    // Publishing keeps the kept pair's existing mentorship instead of a second one.
    const published = await t.request('POST', `/api/mentor-programs/${id}/publish`, { cookie: admin })
    expect(published.status, JSON.stringify(published.json)).toBe(200)
    expect(
      await t.db
        .select()
        .from(mentorships)
        .where(and(eq(mentorships.studentId, s3.id), eq(mentorships.mentorId, m3.id))),
    ).toHaveLength(1)
    const mine = await t.request('GET', '/api/mentor-programs/mine', { cookie: s3.cookie })
    expect(mine.json.programs.find((p: { id: string }) => p.id === id).mentor.id).toBe(m3.id)
  })
})

describe('hard constraints are never broken', () => {
  const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(2, '0')}`
  const engineStudent = (sid: string, k: number): RecommendStudent => ({
    id: sid,
    classYear: CLASS_YEARS[k % CLASS_YEARS.length] as RecommendStudent['classYear'],
    specialtyInterests: [['dermatology', 'pediatrics', 'internal-medicine'][k % 3] as string],
    careerGoals: '',
    helpWanted: ['career-advice'],
    identity: [],
    wantsIdentityAlignedMentor: false,
  })
  const engineMentor = (mid: string, k: number, seats: number): RecommendMentor & { seats: number } => ({
    id: mid,
    kind: MENTOR_KINDS[k % MENTOR_KINDS.length] as RecommendMentor['kind'],
    departmentId: null,
    specialtyId: ['dermatology', 'pediatrics', 'internal-medicine'][k % 3] as string,
    subspecialty: '',
    clinicalSite: '',
    state: '',
    researchInterests: '',
    offers: k % 2 ? ['career-advice'] : [],
    capacity: seats,
    accepting: true,
    languages: [],
    identity: [],
    seats,
  })

  it('over random small programs, both methods: no conflict, no mentor over seats, kept pairs kept when they fit (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
        fc.array(fc.array(fc.nat(), { maxLength: 5 }), { maxLength: 9 }),
        fc.constantFrom('max-fit' as const, 'student-ranks' as const),
        (n, seatList, conflictPairs, keepPairs, rankLists, method) => {
          const students = Array.from({ length: n }, (_, i) => engineStudent(id('s', i), i))
          const mentors = seatList.map((seats, j) => engineMentor(id('m', j), j, seats))
          const forbidden = conflictPairs.map(([a, b]) => ({ student: id('s', a % n), mentor: id('m', b % mentors.length) }))
          const keep = keepPairs.map(([a, b]) => ({ student: id('s', a % n), mentor: id('m', b % mentors.length) }))
          const rankings = new Map(rankLists.slice(0, n).map((list, i) => [id('s', i), [...new Set(list.map((b) => id('m', b % mentors.length)))]]))
          const out = runPairing({ method, students, mentors, forbidden, keep, rankings })
          const forbiddenKeys = new Map(forbidden.map((p) => [pairKey(p.student, p.mentor), 'conflict']))
          const kept = new Map(out.pairs.filter((p) => p.kept).map((p) => [p.student, p.mentor]))
          const problems = findViolations(out.pairs, {
            students: new Set(students.map((s) => s.id)),
            seats: new Map(mentors.map((m) => [m.id, m.seats])),
            forbidden: forbiddenKeys,
            kept,
          })
          expect(problems).toEqual([])
          // A kept pair is dropped only when it cannot be honoured (a conflict, a student kept twice, or no seat left).
          for (const k of keep) {
            if (kept.get(k.student) === k.mentor) continue
            expect(out.droppedKeeps).toContainEqual(k)
          }
          if (method === 'student-ranks') {
            for (const p of out.pairs) if (!p.kept) expect(rankings.get(p.student) ?? []).toContain(p.mentor)
          } else {
            // Max-fit pairs as many students as the allowed pairs and seats permit: no student is
            // left unpaired while an allowed mentor has a free seat.
            const filled = new Map<string, number>()
            for (const p of out.pairs) filled.set(p.mentor, (filled.get(p.mentor) ?? 0) + 1)
            const paired = new Set(out.pairs.map((p) => p.student))
            for (const s of students) {
              if (paired.has(s.id)) continue
              for (const m of mentors)
                if (!forbiddenKeys.has(pairKey(s.id, m.id)) && (filled.get(m.id) ?? 0) < m.seats) throw new Error(`${s.id} unpaired while ${m.id} has a seat`)
            }
          }
        },
      ),
      { numRuns: 300, seed: 4242 },
    )
  })

  it('through the API, random small programs never produce a draft that breaks a conflict or a seat', async () => {
    const pool = { students: [] as Person[], mentors: [] as Person[] }
    for (let i = 0; i < 6; i++)
      pool.students.push(await student(`Prop Student ${i}`, CLASS_YEARS[i % 4] as (typeof CLASS_YEARS)[number], i % 2 ? 'pediatrics' : 'dermatology'))
    for (let j = 0; j < 3; j++) pool.mentors.push(await mentor(`Prop Mentor ${j}`, 3, j % 2 ? 'pediatrics' : 'dermatology'))
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(pool.students, { minLength: 1 }),
        fc.subarray(pool.mentors, { minLength: 1 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        async (ss, ms, capacities, conflicts, maxPerMentor) => {
          const program = await createProgram({
            studentEmails: ss.map((s) => s.email),
            mentors: ms.map((m, j) => ({ email: m.email, capacity: capacities[j] ?? null })),
            maxPerMentor,
          })
          const lines = conflicts.map(([a, b]) => `${ss[a % ss.length]?.email}, ${ms[b % ms.length]?.email}, grades`).join('\n')
          if (lines) await t.request('POST', `/api/mentor-programs/${program.id}/conflicts`, { cookie: admin, body: { lines } })
          const run = await t.request('POST', `/api/mentor-programs/${program.id}/run`, { cookie: admin })
          expect(run.status, JSON.stringify(run.json)).toBe(200)
          const draft = await draftOf(program.id)
          const banned = new Set(conflicts.map(([a, b]) => pairKey(ss[a % ss.length]?.id as string, ms[b % ms.length]?.id as string)))
          for (const p of draft.pairs) if (p.mentor) expect(banned.has(pairKey(p.student.id, p.mentor.id))).toBe(false)
          for (const m of draft.mentors) {
            expect(m.filled).toBeLessThanOrEqual(m.seats)
            expect(m.seats).toBeLessThanOrEqual(maxPerMentor)
          }
          for (const p of draft.pairs) if (!p.mentor) expect(p.unpairedBecause).toBeTruthy()
        },
      ),
      { numRuns: 8, seed: 77 },
    )
  })
})

describe('drafts are the Office’s alone', () => {
  it('students and mentors neither list nor open a program still in draft; they see it once it opens', async () => {
    const s = await student('Nia Draft')
    const m = await mentor('Dr. Draft', 2)
    const program = await createProgram({ pairingMethod: 'student-ranks', studentEmails: [s.email], mentors: [{ email: m.email }] })
    expect(program.status).toBe('draft')
    const listed = async (cookie: string) =>
      ((await t.request('GET', '/api/mentor-programs/mine', { cookie })).json.programs as { id: string }[]).map((p) => p.id)
    expect(await listed(s.cookie)).not.toContain(program.id)
    expect(await listed(m.cookie)).not.toContain(program.id)
    expect((await t.request('GET', `/api/mentor-programs/${program.id}/ranking`, { cookie: s.cookie })).status).toBe(404)
    expect((await t.request('PUT', `/api/mentor-programs/${program.id}/ranking`, { cookie: s.cookie, body: { mentorIds: [m.id] } })).status).toBe(404)

    expect((await t.request('POST', `/api/mentor-programs/${program.id}/open-ranking`, { cookie: admin })).status).toBe(200)
    expect(await listed(s.cookie)).toContain(program.id)
    expect(await listed(m.cookie)).toContain(program.id)
    expect((await t.request('GET', `/api/mentor-programs/${program.id}/ranking`, { cookie: s.cookie })).status).toBe(200)
  })

  it('the service hides a max-fit program from its participants until it is published', async () => {
    const s = await student('Omar Review')
    const m = await mentor('Dr. Review', 2)
    const program = await createProgram({ studentEmails: [s.email], mentors: [{ email: m.email }] })
    const actor = { personId: s.id, email: s.email, name: s.name, roles: ['student' as const], sessionId: '', expiresAt: new Date() }
    const ids = async () => (await t.services.mentorPrograms.listMine(actor)).programs.map((p) => p.id)
    expect(await ids()).not.toContain(program.id)
    expect((await t.request('POST', `/api/mentor-programs/${program.id}/run`, { cookie: admin })).status).toBe(200)
    expect(await ids()).not.toContain(program.id)
    expect((await t.request('POST', `/api/mentor-programs/${program.id}/publish`, { cookie: admin })).status).toBe(200)
    expect(await ids()).toContain(program.id)
  })
})
