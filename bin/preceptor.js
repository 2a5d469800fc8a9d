#!/usr/bin/env node
// The `preceptor` command. Runs the bundled build (made by `npm install` / `npm run build:server`).
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const entry = join(root, 'dist', 'cli', 'main.js')
if (!existsSync(entry)) {
  console.error('preceptor: the command is not built yet; run `npm run build:server` first.')
  process.exit(1)
}
await import(pathToFileURL(entry).href)
