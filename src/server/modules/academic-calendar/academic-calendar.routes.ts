import { AcademicCalendarInput, AcademicCalendarView } from '#shared/contracts/academic-calendar.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** The school's academic calendar: every signed-in person reads it; the office (advisors) and admins write it. */
export function academicCalendarRoutes() {
  const router = createRouter()
  const calendar = jsonResponse(AcademicCalendarView, 'Year starts, breaks and holidays, in order of their first day.')

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/academic-calendar',
      tags: ['academic-calendar'],
      summary: 'The school’s academic calendar: year starts, breaks and holidays',
      responses: { 200: calendar },
    }),
    async (c) => c.json(await c.var.services.academicCalendar.getCalendar(), 200),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'put',
      path: '/api/academic-calendar',
      tags: ['academic-calendar'],
      summary: 'Replace the academic calendar with the dates sent (every row of the form)',
      request: { body: jsonBody(AcademicCalendarInput) },
      responses: { 200: calendar },
    }),
    async (c) => c.json(await c.var.services.academicCalendar.saveCalendar(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  return router
}
