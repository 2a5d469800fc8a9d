import { Hono } from 'hono'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { COMPRESS_INLINE_MAX_BYTES, COMPRESS_JSON_MIN_BYTES, compressJson } from './compress-json.ts'

const mentors = Array.from({ length: 200 }, (_, i) => ({ id: `mentor-${i}`, name: `Mentor ${i}`, specialty: 'Internal Medicine' }))
const app = new Hono()
app.use('*', compressJson())
app.get('/big', (c) => c.json({ mentors }))
app.get('/small', (c) => c.json({ ok: true }))
// Past the size compressed on the request's thread: the thread pool's path.
const roster = Array.from({ length: 4000 }, (_, i) => ({ id: `student-${i}`, name: `Student ${i}`, classYear: 1 + (i % 4) }))
app.get('/huge', (c) => c.json({ roster }))
app.get('/csv', (c) => c.body('a,b\n'.repeat(2000), 200, { 'content-type': 'text/csv' }))
app.get('/cookie', (c) => {
  c.header('set-cookie', 'a=1')
  return c.json({ mentors })
})

describe('compressing JSON answers', () => {
  it('brotli-compresses a large answer for a browser that accepts it, and it reads back the same', async () => {
    const response = await app.request('/big', { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(response.headers.get('vary')).toBe('Accept-Encoding')
    const body = Buffer.from(await response.arrayBuffer())
    expect(Number(response.headers.get('content-length'))).toBe(body.length)
    expect(JSON.parse(brotliDecompressSync(body).toString())).toEqual({ mentors })
    expect(body.length).toBeLessThan(JSON.stringify({ mentors }).length / 5)
  })

  it('uses gzip when brotli is not accepted, and nothing when no encoding is', async () => {
    const gzipped = await app.request('/big', { headers: { 'accept-encoding': 'gzip' } })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(JSON.parse(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString())).toEqual({ mentors })
    const plain = await app.request('/big')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.json()).toEqual({ mentors })
  })

  it(`compresses answers over ${COMPRESS_INLINE_MAX_BYTES} bytes off the request's thread, and they read back the same`, async () => {
    expect(JSON.stringify({ roster }).length).toBeGreaterThan(COMPRESS_INLINE_MAX_BYTES)
    const br = await app.request('/huge', { headers: { 'accept-encoding': 'br' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(JSON.parse(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString())).toEqual({ roster })
    const gz = await app.request('/huge', { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual({ roster })
  })

  it(`leaves answers under ${COMPRESS_JSON_MIN_BYTES} bytes and files that are not JSON alone`, async () => {
    const small = await app.request('/small', { headers: { 'accept-encoding': 'br' } })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(await small.json()).toEqual({ ok: true })
    const csv = await app.request('/csv', { headers: { 'accept-encoding': 'br' } })
    expect(csv.headers.get('content-encoding')).toBeNull()
  })

  it('keeps the other headers of the answer', async () => {
    const response = await app.request('/cookie', { headers: { 'accept-encoding': 'br' } })
    expect(response.headers.get('set-cookie')).toBe('a=1')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  })
})
