#!/usr/bin/env node
// `npm run build`: builds the server bundle and the web app, each only when its inputs changed
// since the last build (see lib/build-if-changed.js).
//
//   node scripts/build.js                  server and web, each if changed
//   node scripts/build.js --force          rebuild both whatever the stamp says
//   node scripts/build.js --demo-snapshot  also prepare the demo school's database snapshot
//                                          (run by `npm install`, see scripts/demo-snapshot.js)
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfChanged } from './lib/build-if-changed.js'

const args = new Set(process.argv.slice(2))
const status = buildIfChanged({ force: args.has('--force') })
if (status !== 0) process.exit(status)

if (args.has('--demo-snapshot')) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const result = spawnSync(process.execPath, ['scripts/demo-snapshot.js'], { cwd: root, stdio: 'inherit' })
  // The snapshot only speeds up the first start; without it the server loads the demo itself.
  if (result.status !== 0) console.warn('build: the demo snapshot was not made; the first start will load the demo school itself')
}
