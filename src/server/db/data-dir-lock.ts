import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * PGlite gives no error when a second process opens the same data folder, and that process's
 * writes are silently lost. So one process owns the folder: it writes its pid into a lock file
 * and every other start refuses while that process lives.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const lockPath = join(dataDir, 'preceptor.lock')
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
  } catch {
    const holder = Number(readFileSync(lockPath, 'utf8').trim())
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`The data folder ${dataDir} is in use by another Preceptor process (pid ${holder}). Stop it first, or set DATA_DIR to another folder.`)
    }
    // The previous owner died without cleaning up: take the folder over.
    writeFileSync(lockPath, String(process.pid))
  }
  return () => rmSync(lockPath, { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
