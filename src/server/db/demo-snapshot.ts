import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MS_PER_DAY } from '#shared/time.ts'

/**
 * The demo school as a ready embedded-database folder, made once by `npm install` (see
 * scripts/demo-snapshot.js). A first start copies it instead of creating the database, running
 * the migrations and loading 1,700 people, which is most of a first start's time. The demo is
 * reckoned from the day it is generated, so a snapshot older than a day is not used: that start
 * loads the demo school itself, as it would without a snapshot.
 */
export const DEMO_SNAPSHOT_MAX_AGE_MS = MS_PER_DAY

export type DemoSnapshotInfo = { createdAt: string; people: number }

/** dist/demo-snapshot, found from this file both in the bundle and in the source tree. */
export function demoSnapshotFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  // The bundle is dist/server/*.js; this source file is src/server/db/demo-snapshot.ts.
  return basename(here) === 'server' ? join(here, '..', 'demo-snapshot') : join(here, '..', '..', '..', 'dist', 'demo-snapshot')
}

/** The snapshot's description when it is complete and young enough to use, else null. */
export function readUsableDemoSnapshot(folder: string, now: Date): DemoSnapshotInfo | null {
  try {
    const info = JSON.parse(readFileSync(join(folder, 'snapshot.json'), 'utf8')) as DemoSnapshotInfo
    const age = now.getTime() - new Date(info.createdAt).getTime()
    if (!(age >= 0 && age < DEMO_SNAPSHOT_MAX_AGE_MS)) return null
    return existsSync(join(folder, 'pglite', 'PG_VERSION')) ? info : null
  } catch {
    return null
  }
}

/** Copies the snapshot's database folder to where PGlite will open it. */
export function copyDemoSnapshot(folder: string, pgliteDir: string): void {
  // Copied beside and renamed: a start stopped halfway leaves no folder that looks complete.
  const partial = `${pgliteDir}.partial`
  rmSync(partial, { recursive: true, force: true })
  cpSync(join(folder, 'pglite'), partial, { recursive: true })
  rmSync(pgliteDir, { recursive: true, force: true })
  renameSync(partial, pgliteDir)
}
