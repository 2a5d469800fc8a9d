// A throwaway PostgreSQL cluster for the integration suite: created in a temp folder, tuned for
// speed over durability, and removed afterwards.
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { capture, captureSync, isRoot, processAlive, which } from './proc.js'

const DIR_PREFIX = 'preceptor-pg-'
export const TEST_DATABASE = 'preceptor_test'

/** Directory holding initdb and pg_ctl: PATH first, then Debian's versioned folders, newest first. */
export function findPgBinDir() {
  const initdb = which('initdb')
  const pgCtl = which('pg_ctl')
  if (initdb && pgCtl) return { initdb, pgCtl, createdb: which('createdb') }
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
  for (const version of versions) {
    const bin = join(root, version, 'bin')
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) {
      return { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl'), createdb: join(bin, 'createdb') }
    }
  }
  return null
}

// initdb and postgres refuse to run as root, so as root the cluster belongs to `postgres`.
function asOwner(command, args) {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

// The temp folder must be reachable by `postgres`; TMPDIR may point somewhere private to root.
function baseDir() {
  return process.env.PRECEPTOR_PG_TMPDIR ?? (isRoot() ? '/tmp' : tmpdir())
}

async function ensurePostgresUser(log) {
  if (!isRoot()) return
  if ((await capture('id', ['-u', 'postgres'])).code === 0) return
  log('creating system user postgres (initdb will not run as root)')
  const result = await capture('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--home-dir',
    '/nonexistent',
    '--shell',
    '/usr/sbin/nologin',
    'postgres',
  ])
  if (result.code !== 0) throw new Error(`useradd postgres failed: ${result.stderr.trim()}`)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function stopClusterIn(dir, pgCtl) {
  const data = join(dir, 'data')
  if (existsSync(join(data, 'postmaster.pid'))) {
    // immediate: the data is thrown away, so no shutdown checkpoint is worth waiting for.
    const [command, args] = asOwner(pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30', '-s'])
    const result = captureSync(command, args)
    if (result.code !== 0 && existsSync(join(data, 'postmaster.pid'))) {
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
      if (pid > 0) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {}
      }
    }
  }
  rmSync(dir, { recursive: true, force: true })
}

/** Clusters left by a run that was killed outright (SIGKILL, power loss) are stopped here. */
function sweepStale(pgCtl, log) {
  const base = baseDir()
  let entries = []
  try {
    entries = readdirSync(base)
  } catch {
    return
  }
  for (const name of entries) {
    const match = name.startsWith(DIR_PREFIX) && /^preceptor-pg-(\d+)-/.exec(name)
    if (!match || processAlive(Number(match[1]))) continue
    log(`removing a cluster left behind by an earlier run: ${join(base, name)}`)
    stopClusterIn(join(base, name), pgCtl)
  }
}

/**
 * Starts a cluster on a free 127.0.0.1 port and creates the test database.
 * Returns { url, port, version, stop() }; stop() is synchronous and idempotent so it can run from
 * signal and exit handlers, and is also handed to `registerCleanup` as soon as the folder exists.
 */
export async function startCluster(bins, log, registerCleanup = () => {}) {
  sweepStale(bins.pgCtl, log)
  await ensurePostgresUser(log)

  const dir = mkdtempSync(join(baseDir(), `${DIR_PREFIX}${process.pid}-`))
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    stopClusterIn(dir, bins.pgCtl)
  }
  // Registered before anything is started, so an interrupt during start-up cleans up too.
  registerCleanup(stop)

  try {
    if (isRoot()) {
      const uid = (await capture('id', ['-u', 'postgres'])).stdout.trim()
      const gid = (await capture('id', ['-g', 'postgres'])).stdout.trim()
      chownSync(dir, Number(uid), Number(gid))
    }
    chmodSync(dir, 0o700)

    const data = join(dir, 'data')
    {
      const [command, args] = asOwner(bins.initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
      const result = await capture(command, args)
      if (result.code !== 0) throw new Error(`initdb failed:\n${result.stdout}${result.stderr}`)
    }

    const version = (await capture(bins.pgCtl, ['--version'])).stdout
      .trim()
      .replace(/^pg_ctl \(PostgreSQL\) /, '')
      .replace(/ \(.*\)$/, '')
    // Another process may take the port between probing and binding; try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort()
      const settings = [
        '-c listen_addresses=127.0.0.1',
        `-p ${port}`,
        `-c unix_socket_directories=${dir}`,
        // Durability is pointless for a cluster deleted after the run; these make writes cheap.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ')
      const [command, args] = asOwner(bins.pgCtl, ['start', '-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-s', '-o', settings])
      const result = await capture(command, args)
      if (result.code === 0) {
        const createdb = bins.createdb && existsSync(bins.createdb) ? bins.createdb : 'createdb'
        const created = await capture(createdb, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', TEST_DATABASE])
        if (created.code !== 0) throw new Error(`createdb ${TEST_DATABASE} failed: ${created.stderr.trim()}`)
        return { url: `postgres://postgres@127.0.0.1:${port}/${TEST_DATABASE}`, port, version, dir, stop }
      }
      const logText = existsSync(join(dir, 'postgres.log')) ? readFileSync(join(dir, 'postgres.log'), 'utf8') : ''
      if (attempt < 3 && /could not bind|address already in use/i.test(logText)) continue
      throw new Error(`pg_ctl start failed:\n${result.stdout}${result.stderr}${logText}`)
    }
  } catch (error) {
    stop()
    throw error
  }
}
