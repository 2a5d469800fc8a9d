import { z } from '@hono/zod-openapi'
import {
  ClassSimulationList,
  ClassSimulationPreview,
  ClassSimulationPreviewQuery,
  ClassSimulationSummary,
  ClassSimulationView,
  StartClassSimulation,
} from '#shared/contracts/class-simulation.ts'
import { ErrorResponse } from '#shared/contracts/common.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Class simulation (advisors): start, follow, read and cancel background Monte Carlo runs of their students' lists. */

const SimulationIdParams = z.object({
  simulationId: z
    .uuid('Not a valid simulation id.')
    .openapi({ param: { name: 'simulationId', in: 'path', required: true }, example: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }),
})

export function classSimulationRoutes() {
  const router = createRouter()
  const tags = ['class-simulation']

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/class-simulations/preview',
      tags,
      summary: 'How many of my students (of a class year) have a list to simulate',
      request: { query: ClassSimulationPreviewQuery },
      responses: { 200: jsonResponse(ClassSimulationPreview, 'Counts of my students by what list they have.') },
    }),
    async (c) => c.json(await c.var.services.classSimulation.preview(actorOf(c), c.req.valid('query')), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'post',
      path: '/api/class-simulations',
      tags,
      summary: 'Start a class simulation of my students (runs in the background)',
      request: { body: jsonBody(StartClassSimulation) },
      responses: { 201: jsonResponse(ClassSimulationSummary, 'The simulation, queued or running.') },
    }),
    async (c) => c.json(await c.var.services.classSimulation.start(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/class-simulations',
      tags,
      summary: 'My class simulations, newest first',
      responses: { 200: jsonResponse(ClassSimulationList, 'My simulations, without results.') },
    }),
    async (c) => c.json(await c.var.services.classSimulation.list(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/class-simulations/{simulationId}',
      tags,
      summary: 'A simulation: progress, and once done the results of my students (each read audited)',
      request: { params: SimulationIdParams },
      responses: { 200: jsonResponse(ClassSimulationView, 'The simulation.') },
    }),
    async (c) => c.json(await c.var.services.classSimulation.get(actorOf(c), c.req.valid('param').simulationId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'post',
      path: '/api/class-simulations/{simulationId}/cancel',
      tags,
      summary: 'Cancel a queued or running simulation',
      request: { params: SimulationIdParams },
      responses: {
        200: jsonResponse(ClassSimulationSummary, 'The simulation, cancelled.'),
        409: { description: 'It has already finished.', content: { 'application/json': { schema: ErrorResponse } } },
      },
    }),
    async (c) => c.json(await c.var.services.classSimulation.cancel(actorOf(c), c.req.valid('param').simulationId, requestMeta(c)), 200),
  )
  return router
}
