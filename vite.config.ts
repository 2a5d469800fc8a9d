import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { firstLoadBudget, precompress } from './scripts/web-build-plugins.ts'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// The web app lives in src/web; the server serves the build from dist/web on the same origin,
// so in development the API is proxied to a locally running server instead.
export default defineConfig({
  root: fromRoot('./src/web'),
  publicDir: false,
  // The first visit (sign-in page, then a student's home) loads at most 200 KB of JavaScript (gzip).
  plugins: [react(), precompress(), firstLoadBudget(200)],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.API_PORT ?? 4000}`, changeOrigin: false } },
  },
})
