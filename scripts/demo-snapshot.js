#!/usr/bin/env node
// Prepares dist/demo-snapshot (the demo school as a ready embedded database) from the built
// server, so that the first `npm start` after `npm install` copies it instead of loading the
// demo school. See src/server/db/demo-snapshot.ts.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const entry = join(root, 'dist', 'server', 'make-demo-snapshot.js')
if (!existsSync(entry)) {
  console.error('demo snapshot: build the server first (npm run build)')
  process.exit(1)
}
console.log('demo snapshot: preparing the demo school for the first start…')
const result = spawnSync(process.execPath, [entry], { stdio: 'inherit', cwd: root })
process.exit(result.status ?? 1)
