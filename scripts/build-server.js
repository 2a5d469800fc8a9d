// Bundles the server, the benchmarks and the command line into dist/ with esbuild.
// Dependencies stay external (node_modules); only our own TypeScript is compiled.
import { build } from 'esbuild'
import { readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { cliBuildOptions } from './cli-build-options.js'

const entryPoints = {
  'server/main': 'src/server/main.ts',
  // Worker thread of the class simulation, started by the server (and its benchmark) by path.
  'server/class-simulation-worker': 'src/server/modules/class-simulation/class-simulation.worker.ts',
  // Run by `npm install` (scripts/demo-snapshot.js): the demo school as a ready database.
  'server/make-demo-snapshot': 'src/server/db/make-demo-snapshot.ts',
}
if (existsSync('bench')) {
  for (const file of readdirSync('bench')) {
    if (file.endsWith('.bench.ts')) entryPoints[`bench/${file.replace(/\.ts$/, '')}`] = join('bench', file)
  }
}
// The whole-process yardstick of bench/match-cli.bench.ts, run as its own program.
entryPoints['bench/plain-deferred-acceptance'] = 'bench/plain-deferred-acceptance.ts'
for (const [name, path] of Object.entries(entryPoints)) {
  if (!existsSync(path)) delete entryPoints[name]
}

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Pure-JavaScript packages are bundled in: Node loads one file instead of resolving hundreds
  // of small modules (zod, drizzle, hono) on every start. These stay in node_modules: PGlite
  // finds its WebAssembly and data files beside its own module, argon2 is a native addon, and
  // pg and nodemailer load optional parts by name at run time; pdfkit and mammoth read data files
  // beside their modules.
  external: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'nodemailer', 'pdfkit', 'mammoth', 'esbuild', 'vite', 'vitest', 'playwright-core', 'autocannon'],
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
})

// The command line, on its own with code splitting (see cli-build-options.js).
await build({ ...cliBuildOptions('dist'), sourcemap: true })
