// Routes annotate the shared contracts (zod schemas) with `.openapi()`, a method that
// @hono/zod-openapi adds to zod when it is first imported; zod 4 gives a schema its methods when
// the schema is made. Test files share their worker's loaded modules (vitest.config.ts, `isolate:
// false`), so a file that loads a contract before any route would leave that schema without the
// method for every later file of the worker. Loading the extension before any test file makes the
// order of the files irrelevant.
import '@hono/zod-openapi'
