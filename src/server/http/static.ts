import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { MiddlewareHandler } from 'hono'
import { getMimeType } from 'hono/utils/mime'
import { chooseEncoding, ENCODINGS, type Encoding } from './content-encoding.ts'

/**
 * Serves the built web app. The build writes brotli and gzip copies of each text file
 * (`app.js.br`, `app.js.gz`), so a browser that accepts them gets the compressed bytes with no
 * work per request. Hashed files under /assets/ never change: cached for a year. Every other
 * path is a page of the single-page app and gets index.html, which is revalidated each time so
 * a new build reaches people at once.
 */

type StaticFile = { path: string; size: number; type: string; variants: Partial<Record<Encoding, { path: string; size: number }>> }

const EXTENSION: Record<Encoding, string> = { br: '.br', gzip: '.gz' }
const IMMUTABLE = 'public, max-age=31536000, immutable'

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(path) : [path]
  })
}

/** Every file of the build by URL path, with its compressed copies; read once at start-up. */
export function indexWebRoot(webRoot: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>()
  for (const path of listFiles(webRoot)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue
    const variants: StaticFile['variants'] = {}
    for (const encoding of ENCODINGS) {
      const variant = `${path}${EXTENSION[encoding]}`
      if (existsSync(variant)) variants[encoding] = { path: variant, size: statSync(variant).size }
    }
    const urlPath = `/${relative(webRoot, path).split(sep).join('/')}`
    files.set(urlPath, { path, size: statSync(path).size, type: getMimeType(path) ?? 'application/octet-stream', variants })
  }
  return files
}

export function serveWebApp(webRoot: string): MiddlewareHandler {
  const files = indexWebRoot(webRoot)
  const index = files.get('/index.html')
  if (!index) throw new Error(`The web app in ${webRoot} has no index.html.`)
  const indexEtag = `"${createHash('sha256').update(readFileSync(index.path)).digest('base64url').slice(0, 22)}"`

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const path = c.req.path
    if (path.startsWith('/api/')) return next()
    let file = files.get(path)
    // A missing hashed file is a 404, not the app's page: a stale tab then fails to load a
    // chunk cleanly (and reloads) instead of running HTML as JavaScript.
    if (!file && path.startsWith('/assets/')) return next()
    const isPage = !file || file === index
    file ??= index
    if (isPage) {
      c.header('cache-control', 'no-cache')
      c.header('etag', indexEtag)
      if (c.req.header('if-none-match') === indexEtag) return c.body(null, 304)
    } else {
      c.header('cache-control', path.startsWith('/assets/') ? IMMUTABLE : 'no-cache')
    }
    c.header('content-type', file.type)
    const offered = ENCODINGS.filter((encoding) => file.variants[encoding])
    let body = { path: file.path, size: file.size }
    if (offered.length > 0) {
      c.header('vary', 'Accept-Encoding')
      const encoding = chooseEncoding(c.req.header('accept-encoding'), offered)
      const variant = encoding ? file.variants[encoding] : undefined
      if (encoding && variant) {
        c.header('content-encoding', encoding)
        body = variant
      }
    }
    c.header('content-length', String(body.size))
    if (c.req.method === 'HEAD') return c.body(null, 200)
    return c.body(await readFile(body.path), 200)
  }
}
