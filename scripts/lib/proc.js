// Child-process helpers shared by the test runner's set-up and steps.
import { spawn, spawnSync } from 'node:child_process'
import { accessSync, appendFileSync, closeSync, constants, openSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

/** Finds an executable on PATH, like `command -v`. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {}
  }
  return null
}

export function processAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs a command to completion, capturing its output. For short set-up commands whose output
 * only matters when they fail.
 */
export function capture(command, args, options = {}) {
  return new Promise((resolve) => {
    // Own process group, so killCaptured() also reaches what the command started (runuser → initdb).
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    captured.add(child)
    child.on('exit', () => captured.delete(child))
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', (error) => resolve({ code: 127, stdout, stderr: stderr + String(error) }))
    child.on('close', (code, signal) => resolve({ code: code ?? 128, signal, stdout, stderr }))
  })
}

const captured = new Set()

/** Kills set-up commands still running, so none of them outlives an interrupted run. */
export function killCaptured() {
  for (const child of captured) signalGroup(child, 'SIGKILL')
}

/** Synchronous variant, for clean-up paths that may run inside an 'exit' handler. */
export function captureSync(command, args, options = {}) {
  const result = spawnSync(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  return { code: result.status ?? 128, stdout: result.stdout ?? '', stderr: (result.stderr ?? '') + (result.error ? String(result.error) : '') }
}

/** The child currently streaming to the terminal, so a signal handler can pass the signal on. */
let foreground = null

export function foregroundChild() {
  return foreground
}

/**
 * Runs a command with its output streamed to ours. The child gets its own process group so that
 * a forwarded signal reaches every process it started (npx → node → workers); stdin is closed
 * because a background process group reading the terminal would be stopped.
 * `onStderr` sees stderr as it passes through (apt uses it to spot a busy lock).
 */
export function stream(command, args, { env = process.env, cwd, onStderr } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'inherit', onStderr ? 'pipe' : 'inherit'],
    })
    foreground = child
    if (onStderr) {
      child.stderr.on('data', (chunk) => {
        process.stderr.write(chunk)
        onStderr(String(chunk))
      })
    }
    child.on('error', (error) => {
      console.error(`cannot run ${command}: ${error.message}`)
    })
    child.on('close', (code, signal) => {
      if (foreground === child) foreground = null
      resolve({ code: code ?? (signal ? 128 : 1), signal })
    })
  })
}

/** Children running beside the foreground one, their output going to a file (see `streamToFile`). */
const background = new Set()

export function backgroundChildren() {
  return [...background]
}

/**
 * Runs a command beside whatever streams to the terminal, its stdout and stderr going to `file`
 * (the caller prints it when the command is done). Like `stream`, the child has its own process
 * group, so a forwarded signal reaches everything it started.
 */
export function streamToFile(command, args, { env = process.env, cwd, file }) {
  return new Promise((resolve) => {
    const out = openSync(file, 'w')
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', out, out] })
    closeSync(out)
    background.add(child)
    child.on('error', (error) => {
      appendFileSync(file, `cannot run ${command}: ${error.message}\n`)
    })
    child.on('close', (code, signal) => {
      background.delete(child)
      resolve({ code: code ?? (signal ? 128 : 1), signal })
    })
  })
}

/** Sends a signal to a streamed child's whole process group. */
export function signalGroup(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {}
  }
}
