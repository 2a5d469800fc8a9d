import { Hono } from 'hono'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { chooseEncoding } from './content-encoding.ts'
import { serveWebApp } from './static.ts'

const script = 'export const page = "sign-in";\n'.repeat(200)
const indexHtml = '<!doctype html><title>Preceptor</title><script type="module" src="/assets/index-abc123.js"></script>'
let app: Hono

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'preceptor-static-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), indexHtml)
  writeFileSync(join(root, 'assets', 'index-abc123.js'), script)
  writeFileSync(join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync(script))
  writeFileSync(join(root, 'assets', 'index-abc123.js.gz'), gzipSync(script))
  writeFileSync(join(root, 'assets', 'logo-def456.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  app = new Hono()
  app.use('*', serveWebApp(root))
})

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => app.request(path, { method, headers })

describe('serving the built web app', () => {
  it('sends the brotli copy to a browser that accepts brotli, with the encoding, Vary and a year of cache', async () => {
    const response = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(response.headers.get('vary')).toBe('Accept-Encoding')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
    const body = Buffer.from(await response.arrayBuffer())
    expect(body).toEqual(brotliCompressSync(script))
    expect(Number(response.headers.get('content-length'))).toBe(body.length)
    expect(body.length).toBeLessThan(script.length / 10)
  })

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gzipped = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, br;q=0' })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(Buffer.from(await gzipped.arrayBuffer())).toEqual(gzipSync(script))
    const plain = await get('/assets/index-abc123.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    expect(await plain.text()).toBe(script)
  })

  it('answers every page of the app with index.html, revalidated each time', async () => {
    for (const path of ['/', '/mentors/123', '/sign-in']) {
      const response = await get(path, { 'accept-encoding': 'br' })
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await response.text()).toBe(indexHtml)
    }
    const etag = (await get('/')).headers.get('etag')
    expect(etag).toMatch(/^"/)
    expect((await get('/advising', { 'if-none-match': etag as string })).status).toBe(304)
  })

  it('gives 404 for a missing hashed file instead of the page, and leaves the API alone', async () => {
    expect((await get('/assets/index-gone99.js')).status).toBe(404)
    expect((await get('/api/nothing')).status).toBe(404)
    expect((await get('/assets/index-abc123.js', {}, 'POST')).status).toBe(404)
  })

  it('sends files with no compressed copy as they are, without Vary', async () => {
    const response = await get('/assets/logo-def456.png', { 'accept-encoding': 'br, gzip' })
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(response.headers.get('vary')).toBeNull()
    expect(response.headers.get('content-type')).toBe('image/png')
  })

  it('answers HEAD with the length of what GET would send', async () => {
    const response = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(response.status).toBe(200)
    expect(Number(response.headers.get('content-length'))).toBe(gzipSync(script).length)
  })
})

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['*', 'br'],
    ['identity', null],
    ['GZIP', 'gzip'],
    [undefined, null],
  ] as const)('%s → %s', (header, expected) => {
    expect(chooseEncoding(header, ['br', 'gzip'])).toBe(expected)
  })
})
