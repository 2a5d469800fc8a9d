// esbuild options for the command line's bundle, shared by the build and the command line's
// end-to-end tests. Code splitting keeps each command in its own chunk, loaded only when that
// command runs: `preceptor match` never loads the server's packages. Chunks sit beside
// main.js (dist/cli/), so code that finds files relative to its own module (the web app, the
// migrations, the class-simulation worker) sees the same folder depth as before.
export function cliBuildOptions(outdir) {
  return {
    entryPoints: { 'cli/main': 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'cli/[name]-[hash]',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  }
}
