import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { DatabaseHandle } from '#server/db/client.ts'
import { createTestDatabase } from '#tests/setup/test-database.ts'

// Letters and photos are stored as bytea. On PGlite the client converts them with Node's hex
// codec instead of the driver's byte-by-byte one (client.ts); both drivers must give back
// exactly the bytes they were given, whatever their values and offsets.
let handle: DatabaseHandle
beforeAll(async () => {
  handle = await createTestDatabase()
  await handle.db.execute(sql`create temporary table blobs (id int primary key, bytes bytea not null)`)
})
afterAll(async () => {
  await handle?.close()
})

async function roundTrip(id: number, bytes: Uint8Array): Promise<Uint8Array> {
  await handle.db.execute(sql`insert into blobs (id, bytes) values (${id}, ${bytes})`)
  const result = await handle.db.execute(sql`select bytes, octet_length(bytes) as length from blobs where id = ${id}`)
  const row = (result as unknown as { rows: { bytes: Uint8Array; length: number }[] }).rows[0]
  expect(Number(row?.length)).toBe(bytes.byteLength)
  return row?.bytes as Uint8Array
}

it('every byte value comes back as it went in', async () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i)
  expect([...(await roundTrip(1, all))]).toEqual([...all])
})

it('a view into a larger buffer stores only its own bytes', async () => {
  const backing = Uint8Array.from({ length: 64 }, (_, i) => 255 - i)
  const view = backing.subarray(10, 20)
  expect([...(await roundTrip(2, view))]).toEqual([...view])
})

it('an empty value and a large one survive', async () => {
  expect((await roundTrip(3, new Uint8Array(0))).byteLength).toBe(0)
  const large = new Uint8Array(3 * 1024 * 1024)
  for (let i = 0; i < large.length; i += 4093) large[i] = i % 251
  const back = await roundTrip(4, large)
  expect(Buffer.compare(Buffer.from(back), Buffer.from(large))).toBe(0)
})
