import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '#server/modules/audit/audit.service.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** The class roster (decision 020): check, apply once, apply again to no effect; the year-end rollover once a year. */
let t: TestApp
let admin = ''
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-06-01T12:00:00Z') })
  admin = (await t.signedInAs(['admin'])).cookie
})
afterAll(async () => {
  await t?.close()
})

const importRoster = (csv: string, dryRun: boolean) => t.request('POST', '/api/admin/roster/import', { cookie: admin, body: { csv, dryRun } })
const countPeople = async () => (await t.request('GET', '/api/admin/summary', { cookie: admin })).json.people.total as number

describe('roster import', () => {
  it('reports every problem by row and column, and an apply with problems writes nothing', async () => {
    const csv = [
      'School ID,Name,E-mail,Class year,Expected graduation,Track,House',
      'S-100,Ana Ruiz,ana.ruiz@school.example.edu,1,2030,MD,Osler',
      'S-101,Ben Okafor,not-an-address,2,2029,MD,Osler',
      'S-102,=1+2,cy@school.example.edu,3,2028,MD,Osler',
      'S-103,Dee Park,dee@school.example.edu,7,2027,MD,Osler',
      'S-100,Eve Lin,eve@school.example.edu,4,1999,Dentistry,Osler',
    ].join('\n')
    const before = await countPeople()
    const check = await importRoster(csv, true)
    expect(check.status, check.text).toBe(200)
    const where = check.json.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)
    expect(where).toEqual(['3:E-mail', '4:Name', '5:Class year', '6:School ID', '6:Expected graduation', '6:Track'])
    expect(check.json.problems[0].message).toBe('"not-an-address" is not an address.')
    expect(check.json.invites.map((i: { email: string }) => i.email)).toEqual(['ana.ruiz@school.example.edu'])

    const apply = await importRoster(csv, false)
    expect(apply.status).toBe(400)
    expect(apply.json.error.message).toMatch(/6 problems; nothing was changed/)
    expect(await countPeople()).toBe(before)
  })

  it('invites new students, changes fields before → after, lists the missing, and a second apply changes nothing', async () => {
    const changed = await t.insertAccount(['student'], {
      email: 'kim.ortiz@school.example.edu',
      name: 'Kim Ortiz',
      schoolId: 'S-200',
      student: { classYear: 'M2', graduationYear: 2028, track: 'MD' },
    })
    const byEmail = await t.insertAccount(['student'], {
      email: 'lee.chan@school.example.edu',
      name: 'Lee Chan',
      student: { classYear: 'M3', graduationYear: 2027, track: 'MD' },
    })
    const missing = await t.insertAccount(['student'], { name: 'Mo Absent', student: { classYear: 'M1' } })
    const csv = [
      'school_id,name,email,class_year,expected_graduation,track,house,status',
      // Keyed on school id: a new e-mail is a change of e-mail, not a new person.
      'S-200,Kim Ortiz,kim.ortiz.new@school.example.edu,M3,2028,MD/PhD,Blackwell,on leave',
      // Keyed on e-mail: the school id is filled in.
      'S-201,Lee Chan,lee.chan@school.example.edu,Year 3,2027,MD,,',
      'S-202,Nia Brooks,nia.brooks@school.example.edu,1,,,Osler,',
    ].join('\r\n')

    const check = await importRoster(csv, true)
    expect(check.json.problems).toEqual([])
    expect(check.json.invites).toEqual([{ row: 4, name: 'Nia Brooks', email: 'nia.brooks@school.example.edu', schoolId: 'S-202', classYear: 'M1' }])
    const kim = check.json.changes.find((c: { personId: string }) => c.personId === changed.id)
    expect(kim.changes.map((f: { label: string; before: string; after: string }) => `${f.label}: ${f.before} → ${f.after}`)).toEqual([
      'E-mail: kim.ortiz@school.example.edu → kim.ortiz.new@school.example.edu',
      'Class year: Year 2 (M2) → Year 3 (M3)',
      'Track: MD → MD-PhD',
      'Advisory dean or house: (none) → Blackwell',
      'Status: Enrolled → On leave',
    ])
    const lee = check.json.changes.find((c: { personId: string }) => c.personId === byEmail.id)
    expect(lee.changes.map((f: { field: string }) => f.field)).toEqual(['schoolId'])
    expect(check.json.missing.map((m: { personId: string }) => m.personId)).toContain(missing.id)

    const applied = await importRoster(csv, false)
    expect(applied.status, applied.text).toBe(200)
    expect(applied.json.applied).toBe(true)
    const invited = await t.request('GET', '/api/admin/people?q=nia.brooks', { cookie: admin })
    expect(invited.json.items[0]).toMatchObject({ status: 'invited', roles: ['student'] })
    const profile = await t.request('GET', `/api/profiles/${invited.json.items[0].id}`, { cookie: admin })
    expect(profile.json.student).toMatchObject({ classYear: 'M1', graduationYear: 2029, track: 'MD' })
    const kimNow = await t.request('GET', `/api/profiles/${changed.id}`, { cookie: admin })
    expect(kimNow.json.person.email).toBe('kim.ortiz.new@school.example.edu')
    expect(kimNow.json.student).toMatchObject({ classYear: 'M3', track: 'MD-PhD', schoolId: 'S-200' })
    // The student number is for the student and staff: a mentor reading the profile never gets it.
    const mentorView = await t.request('GET', `/api/profiles/${changed.id}`, { cookie: (await t.signedInAs(['mentor'])).cookie })
    expect(mentorView.json.student?.schoolId).toBeUndefined()
    expect(mentorView.text).not.toContain('S-200')
    // The missing student is listed, never removed.
    const mo = await t.request('GET', `/api/profiles/${missing.id}`, { cookie: admin })
    expect(mo.json.person.roles).toEqual(['student'])
    const outbox = await t.request('GET', '/api/admin/outbox?pageSize=100', { cookie: admin })
    expect(outbox.json.items.filter((m: { to: string }) => m.to === 'nia.brooks@school.example.edu')).toHaveLength(1)
    const audit = await t.request('GET', `/api/admin/audit-log?subject=${changed.id}&action=roster.`, { cookie: admin })
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['roster.updated:email+classYear+track+house+enrollment'])

    const again = await importRoster(csv, false)
    expect(again.status).toBe(200)
    expect(again.json).toMatchObject({ invites: [], changes: [], unchanged: 3 })
    expect((await verifyAuditChain(t.db)).ok).toBe(true)
  })

  it('refuses a row whose school id and e-mail are two different people, and an e-mail of someone who is not a student', async () => {
    await t.insertAccount(['student'], { email: 'one@school.example.edu', name: 'One Person', schoolId: 'S-300', student: { classYear: 'M1' } })
    await t.insertAccount(['student'], { email: 'two@school.example.edu', name: 'Two Person', schoolId: 'S-301', student: { classYear: 'M1' } })
    await t.insertAccount(['mentor'], { email: 'dr.three@school.example.edu', name: 'Dr Three' })
    const csv = ['school_id,name,email,class_year', 'S-300,One Person,two@school.example.edu,2', ',Dr Three,dr.three@school.example.edu,1'].join('\n')
    const check = await importRoster(csv, true)
    expect(check.json.problems).toEqual([
      { row: 2, column: 'email', message: 'two@school.example.edu belongs to Two Person, but school id S-300 is One Person’s; correct one of them.' },
      { row: 3, column: 'email', message: expect.stringMatching(/Dr Three, who is not a student here/) },
    ])
  })
})

describe('year-end rollover', () => {
  let graduateId = ''
  it('previews, moves every class up, graduates Year 4 into alumni who keep their account, keeps leave and research years, and runs once a year', async () => {
    const m1 = await t.insertAccount(['student'], { name: 'Rolling One', student: { classYear: 'M1' } })
    const m4 = await t.insertAccount(['student', 'mentor'], { name: 'Rolling Four', student: { classYear: 'M4', graduationYear: 2026 } })
    const leave = await t.insertAccount(['student'], { name: 'Rolling Leave', student: { classYear: 'M2', enrollment: 'leave' } })
    const research = await t.insertAccount(['student'], { name: 'Rolling Research', student: { classYear: 'research' } })
    graduateId = (await t.insertAccount(['student'], { name: 'Rolling Graduate', student: { classYear: 'M4', graduationYear: 2026 } })).id

    const preview = await t.request('GET', '/api/admin/roster/rollover', { cookie: admin })
    expect(preview.status, preview.text).toBe(200)
    expect(preview.json.academicYear).toBe('2025-2026')
    expect(preview.json.alreadyRun).toBeNull()
    const move = (id: string) => preview.json.moves.find((m: { personId: string }) => m.personId === id)
    expect(move(m1.id)).toMatchObject({ from: 'M1', to: 'M2' })
    expect(move(m4.id)).toMatchObject({ from: 'M4', to: 'graduated' })
    expect(preview.json.kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: leave.id, reason: 'leave' }),
        expect.objectContaining({ personId: research.id, reason: 'research' }),
      ]),
    )
    expect(preview.json.after.M2).toBe(preview.json.before.M1 + preview.json.kept.filter((k: { classYear: string }) => k.classYear === 'M2').length)

    const stale = await t.request('POST', '/api/admin/roster/rollover', { cookie: admin, body: { academicYear: '2024-2025' } })
    expect(stale.status).toBe(409)
    const run = await t.request('POST', '/api/admin/roster/rollover', { cookie: admin, body: { academicYear: '2025-2026' } })
    expect(run.status, run.text).toBe(200)
    expect(run.json.graduated).toBe(preview.json.graduating)

    const profile = async (id: string) => (await t.request('GET', `/api/profiles/${id}`, { cookie: admin })).json
    expect((await profile(m1.id)).student.classYear).toBe('M2')
    expect((await profile(leave.id)).student.classYear).toBe('M2')
    expect((await profile(research.id)).student.classYear).toBe('research')
    const graduate = await profile(m4.id)
    expect(graduate.person).toMatchObject({ status: 'active', roles: ['mentor'] })

    const twice = await t.request('POST', '/api/admin/roster/rollover', { cookie: admin, body: { academicYear: '2025-2026' } })
    expect(twice.status).toBe(409)
    expect(twice.json.error.message).toMatch(
      /already moved up on 2026-06-01 by .+; running it again now would move them up twice\. The next rollover can run from 2026-11-28/,
    )
    expect((await t.request('GET', '/api/admin/roster/rollover', { cookie: admin })).json.alreadyRun).toMatchObject({ ranAt: '2026-06-01T12:00:00.000Z' })

    // A month on, in the next academic year: still refused, or every class would move up twice.
    const before = t.clock.now()
    t.clock.set(new Date('2026-07-02T12:00:00Z'))
    try {
      // A session of July: June's would have lapsed (and be ended) at the test's idle timeout.
      const julyAdmin = (await t.signedInAs(['admin'])).cookie
      const nextYear = await t.request('GET', '/api/admin/roster/rollover', { cookie: julyAdmin })
      expect(nextYear.json.academicYear).toBe('2026-2027')
      expect(nextYear.json.alreadyRun).toMatchObject({ ranAt: '2026-06-01T12:00:00.000Z', nextFrom: '2026-11-28T12:00:00.000Z' })
      const soon = await t.request('POST', '/api/admin/roster/rollover', { cookie: julyAdmin, body: { academicYear: '2026-2027' } })
      expect(soon.status).toBe(409)
      expect(soon.json.error.message).toMatch(/move them up twice/)
      expect((await t.request('GET', `/api/profiles/${m1.id}`, { cookie: julyAdmin })).json.student.classYear).toBe('M2')
    } finally {
      t.clock.set(before)
    }
    const audit = await t.request('GET', `/api/admin/audit-log?subject=${m4.id}&action=roster.rollover`, { cookie: admin })
    // A student who mentors is a near-peer mentor: graduating pauses their profile until they choose (decision 030).
    expect(audit.json.items.map((e: { action: string }) => e.action).sort()).toEqual(['roster.rollover.graduated', 'roster.rollover.near-peer-mentor-paused'])
  })

  it('keeps a student put on leave on the People page in their class at the rollover, audited', async () => {
    const leave = await t.insertAccount(['student'], { student: { classYear: 'M3' } })
    const set = await t.request('PUT', `/api/admin/people/${leave.id}/enrollment`, { cookie: admin, body: { enrollment: 'leave' } })
    expect(set.status, set.text).toBe(200)
    expect(set.json.student).toMatchObject({ classYear: 'M3', enrollment: 'leave' })
    const preview = await t.request('GET', '/api/admin/roster/rollover', { cookie: admin })
    expect(preview.json.kept).toContainEqual(expect.objectContaining({ personId: leave.id, classYear: 'M3', reason: 'leave' }))
    const graduated = await t.request('PUT', `/api/admin/people/${leave.id}/enrollment`, { cookie: admin, body: { enrollment: 'graduated' } })
    expect(graduated.status).toBe(400)
    const mentor = await t.insertAccount(['mentor'])
    const refused = await t.request('PUT', `/api/admin/people/${mentor.id}/enrollment`, { cookie: admin, body: { enrollment: 'leave' } })
    expect(refused.json.error.fields.enrollment).toMatch(/Only a student/)
    const audit = await t.request('GET', `/api/admin/audit-log?subject=${leave.id}&action=profile.enrollment-set`, { cookie: admin })
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['profile.enrollment-set:leave'])
  })

  it('lets a graduate, and only a graduate, choose to stay on as an alumni mentor', async () => {
    const student = await t.insertAccount(['student'], { student: { classYear: 'M1' } })
    const refused = await t.request('POST', '/api/roster/alumni-mentoring', { cookie: await t.sessionCookie(student.id), body: { mentor: true } })
    expect(refused.status).toBe(403)

    const cookie = await t.sessionCookie(graduateId)
    expect((await t.request('GET', '/api/roster/alumni-mentoring', { cookie })).json).toEqual({ graduate: true, mentor: false })
    const joined = await t.request('POST', '/api/roster/alumni-mentoring', { cookie, body: { mentor: true } })
    expect(joined.status, joined.text).toBe(200)
    const profile = await t.request('GET', `/api/profiles/${graduateId}`, { cookie: admin })
    expect(profile.json.person.roles).toEqual(['mentor'])
    expect(profile.json.mentor).toMatchObject({ kind: 'alumni', graduationYear: 2026 })
  })
})
