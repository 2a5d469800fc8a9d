import { and, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, outbox, residencyPrograms, studentAdvisors, studentProgramLists } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

let t: TestApp
type Program = typeof residencyPrograms.$inferInsert

const program = (id: string, name: string, track: Program['track'] = 'categorical', specialtyId = 'internal-medicine'): Program => ({
  id,
  name,
  institution: `${name} Hospital`,
  specialtyId,
  track,
  city: 'Springfield',
  state: 'IL',
  region: 'midwest',
  positions: 10,
  setting: 'academic',
  step2P25: 240,
  step2P75: 255,
})

const PROGRAMS = [
  program('IM-A', 'Alder Internal Medicine'),
  program('IM-B', 'Birch Internal Medicine'),
  program('IM-C', 'Cedar Internal Medicine'),
  program('IM-D', 'Dogwood Internal Medicine'),
  program('ANES-ADV', 'Elm Anesthesiology', 'advanced', 'anesthesiology'),
  program('PRELIM-1', 'Fir Medicine Preliminary', 'preliminary'),
  program('PRELIM-2', 'Gum Transitional Year', 'categorical', 'transitional-year'),
]

async function studentWithAdvisor() {
  const student = await t.signedInAs(['student'])
  const advisor = await t.signedInAs(['advisor'])
  await t.db.insert(studentAdvisors).values({ studentId: student.person.id, advisorId: advisor.person.id, assignedAt: t.clock.now(), assignedBy: null })
  return { student, advisor }
}

async function interviewed(studentId: string, ids: string[]) {
  await t.db.insert(studentProgramLists).values(ids.map((programId) => ({ studentId, programId, status: 'interviewed' as const })))
}

const line = (programId: string | null, note = '', partnerProgramId?: string | null) => ({
  programId,
  note,
  ...(partnerProgramId !== undefined ? { partnerProgramId } : {}),
})

beforeAll(async () => {
  t = await createTestApp()
  await t.db.insert(residencyPrograms).values(PROGRAMS)
})
afterAll(async () => {
  await t?.close()
})

describe('finding a program to add', () => {
  it('matches every word anywhere on the program (name, hospital, city, state, specialty), in any order', async () => {
    const { student } = await studentWithAdvisor()
    const find = async (q: string) => {
      const r = await t.request('GET', `/api/rank-lists/programs?q=${encodeURIComponent(q)}`, { cookie: student.cookie })
      expect(r.status).toBe(200)
      return (r.json.items as { id: string }[]).map((p) => p.id).sort()
    }
    // "springfield" is the city, "anesthesiology" the specialty: no field holds both words.
    expect(await find('Springfield anesthesiology')).toEqual(['ANES-ADV'])
    expect(await find('anesthesiology springfield')).toEqual(['ANES-ADV'])
    expect(await find('IL transitional')).toEqual(['PRELIM-2'])
    expect(await find('cedar medicine')).toEqual(['IM-C'])
    expect(await find('Springfield dermatology')).toEqual([])
    expect(await find('PRELIM-1')).toEqual(['PRELIM-1'])
  })
})

describe('a student’s own list', () => {
  it('starts from interviews, saves the whole order, bumps the version, and refuses a stale version with a 409', async () => {
    const { cookie, person } = await t.signedInAs(['student'])
    await interviewed(person.id, ['IM-A', 'IM-B', 'IM-C'])
    const empty = await t.request('GET', '/api/rank-lists/me', { cookie })
    expect(empty.status).toBe(200)
    expect(empty.json.version).toBe(0)
    expect(empty.json.reviewStatus).toBe('draft')
    expect(empty.json.interviewed.map((p: { id: string }) => p.id)).toEqual(['IM-A', 'IM-B', 'IM-C'])

    const saved = await t.request('PUT', '/api/rank-lists/me', {
      cookie,
      body: { expectedVersion: 0, primary: [line('IM-C', 'Near family'), line('IM-A'), line('IM-B')] },
    })
    expect(saved.status).toBe(200)
    expect(saved.json.version).toBe(1)
    expect(saved.json.primary.map((e: { program: { id: string } }) => e.program.id)).toEqual(['IM-C', 'IM-A', 'IM-B'])
    expect(saved.json.primary[0].note).toBe('Near family')
    expect(saved.json.warnings).toEqual([])

    const reordered = await t.request('PUT', '/api/rank-lists/me', {
      cookie,
      body: { expectedVersion: 1, primary: [line('IM-A'), line('IM-C', 'Near family'), line('IM-B')] },
    })
    expect(reordered.json.version).toBe(2)

    const stale = await t.request('PUT', '/api/rank-lists/me', { cookie, body: { expectedVersion: 1, primary: [line('IM-B')] } })
    expect(stale.status).toBe(409)
    expect(stale.json.error.code).toBe('CONFLICT')
    expect(stale.json.error.message).toMatch(/changed since you opened it.*version 2/)
    const after = await t.request('GET', '/api/rank-lists/me', { cookie })
    expect(after.json.primary.map((e: { program: { id: string } }) => e.program.id)).toEqual(['IM-A', 'IM-C', 'IM-B'])
  })

  it('refuses a duplicate line naming the field, writes nothing, and warns about a program without an interview', async () => {
    const { cookie, person } = await t.signedInAs(['student'])
    await interviewed(person.id, ['IM-A'])
    const duplicate = await t.request('PUT', '/api/rank-lists/me', { cookie, body: { expectedVersion: 0, primary: [line('IM-A'), line('IM-A')] } })
    expect(duplicate.status).toBe(400)
    expect(duplicate.json.error.fields['primary.1.programId']).toMatch(/already at rank 1/)
    expect((await t.request('GET', '/api/rank-lists/me', { cookie })).json.version).toBe(0)

    const unknown = await t.request('PUT', '/api/rank-lists/me', { cookie, body: { expectedVersion: 0, primary: [line('NOPE')] } })
    expect(unknown.status).toBe(400)
    expect(unknown.json.error.fields['primary.0.programId']).toMatch(/no program/)

    const warned = await t.request('PUT', '/api/rank-lists/me', { cookie, body: { expectedVersion: 0, primary: [line('IM-A'), line('IM-D')] } })
    expect(warned.status).toBe(200)
    expect(warned.json.warnings).toEqual([{ field: 'primary.1.programId', message: expect.stringMatching(/not marked an interview at Dogwood/) }])
    expect(warned.json.primary[1].program.interviewed).toBe(false)
  })

  it('supplemental PGY-1 lists attach to an advanced program on the list and hold preliminary programs only', async () => {
    const { cookie, person } = await t.signedInAs(['student'])
    await interviewed(person.id, ['ANES-ADV', 'PRELIM-1', 'PRELIM-2', 'IM-A'])
    const notOnList = await t.request('PUT', '/api/rank-lists/me', {
      cookie,
      body: { expectedVersion: 0, primary: [line('IM-A')], supplemental: [{ advancedProgramId: 'ANES-ADV', entries: [line('PRELIM-1')] }] },
    })
    expect(notOnList.status).toBe(400)
    expect(notOnList.json.error.fields['supplemental.0.advancedProgramId']).toMatch(/not on your primary list/)
    const categorical = await t.request('PUT', '/api/rank-lists/me', {
      cookie,
      body: { expectedVersion: 0, primary: [line('ANES-ADV')], supplemental: [{ advancedProgramId: 'ANES-ADV', entries: [line('IM-A')] }] },
    })
    expect(categorical.json.error.fields['supplemental.0.entries.0.programId']).toMatch(/PGY-1 programs only/)

    const ok = await t.request('PUT', '/api/rank-lists/me', {
      cookie,
      body: {
        expectedVersion: 0,
        primary: [line('ANES-ADV'), line('IM-A')],
        supplemental: [{ advancedProgramId: 'ANES-ADV', entries: [line('PRELIM-2', 'Surgery prelim'), line('PRELIM-1')] }],
      },
    })
    expect(ok.status).toBe(200)
    expect(ok.json.supplemental).toEqual([
      { advancedProgramId: 'ANES-ADV', entries: [expect.objectContaining({ rank: 1, note: 'Surgery prelim' }), expect.objectContaining({ rank: 2 })] },
    ])

    const csv = await t.request('GET', `/api/rank-lists/students/${person.id}/export.csv`, { cookie })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    expect(csv.text.split('\r\n').slice(0, 4)).toEqual([
      'list,rank,program_code,program_name,institution,track,location,note',
      'Primary,1,ANES-ADV,Elm Anesthesiology,Elm Anesthesiology Hospital,advanced,"Springfield, IL",',
      'Primary,2,IM-A,Alder Internal Medicine,Alder Internal Medicine Hospital,categorical,"Springfield, IL",',
      'Supplemental for Elm Anesthesiology (ANES-ADV),1,PRELIM-2,Gum Transitional Year,Gum Transitional Year Hospital,categorical,"Springfield, IL",Surgery prelim',
    ])
  })
})

describe('couples', () => {
  it('invite, confirm (lists padded to equal length), edit pair by pair with "No Match", unlink', async () => {
    const a = await t.signedInAs(['student'])
    const b = await t.signedInAs(['student'])
    await interviewed(a.person.id, ['IM-A', 'IM-B', 'IM-C'])
    await interviewed(b.person.id, ['IM-B', 'IM-D'])
    await t.request('PUT', '/api/rank-lists/me', { cookie: a.cookie, body: { expectedVersion: 0, primary: [line('IM-A'), line('IM-B'), line('IM-C')] } })
    await t.request('PUT', '/api/rank-lists/me', { cookie: b.cookie, body: { expectedVersion: 0, primary: [line('IM-D', 'my note')] } })

    const self = await t.request('POST', '/api/rank-lists/me/couple', { cookie: a.cookie, body: { partnerEmail: a.person.email } })
    expect(self.status).toBe(400)
    const nobody = await t.request('POST', '/api/rank-lists/me/couple', { cookie: a.cookie, body: { partnerEmail: 'nobody@example.edu' } })
    expect(nobody.json.error.fields.partnerEmail).toBeTruthy()

    const invite = await t.request('POST', '/api/rank-lists/me/couple', { cookie: a.cookie, body: { partnerEmail: b.person.email.toUpperCase() } })
    expect(invite.status).toBe(200)
    expect(invite.json.couple).toMatchObject({ partner: { id: b.person.id }, invitedByMe: true, confirmed: false })
    const [mail] = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, b.person.email), eq(outbox.kind, 'rank-list.couple-invite')))
    expect(mail?.subject).toMatch(/link rank order lists/)
    expect((await t.request('POST', '/api/rank-lists/me/couple/confirm', { cookie: a.cookie })).status).toBe(409)

    const confirmed = await t.request('POST', '/api/rank-lists/me/couple/confirm', { cookie: b.cookie })
    expect(confirmed.json.couple).toMatchObject({ partner: { id: a.person.id }, confirmed: true })
    const paired = await t.request('GET', '/api/rank-lists/me', { cookie: a.cookie })
    expect(paired.json.primary).toHaveLength(3)
    expect(paired.json.partner.primary.map((e: { program: { id: string } | null }) => e.program?.id ?? null)).toEqual(['IM-D', null, null])
    expect(paired.json.version).toBe(2)

    // A plain list is no longer accepted: every line names the partner's program.
    const plain = await t.request('PUT', '/api/rank-lists/me', {
      cookie: a.cookie,
      body: { expectedVersion: 2, expectedPartnerVersion: paired.json.partner.version, primary: [line('IM-A')] },
    })
    expect(plain.status).toBe(400)
    expect(plain.json.error.fields['primary.0.partnerProgramId']).toBeTruthy()
    const bothNoMatch = await t.request('PUT', '/api/rank-lists/me', {
      cookie: a.cookie,
      body: { expectedVersion: 2, expectedPartnerVersion: paired.json.partner.version, primary: [line(null, '', null)] },
    })
    expect(bothNoMatch.json.error.fields['primary.0.programId']).toMatch(/both of you/)
    const stalePartner = await t.request('PUT', '/api/rank-lists/me', {
      cookie: a.cookie,
      body: { expectedVersion: 2, expectedPartnerVersion: 0, primary: [line('IM-A', '', 'IM-D')] },
    })
    expect(stalePartner.status).toBe(409)

    const pairs = await t.request('PUT', '/api/rank-lists/me', {
      cookie: a.cookie,
      body: {
        expectedVersion: 2,
        expectedPartnerVersion: paired.json.partner.version,
        primary: [line('IM-B', '', 'IM-B'), line('IM-A', '', 'IM-D'), line(null, '', 'IM-D'), line('IM-C', '', null)],
      },
    })
    expect(pairs.status).toBe(200)
    const seenByB = await t.request('GET', '/api/rank-lists/me', { cookie: b.cookie })
    expect(seenByB.json.primary.map((e: { program: { id: string } | null }) => e.program?.id ?? null)).toEqual(['IM-B', 'IM-D', 'IM-D', null])
    expect(seenByB.json.primary[1].note).toBe('my note')
    expect(seenByB.json.partner.primary.map((e: { program: { id: string } | null }) => e.program?.id ?? null)).toEqual(['IM-B', 'IM-A', null, 'IM-C'])

    const unlinked = await t.request('DELETE', '/api/rank-lists/me/couple', { cookie: b.cookie })
    expect(unlinked.json.couple).toBeNull()
    const aAlone = await t.request('GET', '/api/rank-lists/me', { cookie: a.cookie })
    expect(aAlone.json.couple).toBeNull()
    expect(aAlone.json.primary.map((e: { program: { id: string } }) => e.program.id)).toEqual(['IM-B', 'IM-A', 'IM-C'])
    const bAlone = await t.request('GET', '/api/rank-lists/me', { cookie: b.cookie })
    expect(bAlone.json.primary.map((e: { program: { id: string } }) => e.program.id)).toEqual(['IM-B', 'IM-D'])
  })
})

describe('review: submit, comment, sign off', () => {
  it('an assigned advisor lists, reads (audited), comments and signs off; the student is e-mailed; an edit shows "changed since signed off"', async () => {
    const { student, advisor } = await studentWithAdvisor()
    await interviewed(student.person.id, ['IM-A', 'IM-B'])
    expect((await t.request('POST', '/api/rank-lists/me/submit', { cookie: student.cookie, body: { expectedVersion: 0 } })).status).toBe(400)
    await t.request('PUT', '/api/rank-lists/me', { cookie: student.cookie, body: { expectedVersion: 0, primary: [line('IM-A'), line('IM-B')] } })
    const early = await t.request('POST', `/api/rank-lists/students/${student.person.id}/sign-off`, { cookie: advisor.cookie, body: { version: 1 } })
    expect(early.status).toBe(409)
    expect(early.json.error.message).toMatch(/not submitted/)

    const submitted = await t.request('POST', '/api/rank-lists/me/submit', { cookie: student.cookie, body: { expectedVersion: 1 } })
    expect(submitted.json.reviewStatus).toBe('submitted')

    const mine = await t.request('GET', '/api/rank-lists/students', { cookie: advisor.cookie })
    expect(mine.json.items).toEqual([
      expect.objectContaining({ student: { id: student.person.id, name: student.person.name }, reviewStatus: 'submitted', lines: 2, version: 1 }),
    ])

    const read = await t.request('GET', `/api/rank-lists/students/${student.person.id}`, { cookie: advisor.cookie })
    expect(read.status).toBe(200)
    expect(read.json.viewer).toBe('assigned-advisor')
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, advisor.person.id), like(auditLog.action, 'student-record.read.rank-list%')))
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['student-record.read.rank-list', 'student-record.read.rank-list-summaries']))
    expect(audits.find((a) => a.action === 'student-record.read.rank-list')?.objectId).toBe(student.person.id)

    const commented = await t.request('POST', `/api/rank-lists/students/${student.person.id}/comments`, {
      cookie: advisor.cookie,
      body: { body: 'Consider moving Birch up: you loved it.' },
    })
    expect(commented.status).toBe(200)
    t.clock.advance(60_000)
    const reply = await t.request('POST', `/api/rank-lists/students/${student.person.id}/comments`, {
      cookie: student.cookie,
      body: { body: 'Thanks, I will think about it.' },
    })
    expect(reply.json.comments.map((c: { authorRole: string; body: string }) => [c.authorRole, c.body])).toEqual([
      ['advisor', 'Consider moving Birch up: you loved it.'],
      ['student', 'Thanks, I will think about it.'],
    ])

    const stale = await t.request('POST', `/api/rank-lists/students/${student.person.id}/sign-off`, { cookie: advisor.cookie, body: { version: 0 } })
    expect(stale.status).toBe(409)
    const signed = await t.request('POST', `/api/rank-lists/students/${student.person.id}/sign-off`, { cookie: advisor.cookie, body: { version: 1 } })
    expect(signed.status).toBe(200)
    expect(signed.json.reviewStatus).toBe('signed-off')
    expect(signed.json.signedOff).toMatchObject({ by: { id: advisor.person.id }, version: 1 })
    const [mail] = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, student.person.email), eq(outbox.kind, 'rank-list.signed-off')))
    expect(mail?.subject).toMatch(/signed off your rank order list/)
    expect(mail?.textBody ?? '').not.toContain('Alder')

    const edited = await t.request('PUT', '/api/rank-lists/me', { cookie: student.cookie, body: { expectedVersion: 1, primary: [line('IM-B'), line('IM-A')] } })
    expect(edited.json.reviewStatus).toBe('changed-since-sign-off')
    expect((await t.request('GET', '/api/rank-lists/students', { cookie: advisor.cookie })).json.items[0].reviewStatus).toBe('changed-since-sign-off')
  })

  it('nobody else reads, comments on or signs off a list: not another student, an unassigned advisor, an admin or a mentor', async () => {
    const { student } = await studentWithAdvisor()
    await t.request('PUT', '/api/rank-lists/me', { cookie: student.cookie, body: { expectedVersion: 0, primary: [line('IM-A')] } })
    await t.request('POST', '/api/rank-lists/me/submit', { cookie: student.cookie, body: { expectedVersion: 1 } })
    const path = `/api/rank-lists/students/${student.person.id}`
    const others = {
      student: (await t.signedInAs(['student'])).cookie,
      'unassigned advisor': (await t.signedInAs(['advisor'])).cookie,
      admin: (await t.signedInAs(['admin'])).cookie,
      mentor: (await t.signedInAs(['mentor'])).cookie,
      'admin and advisor': (await t.signedInAs(['admin', 'advisor'])).cookie,
    }
    for (const [who, cookie] of Object.entries(others)) {
      const read = await t.request('GET', path, { cookie })
      expect([403, 404], `${who} reads`).toContain(read.status)
      expect(read.text, who).not.toContain('Alder')
      expect([403, 404], `${who} exports`).toContain((await t.request('GET', `${path}/export.csv`, { cookie })).status)
      expect([403, 404], `${who} comments`).toContain((await t.request('POST', `${path}/comments`, { cookie, body: { body: 'Hello' } })).status)
      expect([403, 404], `${who} signs off`).toContain((await t.request('POST', `${path}/sign-off`, { cookie, body: { version: 1 } })).status)
    }
    const listing = await t.request('GET', '/api/rank-lists/students', { cookie: others['unassigned advisor'] })
    expect(listing.json.items).toEqual([])
    // The student cannot sign off their own list, even holding the advisor role.
    const both = await t.signedInAs(['student', 'advisor'])
    await t.request('PUT', '/api/rank-lists/me', { cookie: both.cookie, body: { expectedVersion: 0, primary: [line('IM-A')] } })
    await t.request('POST', '/api/rank-lists/me/submit', { cookie: both.cookie, body: { expectedVersion: 1 } })
    expect((await t.request('POST', `/api/rank-lists/students/${both.person.id}/sign-off`, { cookie: both.cookie, body: { version: 1 } })).status).toBe(403)
  })
})
