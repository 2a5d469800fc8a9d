import type { MiddlewareHandler } from 'hono'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { chooseEncoding } from './content-encoding.ts'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Smaller answers gain too little to pay for compressing them (and a header). */
export const COMPRESS_JSON_MIN_BYTES = 1024

/**
 * Compresses JSON answers of at least COMPRESS_JSON_MIN_BYTES for clients that accept brotli or
 * gzip: directory pages, program lists and rosters are tens of kilobytes of repetitive JSON.
 * Brotli at a low quality is faster than gzip and still smaller. Files (PDFs, CSV exports) and
 * streams are left alone.
 */
export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const response = c.res
    if (!response.body || response.headers.has('content-encoding') || !/^application\/json\b/i.test(response.headers.get('content-type') ?? '')) return
    const vary = response.headers.get('vary')
    if (!vary?.toLowerCase().includes('accept-encoding')) response.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
    const encoding = chooseEncoding(c.req.header('accept-encoding'), ['br', 'gzip'])
    if (!encoding) return
    const bytes = Buffer.from(await response.clone().arrayBuffer())
    if (bytes.length < COMPRESS_JSON_MIN_BYTES) return
    const compressed =
      encoding === 'br'
        ? await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
        : await gzipAsync(bytes, { level: 6 })
    // Hono copies the old response's headers onto the new one, so they are set there.
    response.headers.set('content-encoding', encoding)
    response.headers.set('content-length', String(compressed.length))
    c.res = new Response(compressed, { status: response.status, statusText: response.statusText, headers: response.headers })
  }
}
