import { z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import {
  CalibrationList,
  CalibrationView,
  CreateCalibrationRequest,
  ImportPastOutcomesRequest,
  ImportPastOutcomesResponse,
  PastOutcomesSummary,
} from '#shared/contracts/calibration.ts'
import { ErrorResponse } from '#shared/contracts/common.ts'
import { AppError } from '#shared/errors.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** The school's past outcomes and the list builder's calibration on them: admins change, advisors read. */

const CalibrationIdParams = z.object({
  calibrationId: z
    .uuid('Not a valid calibration id.')
    .openapi({ param: { name: 'calibrationId', in: 'path', required: true }, example: '5d0c7a52-2f6e-4d1b-9a51-6f1f0e9b2c33' }),
})
const calibration = jsonResponse(CalibrationView, 'The calibration with its report.')

/** A school's whole history fits in one file: this route has its own 8 MB limit (the API keeps 2 MB). */
export const PAST_OUTCOMES_IMPORT_PATHS = /^\/api\/calibration\/past-outcomes\/import$/
const IMPORT_LIMIT_BYTES = 8 * 1024 * 1024

export function calibrationRoutes() {
  const router = createRouter()
  router.use(
    '/api/calibration/past-outcomes/import',
    bodyLimit({
      maxSize: IMPORT_LIMIT_BYTES,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 8 MB. Split it by match year: each file replaces only the years it holds.', {
          csv: 'At most 8 MB.',
        })
      },
    }),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/calibration/past-outcomes',
      tags: ['calibration'],
      summary: 'Past outcomes stored, by match year (counts only)',
      responses: { 200: jsonResponse(PastOutcomesSummary, 'Counts by year.') },
    }),
    async (c) => c.json(await c.var.services.calibration.summarisePastOutcomes(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/calibration/past-outcomes/import',
      tags: ['calibration'],
      summary: 'Check (dryRun) or import a past-outcomes CSV; each match year in the file replaces that year',
      description:
        'Format: docs/formats/past-outcomes-csv.md. A dry run writes nothing and lists every reject (row, column, message). An import with any reject writes nothing and answers 400.',
      request: { body: jsonBody(ImportPastOutcomesRequest) },
      responses: { 200: jsonResponse(ImportPastOutcomesResponse, 'The report: what would be (or was) imported, and every reject.') },
    }),
    async (c) => c.json(await c.var.services.calibration.importPastOutcomes(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/calibrations',
      tags: ['calibration'],
      summary: 'Calibrations of the list builder, newest first, and which one is active',
      responses: { 200: jsonResponse(CalibrationList, 'Calibrations.') },
    }),
    async (c) => c.json(await c.var.services.calibration.listCalibrations(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/calibrations',
      tags: ['calibration'],
      summary: 'Recalibrate the list builder on the stored past outcomes (stored switched off)',
      request: { body: jsonBody(CreateCalibrationRequest) },
      responses: {
        201: calibration,
        409: { description: 'Not enough past outcomes to recalibrate.', content: { 'application/json': { schema: ErrorResponse } } },
      },
    }),
    async (c) => c.json(await c.var.services.calibration.createCalibration(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/calibrations/{calibrationId}',
      tags: ['calibration'],
      summary: 'One calibration and its report',
      request: { params: CalibrationIdParams },
      responses: { 200: calibration },
    }),
    async (c) => c.json(await c.var.services.calibration.getCalibration(c.req.valid('param').calibrationId), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/calibrations/{calibrationId}/activate',
      tags: ['calibration'],
      summary: 'Make this calibration the one the list builder uses',
      request: { params: CalibrationIdParams },
      responses: { 200: calibration },
    }),
    async (c) => c.json(await c.var.services.calibration.activateCalibration(actorOf(c), c.req.valid('param').calibrationId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/calibrations/{calibrationId}/deactivate',
      tags: ['calibration'],
      summary: 'Switch this calibration off (the list builder goes back to the national figures)',
      request: { params: CalibrationIdParams },
      responses: { 200: calibration },
    }),
    async (c) => c.json(await c.var.services.calibration.deactivateCalibration(actorOf(c), c.req.valid('param').calibrationId, requestMeta(c)), 200),
  )

  return router
}
