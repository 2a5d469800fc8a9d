import { z } from '@hono/zod-openapi'
import { EquityReport, OutcomesReport, ParticipationReport } from '#shared/contracts/office-reports.ts'
import {
  LetterListQuery,
  LetterListResponse,
  LettersDashboard,
  SeasonDashboard,
  SeasonListQuery,
  SeasonListResponse,
} from '#shared/contracts/season-reports.ts'
import { MentorListQuery, MentorListResponse, SchoolDashboard, StudentListQuery, StudentListResponse } from '#shared/contracts/reporting.ts'
import { actorOf } from '../../http/access.ts'
import { jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

const tags = ['reports']
const csvResponse = { 200: { description: 'CSV (RFC 4180), formula-safe.', content: { 'text/csv': { schema: z.string() } } } }
const csvHeaders = (name: string) => ({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` })

/** The school dashboard and its drill-downs: advisors only (their students; every student with the school-wide scope). */
export function reportingRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/school',
      tags,
      summary: 'Engagement by class year and mentor load (the advisor’s students; every student with the school-wide scope)',
      responses: { 200: jsonResponse(SchoolDashboard, 'The figures.') },
    }),
    async (c) => c.json(await c.var.services.reporting.getSchoolDashboard(actorOf(c), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/school/students',
      tags,
      summary: 'The students behind a dashboard figure',
      request: { query: StudentListQuery },
      responses: { 200: jsonResponse(StudentListResponse, 'The students, by name.') },
    }),
    async (c) => c.json(await c.var.services.reporting.listStudents(actorOf(c), c.req.valid('query'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/school/students.csv',
      tags,
      summary: 'The students behind a dashboard figure (CSV)',
      request: { query: StudentListQuery },
      responses: csvResponse,
    }),
    async (c) => {
      const query = c.req.valid('query')
      const csv = await c.var.services.reporting.exportStudentsCsv(actorOf(c), query, requestMeta(c))
      return c.body(csv, 200, csvHeaders(`students-${query.measure}${query.classYear ? `-${query.classYear}` : ''}`))
    },
  )

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/school/mentors',
      tags,
      summary: 'The mentors behind a dashboard figure',
      request: { query: MentorListQuery },
      responses: { 200: jsonResponse(MentorListResponse, 'The mentors.') },
    }),
    async (c) => c.json(await c.var.services.reporting.listMentors(actorOf(c), c.req.valid('query')), 200),
  )

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/school/mentors.csv',
      tags,
      summary: 'The mentors behind a dashboard figure (CSV)',
      request: { query: MentorListQuery },
      responses: csvResponse,
    }),
    async (c) => {
      const query = c.req.valid('query')
      const csv = await c.var.services.reporting.exportMentorsCsv(actorOf(c), query)
      return c.body(csv, 200, csvHeaders(`mentors-${query.measure}${query.kind ? `-${query.kind}` : ''}`))
    },
  )

  // The office's reports beside the dashboard (decision 029): same audience and scope.
  const officeReports = [
    {
      path: '/api/reports/equity',
      summary: 'Engagement and match outcomes by self-identified group, small cells hidden',
      schema: EquityReport,
      read: 'getEquityReport',
      csv: 'exportEquityCsv',
      file: 'equity',
    },
    {
      path: '/api/reports/outcomes',
      summary: 'The school’s match results by specialty against the national U.S. MD senior rates',
      schema: OutcomesReport,
      read: 'getOutcomesReport',
      csv: 'exportOutcomesCsv',
      file: 'match-outcomes',
    },
    {
      path: '/api/reports/participation',
      summary: 'Participation in opportunities by class year, specialty interest and self-identified group',
      schema: ParticipationReport,
      read: 'getParticipationReport',
      csv: 'exportParticipationCsv',
      file: 'participation',
    },
  ] as const
  for (const report of officeReports) {
    router.openapi(
      guardedRoute(['advisor'], {
        method: 'get',
        path: report.path,
        tags,
        summary: report.summary,
        responses: { 200: jsonResponse(report.schema, 'The figures.') },
      }),
      async (c) => c.json(await c.var.services.reporting[report.read](actorOf(c), requestMeta(c)), 200),
    )
    router.openapi(
      guardedRoute(['advisor'], { method: 'get', path: `${report.path}.csv`, tags, summary: `${report.summary} (CSV)`, responses: csvResponse }),
      async (c) => c.body(await c.var.services.reporting[report.csv](actorOf(c), requestMeta(c)), 200, csvHeaders(report.file)),
    )
  }

  // The letters and residency-season dashboards (decision 039): same audience and scope.
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/letters',
      tags,
      summary: 'Letters outstanding by due date and writer, document reviews and mock interviews outstanding (status and dates only)',
      responses: { 200: jsonResponse(LettersDashboard, 'The figures.') },
    }),
    async (c) => c.json(await c.var.services.reporting.getLettersDashboard(actorOf(c), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/letters/items',
      tags,
      summary: 'The letters, reviews or mock interviews behind a letters-dashboard figure, with their students',
      request: { query: LetterListQuery },
      responses: { 200: jsonResponse(LetterListResponse, 'The items, soonest due first.') },
    }),
    async (c) => c.json(await c.var.services.reporting.listLetters(actorOf(c), c.req.valid('query'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/letters/items.csv',
      tags,
      summary: 'The items behind a letters-dashboard figure (CSV)',
      request: { query: LetterListQuery },
      responses: csvResponse,
    }),
    async (c) => {
      const query = c.req.valid('query')
      return c.body(await c.var.services.reporting.exportLettersCsv(actorOf(c), query, requestMeta(c)), 200, csvHeaders(`letters-${query.measure}`))
    },
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/season',
      tags,
      summary: 'The residency season by class year: application profiles, program lists against the guide, rank lists, at-risk students',
      responses: { 200: jsonResponse(SeasonDashboard, 'The figures.') },
    }),
    async (c) => c.json(await c.var.services.reporting.getSeasonDashboard(actorOf(c), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/season/students',
      tags,
      summary: 'The students behind a season-dashboard figure',
      request: { query: SeasonListQuery },
      responses: { 200: jsonResponse(SeasonListResponse, 'The students, by name.') },
    }),
    async (c) => c.json(await c.var.services.reporting.listSeasonStudents(actorOf(c), c.req.valid('query'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/reports/season/students.csv',
      tags,
      summary: 'The students behind a season-dashboard figure (CSV)',
      request: { query: SeasonListQuery },
      responses: csvResponse,
    }),
    async (c) => {
      const query = c.req.valid('query')
      const csv = await c.var.services.reporting.exportSeasonCsv(actorOf(c), query, requestMeta(c))
      return c.body(csv, 200, csvHeaders(`season-${query.measure}${query.classYear ? `-${query.classYear}` : ''}`))
    },
  )

  return router
}
