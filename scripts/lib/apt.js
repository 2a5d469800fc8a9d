// Installs the system packages the test suites need (Chromium, PostgreSQL) on Debian, so a fresh
// CI machine needs nothing but Node and `npm ci` before `npm test`.
import { isRoot, sleep, stream, which } from './proc.js'

// Another apt run (an image's first-boot install, unattended-upgrades) may hold the dpkg lock.
// apt waits on the dpkg lock itself; the lists lock taken by `update` is retried here.
const LOCK_TIMEOUT_S = 300
const LOCK_RETRY_INTERVAL_MS = 10_000
const LOCK_RETRIES = LOCK_TIMEOUT_S / (LOCK_RETRY_INTERVAL_MS / 1000)
const LOCK_BUSY = /could not get lock|unable to (acquire|lock)|is held by process|waiting for cache lock/i

async function aptGet(args, log) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (let attempt = 1; ; attempt++) {
    log(`$ apt-get ${args.join(' ')}`)
    let lockBusy = false
    const { code } = await stream('apt-get', ['-o', `DPkg::Lock::Timeout=${LOCK_TIMEOUT_S}`, ...args], {
      env,
      onStderr: (text) => {
        if (LOCK_BUSY.test(text)) lockBusy = true
      },
    })
    if (code === 0) return
    if (lockBusy && attempt < LOCK_RETRIES) {
      log(`apt is busy (another install is running); retrying in ${LOCK_RETRY_INTERVAL_MS / 1000} s`)
      await sleep(LOCK_RETRY_INTERVAL_MS)
      continue
    }
    throw new Error(`apt-get ${args.join(' ')} failed with exit code ${code}`)
  }
}

/**
 * Installs the Debian packages whose `present()` check fails.
 * @param {{ pkg: string, what: string, present: () => boolean }[]} wanted
 */
export async function ensurePackages(wanted, log) {
  let missing = wanted.filter((item) => !item.present())
  if (missing.length === 0) return
  const names = missing.map((item) => item.pkg)
  if (!isRoot()) {
    throw new Error(
      `${missing.map((item) => item.what).join(' and ')} not found. Install ${names.length > 1 ? 'them' : 'it'} ` +
        `(sudo apt-get install -y ${names.join(' ')}) or run npm test as root, which installs ${names.length > 1 ? 'them' : 'it'}.`,
    )
  }
  if (!which('apt-get')) {
    throw new Error(`${missing.map((item) => item.what).join(' and ')} not found, and there is no apt-get here to install ${names.join(' ')}.`)
  }
  log(`installing ${names.join(', ')} with apt-get (${missing.map((item) => item.what).join('; ')} missing)`)
  await aptGet(['update'], log)
  // A background install holding the lock may have been installing the very same package.
  missing = missing.filter((item) => !item.present())
  if (missing.length > 0) await aptGet(['install', '-y', ...missing.map((item) => item.pkg)], log)
  const stillMissing = missing.filter((item) => !item.present())
  if (stillMissing.length > 0) {
    throw new Error(`apt-get installed ${names.join(', ')}, but ${stillMissing.map((item) => item.what).join(' and ')} still cannot be found`)
  }
}
