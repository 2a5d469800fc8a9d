import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import {
  MAX_PROGRAMS_CSV_BYTES,
  ProgramDetail,
  ProgramSearchQuery,
  ProgramSearchResult,
  ProgramsExportQuery,
  ProgramsImportReport,
  SavedProgramResponse,
} from '#shared/contracts/residency-programs.ts'
import { ErrorResponse } from '#shared/contracts/common.ts'
import { AppError } from '#shared/errors.ts'
import { actorOf } from '../../http/access.ts'
import type { AppEnv } from '../../http/app-env.ts'
import { jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/**
 * Residency programs: the explorer and program pages (anyone signed in), a student's "save to
 * my list", and the programs CSV (import by admins, export by advisors and admins). The import
 * takes the file as a raw `text/csv` body with its own size limit, so app.ts leaves these
 * paths out of the API's general 2 MB limit: see `PROGRAM_IMPORT_PATHS`.
 */

export const PROGRAM_IMPORT_PATHS = /^\/api\/residency-programs\/import(\/check)?$/

const ProgramIdParams = z.object({
  programId: z
    .string()
    .min(1, 'Give a program id.')
    .max(40, 'Not a valid program id.')
    .openapi({ param: { name: 'programId', in: 'path', required: true }, example: '1000140C0' }),
})

const csvBody = {
  required: true,
  content: {
    'text/csv': { schema: z.string().openapi({ format: 'binary', description: 'The CSV file (UTF-8). Format: docs/formats/residency-programs-csv.md.' }) },
  },
}
const report = jsonResponse(ProgramsImportReport, 'The report: what was (or would be) created and updated, and every rejected row with its column and reason.')

async function csvBytes(c: Context<AppEnv>): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'text/csv' && type !== 'application/csv' && type !== 'text/plain') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the file as CSV (Content-Type: text/csv).', { file: 'Choose a .csv file.' })
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file is empty.', { file: 'Choose a CSV file with a header row and at least one program.' })
  return bytes
}

const sizeLimit = bodyLimit({
  maxSize: MAX_PROGRAMS_CSV_BYTES,
  onError: () => {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file is larger than ${MAX_PROGRAMS_CSV_BYTES / 1024 / 1024} MB. Split it by specialty and import the parts one after another.`,
      {
        file: `At most ${MAX_PROGRAMS_CSV_BYTES / 1024 / 1024} MB.`,
      },
    )
  },
})

export function residencyProgramsRoutes() {
  const router = createRouter()
  router.use('/api/residency-programs/import', sizeLimit)
  router.use('/api/residency-programs/import/check', sizeLimit)

  // Static paths first: they must not be read as program ids.
  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/residency-programs',
      tags: ['residency-programs'],
      summary: 'Search residency programs: filters, paging, and counts by region and state for the region view',
      request: { query: ProgramSearchQuery },
      responses: { 200: jsonResponse(ProgramSearchResult, 'A page of programs and the region view’s counts.') },
    }),
    async (c) => c.json(await c.var.services.residencyPrograms.searchPrograms(actorOf(c), c.req.valid('query')), 200),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/residency-programs/export.csv',
      tags: ['residency-programs'],
      summary: 'Every program (or one specialty’s) as CSV, in the import format',
      request: { query: ProgramsExportQuery },
      responses: { 200: { description: 'CSV (RFC 4180), UTF-8.', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const { specialty } = c.req.valid('query')
      const csv = await c.var.services.residencyPrograms.exportPrograms(specialty)
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="residency-programs${specialty ? `-${specialty}` : ''}.csv"`,
      })
    },
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/residency-programs/import/check',
      tags: ['residency-programs'],
      summary: 'Check a programs CSV without importing it: every rejected row, and how many programs would be created or updated',
      request: { body: csvBody },
      responses: { 200: report },
    }),
    async (c) => c.json(await c.var.services.residencyPrograms.importPrograms(actorOf(c), await csvBytes(c), { dryRun: true }, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/residency-programs/import',
      tags: ['residency-programs'],
      summary: 'Import a programs CSV: accepted rows are created or updated by id in one transaction; rejected rows write nothing',
      request: { body: csvBody },
      responses: { 200: report },
    }),
    async (c) => c.json(await c.var.services.residencyPrograms.importPrograms(actorOf(c), await csvBytes(c), { dryRun: false }, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/residency-programs/{programId}',
      tags: ['residency-programs'],
      summary: 'One program: every field, and students from our school who matched there (counts by year; names of listed alumni mentors only)',
      request: { params: ProgramIdParams },
      responses: { 200: jsonResponse(ProgramDetail, 'The program.') },
    }),
    async (c) => c.json(await c.var.services.residencyPrograms.getProgram(actorOf(c), c.req.valid('param').programId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'put',
      path: '/api/residency-programs/{programId}/saved',
      tags: ['residency-programs'],
      summary: 'Save the program to my program list (as "considering"); saving it again changes nothing',
      request: { params: ProgramIdParams },
      responses: { 200: jsonResponse(SavedProgramResponse, 'The program’s status on my list.') },
    }),
    async (c) => c.json(await c.var.services.residencyPrograms.saveProgram(actorOf(c), c.req.valid('param').programId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'delete',
      path: '/api/residency-programs/{programId}/saved',
      tags: ['residency-programs'],
      summary: 'Take the program off my list while I am only considering it (applied-to programs are kept: 409)',
      request: { params: ProgramIdParams },
      responses: {
        200: jsonResponse(SavedProgramResponse, 'Removed.'),
        409: { description: 'The program has moved past "considering" on my list.', content: { 'application/json': { schema: ErrorResponse } } },
      },
    }),
    async (c) => c.json(await c.var.services.residencyPrograms.unsaveProgram(actorOf(c), c.req.valid('param').programId), 200),
  )

  return router
}
