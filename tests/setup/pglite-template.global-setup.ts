import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openPglite } from '#server/db/client.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a freshly migrated PGlite data folder; empty when the suite runs on PostgreSQL. */
    pgliteTemplateFile: string
  }
}

/**
 * Runs once per `vitest run`, before any integration test file: creates and migrates one PGlite
 * database and dumps its data folder to a file. Each test file then loads that dump instead of
 * running initdb and every migration itself, the largest cost of the integration suite.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteTemplateFile', '')
    return () => {}
  }
  const dir = mkdtempSync(join(tmpdir(), 'preceptor-template-'))
  const file = join(dir, 'migrated.tar')
  const handle = await openPglite(undefined, undefined, { smallBufferPool: true })
  try {
    await handle.migrate()
    const dump = await handle.pglite!.dumpDataDir('none')
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  } finally {
    await handle.close()
  }
  project.provide('pgliteTemplateFile', file)
  return () => rmSync(dir, { recursive: true, force: true })
}
