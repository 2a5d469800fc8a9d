import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseEnv } from '../config/env.ts'
import { openPglite, openPostgres, type DatabaseHandle } from './client.ts'
import { lockDataDir } from './data-dir-lock.ts'

export type ConfiguredDatabase = {
  handle: DatabaseHandle
  /** In words, for start-up lines: "PostgreSQL" or "embedded PGlite in /srv/preceptor/data". */
  description: string
  isNew: boolean
  close(): Promise<void>
}

/**
 * The database the settings name: PostgreSQL when DATABASE_URL is set, otherwise embedded
 * PGlite in DATA_DIR, whose folder is locked for as long as it is open (decision 001).
 */
export async function openConfiguredDatabase(
  source: Record<string, string | undefined>,
  log: (line: string) => void = () => {},
  /** A ready PGlite folder to copy into a new data folder instead of creating an empty one. */
  options: { copyFrom?: (pgliteDir: string) => boolean } = {},
): Promise<ConfiguredDatabase> {
  const env = parseEnv(source)
  if (env.DATABASE_URL) {
    const handle = await openPostgres(env.DATABASE_URL)
    return { handle, description: 'PostgreSQL', isNew: false, close: () => handle.close() }
  }
  const dataDir = resolve(env.DATA_DIR)
  const release = lockDataDir(dataDir)
  try {
    const isNew = !existsSync(join(dataDir, 'pglite', 'PG_VERSION'))
    // Copied under the folder's lock, so two first starts cannot both write it.
    const copied = isNew && (options.copyFrom?.(join(dataDir, 'pglite')) ?? false)
    if (isNew && !copied) log(`creating the embedded database in ${dataDir} (the first start takes a few seconds)…`)
    const handle = await openPglite(join(dataDir, 'pglite'))
    return {
      handle,
      description: `embedded PGlite in ${dataDir}`,
      isNew,
      close: async () => {
        await handle.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}
