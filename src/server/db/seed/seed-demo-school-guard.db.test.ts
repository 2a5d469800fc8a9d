import { count } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/setup/test-database.ts'
import { insertPerson } from '#tests/factories/index.ts'
import type { DatabaseHandle } from '../client.ts'
import { people } from '../schema/index.ts'
import { insertReferenceData, seedDemoSchool } from './seed-demo-school.ts'

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await createTestDatabase()
  await insertReferenceData(handle.db)
}, 120_000)
afterAll(async () => {
  await handle?.close()
})

describe('the demo school never joins a real school', () => {
  it('refuses to seed a database that already holds people, and writes nothing', async () => {
    await insertPerson(handle.db, { roles: ['student'], email: 'real.student@school.example.edu' })
    const steps: string[] = []
    await expect(
      seedDemoSchool(handle.db, { now: new Date('2026-10-05T14:00:00Z'), demoPasswordHash: 'hash', onProgress: (step) => steps.push(step) }),
    ).rejects.toThrow(/already holds 1 people.*DEMO_MODE=false/)
    expect((await handle.db.select({ n: count() }).from(people))[0]?.n).toBe(1)
    expect(steps).toEqual([])
  })
})
