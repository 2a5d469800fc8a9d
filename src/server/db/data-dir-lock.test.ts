import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lockDataDir } from './data-dir-lock.ts'

const folders: string[] = []
const freshFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'preceptor-lock-'))
  folders.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('lockDataDir', () => {
  it('takes the folder and releases it', () => {
    const dir = freshFolder()
    const release = lockDataDir(dir)
    expect(existsSync(join(dir, 'preceptor.lock'))).toBe(true)
    release()
    expect(existsSync(join(dir, 'preceptor.lock'))).toBe(false)
  })

  it('refuses while another live process holds it', async () => {
    const dir = freshFolder()
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'])
    try {
      writeFileSync(join(dir, 'preceptor.lock'), String(holder.pid))
      expect(() => lockDataDir(dir)).toThrow(/in use by another Preceptor process/)
    } finally {
      holder.kill()
    }
  })

  it('takes over a lock left by a process that died', () => {
    const dir = freshFolder()
    writeFileSync(join(dir, 'preceptor.lock'), '2147483646')
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, 'preceptor.lock'), 'utf8').trim()).toBe(String(process.pid))
    release()
    expect(existsSync(join(dir, 'preceptor.lock'))).toBe(false)
  })
})
