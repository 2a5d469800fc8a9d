import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

describe('people for school officials', () => {
  it('counts active students by class year and those without a specialty interest', async () => {
    await t.insertAccount(['student'], { student: { classYear: 'M3', specialtyInterests: [] } })
    await t.insertAccount(['student'], { student: { classYear: 'M3', specialtyInterests: ['pediatrics'] } })
    await t.insertAccount(['student'], { student: { classYear: 'M1', specialtyInterests: [] } })
    await t.insertAccount(['student'], { status: 'disabled', student: { classYear: 'M3', specialtyInterests: [] } })
    const { cookie } = await t.signedInAs(['advisor'])
    const response = await t.request('GET', '/api/people/students-summary', { cookie })
    expect(response.status).toBe(200)
    expect(response.json.byClassYear).toMatchObject({ M1: 1, M3: 2, M2: 0, M4: 0 })
    expect(response.json.withoutSpecialtyInterest).toMatchObject({ M1: 1, M3: 1 })
    expect(response.json.total).toBe(3)
  })

  it('searches people by name or e-mail, treating % and _ as letters', async () => {
    await t.insertAccount(['mentor'], { name: 'Imani Castellanos' })
    await t.insertAccount(['mentor'], { name: 'Percy 100% Sure' })
    const { cookie } = await t.signedInAs(['admin'])
    const byName = await t.request('GET', '/api/admin/people?q=castell', { cookie })
    expect(byName.json.items.map((p: { name: string }) => p.name)).toEqual(['Imani Castellanos'])
    const literal = await t.request('GET', '/api/admin/people?q=%25', { cookie })
    expect(literal.json.items.map((p: { name: string }) => p.name)).toEqual(['Percy 100% Sure'])
    const tooBig = await t.request('GET', '/api/admin/people?pageSize=1000', { cookie })
    expect(tooBig.status).toBe(400)
  })
})
