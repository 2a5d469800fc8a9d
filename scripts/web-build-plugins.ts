/**
 * Build steps of the web app (used by vite.config.ts):
 * - `precompress`: writes a brotli (.br) and a gzip (.gz) copy next to every text file of the
 *   build, once, so the server sends compressed files without compressing on each request.
 * - `firstLoadBudget`: prints how much JavaScript (gzip) the sign-in page and a student's home
 *   load, and fails the build when it passes the budget.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/
/** Below this a compressed copy saves less than the extra header costs. */
const MIN_BYTES = 1024

type Output = {
  fileName: string
  type: 'chunk' | 'asset'
  code?: string
  source?: string | Uint8Array
  isEntry?: boolean
  facadeModuleId?: string | null
  imports?: string[]
}

const bytesOf = (file: Output): Uint8Array => Buffer.from(file.type === 'chunk' ? (file.code ?? '') : (file.source ?? ''))

export function precompress(): Plugin {
  return {
    name: 'preceptor:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir as string
      for (const file of Object.values(bundle) as Output[]) {
        // Source maps are fetched only by developer tools: not worth brotli's time.
        if (!COMPRESSIBLE.test(file.fileName) || file.fileName.endsWith('.map')) continue
        const bytes = bytesOf(file)
        if (bytes.length < MIN_BYTES) continue
        const path = join(dir, file.fileName)
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
        )
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }))
      }
    },
  }
}

/** The pages a newcomer's first visit loads: the sign-in page, then a student's home. */
const FIRST_LOAD_PAGES = ['features/identity/sign-in-page.tsx', 'features/home/home-page.tsx']

export function firstLoadBudget(budgetKb: number): Plugin {
  return {
    name: 'preceptor:first-load-budget',
    apply: 'build',
    writeBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, Output>
      const chunks = Object.values(files).filter((file) => file.type === 'chunk')
      const roots = chunks.filter((chunk) => chunk.isEntry || FIRST_LOAD_PAGES.some((page) => chunk.facadeModuleId?.endsWith(page)))
      const missing = FIRST_LOAD_PAGES.filter((page) => !chunks.some((chunk) => chunk.facadeModuleId?.endsWith(page)))
      // Each page found as its own chunk (a lazy route); one that is not would be in the entry.
      if (missing.length > 0) this.warn(`first-load budget: no chunk of its own for ${missing.join(', ')}`)
      const loaded = new Set<string>()
      const visit = (fileName: string) => {
        if (loaded.has(fileName)) return
        loaded.add(fileName)
        for (const imported of files[fileName]?.imports ?? []) visit(imported)
      }
      for (const root of roots) visit(root.fileName)
      const gzipBytes = [...loaded].reduce((sum, fileName) => sum + gzipSync(bytesOf(files[fileName] as Output), { level: 9 }).length, 0)
      const kb = gzipBytes / 1024
      const line = `JavaScript for the sign-in page and a student's home: ${kb.toFixed(1)} KB gzip in ${loaded.size} files (budget ${budgetKb} KB)`
      if (kb > budgetKb) this.error(`${line}: over budget. Load the heavy parts lazily (routes.tsx) or split them.`)
      console.log(`\n${line}`)
    },
  }
}
