import { z } from '@hono/zod-openapi'
import {
  AdminSummaryResponse,
  AuditChainCheck,
  AuditChainChecksResponse,
  AuditChainHeadQuery,
  AuditFilters,
  AuditPage,
  AuditQuery,
  InvitePersonRequest,
  OutboxPage,
  OutboxQuery,
  PeoplePage,
  PeopleQuery,
  StudentsSummaryResponse,
  UpdateRolesRequest,
  SetClassYearRequest,
  SetEnrollmentRequest,
  UpdateSchoolWideRequest,
} from '#shared/contracts/admin.ts'
import { AcceptedResponse } from '#shared/contracts/identity.ts'
import { PersonSummary, ProfileResponse } from '#shared/contracts/profiles.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse, PersonIdParams } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

const person = jsonResponse(PersonSummary, 'The person.')

export function adminRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/people',
      tags: ['people'],
      summary: 'Search people (school officials only)',
      request: { query: PeopleQuery },
      responses: { 200: jsonResponse(PeoplePage, 'A page of people.') },
    }),
    async (c) => c.json(await c.var.services.admin.listPeople(c.req.valid('query')), 200),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/people/students-summary',
      tags: ['people'],
      summary: 'Active students by class year, with those who have not named a specialty',
      responses: { 200: jsonResponse(StudentsSummaryResponse, 'Counts.') },
    }),
    async (c) => c.json(await c.var.services.admin.studentsSummary(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/summary',
      tags: ['admin'],
      summary: 'Counts for the admin home page',
      responses: { 200: jsonResponse(AdminSummaryResponse, 'Counts.') },
    }),
    async (c) => c.json(await c.var.services.admin.summary(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/people',
      tags: ['admin'],
      summary: 'Search people to manage',
      request: { query: PeopleQuery },
      responses: { 200: jsonResponse(PeoplePage, 'A page of people.') },
    }),
    async (c) => c.json(await c.var.services.admin.listPeople(c.req.valid('query')), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/admin/people',
      tags: ['admin'],
      summary: 'Invite a person: creates the account and e-mails a one-time link',
      request: { body: jsonBody(InvitePersonRequest) },
      responses: { 201: jsonResponse(PersonSummary, 'Invited.') },
    }),
    async (c) => c.json(await c.var.services.admin.invitePerson(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'put',
      path: '/api/admin/people/{personId}/roles',
      tags: ['admin'],
      summary: 'Set a person’s roles',
      request: { params: PersonIdParams, body: jsonBody(UpdateRolesRequest) },
      responses: { 200: person },
    }),
    async (c) => c.json(await c.var.services.admin.setRoles(actorOf(c), c.req.valid('param').personId, c.req.valid('json').roles, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'put',
      path: '/api/admin/people/{personId}/school-wide',
      tags: ['admin'],
      summary: 'Give an advisor the school-wide scope (reads every student’s record, audited), or take it back',
      request: { params: PersonIdParams, body: jsonBody(UpdateSchoolWideRequest) },
      responses: { 200: person },
    }),
    async (c) =>
      c.json(await c.var.services.admin.setSchoolWide(actorOf(c), c.req.valid('param').personId, c.req.valid('json').schoolWide, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'put',
      path: '/api/admin/people/{personId}/class-year',
      tags: ['admin'],
      summary: 'Set a student’s class year (the school’s fact; students cannot change it)',
      request: { params: PersonIdParams, body: jsonBody(SetClassYearRequest) },
      responses: { 200: jsonResponse(ProfileResponse, 'The student’s profile.') },
    }),
    async (c) =>
      c.json(await c.var.services.profiles.setClassYear(actorOf(c), c.req.valid('param').personId, c.req.valid('json').classYear, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'put',
      path: '/api/admin/people/{personId}/enrollment',
      tags: ['admin'],
      summary: 'Put a student on leave, or back (the year-end rollover keeps students on leave in their class)',
      request: { params: PersonIdParams, body: jsonBody(SetEnrollmentRequest) },
      responses: { 200: jsonResponse(ProfileResponse, 'The student’s profile.') },
    }),
    async (c) =>
      c.json(await c.var.services.profiles.setEnrollment(actorOf(c), c.req.valid('param').personId, c.req.valid('json').enrollment, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/admin/people/{personId}/disable',
      tags: ['admin'],
      summary: 'Disable a person; ends their sessions at once',
      request: { params: PersonIdParams },
      responses: { 200: person },
    }),
    async (c) => c.json(await c.var.services.admin.disablePerson(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/admin/people/{personId}/enable',
      tags: ['admin'],
      summary: 'Enable a disabled person',
      request: { params: PersonIdParams },
      responses: { 200: person },
    }),
    async (c) => c.json(await c.var.services.admin.enablePerson(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/admin/people/{personId}/resend-invite',
      tags: ['admin'],
      summary: 'Send a new invitation link',
      request: { params: PersonIdParams },
      responses: { 202: jsonResponse(AcceptedResponse, 'Sent.') },
    }),
    async (c) => {
      await c.var.services.admin.resendInvite(actorOf(c), c.req.valid('param').personId, requestMeta(c))
      return c.json({ accepted: true as const, message: 'A new invitation is on its way.' }, 202)
    },
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/audit-log',
      tags: ['admin'],
      summary: 'The audit log, newest first',
      request: { query: AuditQuery },
      responses: { 200: jsonResponse(AuditPage, 'A page of entries.') },
    }),
    async (c) => c.json(await c.var.services.audit.listEntries(c.req.valid('query')), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/audit-log.csv',
      tags: ['admin'],
      summary: 'The audit log as CSV, with the same filters, newest first',
      request: { query: AuditFilters },
      responses: { 200: { description: 'CSV (RFC 4180), formula-safe.', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const csv = await c.var.services.audit.exportEntriesCsv(c.req.valid('query'))
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="audit-log.csv"' })
    },
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/audit-log/chain-checks',
      tags: ['admin'],
      summary: 'The checks of the audit log’s hash chain, newest first (run daily and shortly after start)',
      responses: { 200: jsonResponse(AuditChainChecksResponse, 'The latest check and the history.') },
    }),
    async (c) => c.json(await c.var.services.audit.listAuditChainChecks(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/admin/audit-log/chain-checks',
      tags: ['admin'],
      summary: 'Check the audit log’s hash chain now, and keep the result',
      responses: { 201: jsonResponse(AuditChainCheck, 'The check.') },
    }),
    async (c) => {
      const check = await c.var.services.audit.checkAuditChain()
      await c.var.services.audit.record(
        { actorId: actorOf(c).personId, action: 'audit.chain-checked', objectType: 'audit-chain-check', objectId: String(check.id) },
        requestMeta(c),
      )
      return c.json(check, 201)
    },
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/audit-log/chain-head',
      tags: ['admin'],
      summary: 'The newest check’s hash of the audit log, as a file to keep outside the system',
      request: { query: AuditChainHeadQuery },
      responses: {
        200: {
          description: 'JSON or plain text, as a download.',
          content: { 'application/json': { schema: z.record(z.string(), z.unknown()) }, 'text/plain': { schema: z.string() } },
        },
      },
    }),
    async (c) => {
      const head = await c.var.services.audit.getAuditChainHead(c.req.valid('query').format)
      await c.var.services.audit.record(
        { actorId: actorOf(c).personId, action: 'audit.chain-head-exported', objectType: 'audit-chain-check', objectId: String(head.check.id) },
        requestMeta(c),
      )
      return c.body(head.body, 200, { 'content-type': head.contentType, 'content-disposition': `attachment; filename="${head.filename}"` })
    },
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/outbox',
      tags: ['admin'],
      summary: 'E-mails the application wrote (sent, pending, or kept here when no SMTP server is set)',
      request: { query: OutboxQuery },
      responses: { 200: jsonResponse(OutboxPage, 'A page of e-mails.') },
    }),
    async (c) => {
      const query = c.req.valid('query')
      // The outbox holds sign-in links: every read is recorded.
      await c.var.services.audit.record({ actorId: actorOf(c).personId, action: 'outbox.read', objectType: 'outbox' }, requestMeta(c))
      return c.json(await c.var.services.notifications.listOutbox(query), 200)
    },
  )

  return router
}
