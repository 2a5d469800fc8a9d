#!/usr/bin/env node
// `npm start`: builds what changed since the last build, then runs the server in this same
// process. One Node process instead of a separate build step saves a process start on every
// restart, which is most of what a restart with nothing to build costs beyond the server itself.
import { buildIfChanged } from './lib/build-if-changed.js'

const status = buildIfChanged()
if (status !== 0) process.exit(status)
const { runServerProgram } = await import('../dist/server/main.js')
await runServerProgram()
