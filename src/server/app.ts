import { OpenAPIHono, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import { requestLog } from './http/request-log.ts'
import { secureHeaders } from 'hono/secure-headers'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '#shared/errors.ts'
import type { DemoAccountsResponse } from '#shared/contracts/identity.ts'
import type { AppEnv } from './http/app-env.ts'
import { resolveClientAddress, trustedProxies } from './http/client-address.ts'
import { compressJson } from './http/compress-json.ts'
import { originCheck } from './http/csrf.ts'
import { apiNotFound, handleError } from './http/error-handler.ts'
import { guardedRoute } from './http/route.ts'
import { serveOpenApiDocument } from './http/openapi-document.ts'
import { jsonResponse } from './http/params.ts'
import { readSessionSecret } from './http/session-cookie.ts'
import { serveWebApp } from './http/static.ts'
import { adminRoutes } from './modules/admin/admin.routes.ts'
import { advisingRoutes } from './modules/advising/advising.routes.ts'
import { calibrationRoutes, PAST_OUTCOMES_IMPORT_PATHS } from './modules/calibration/calibration.routes.ts'
import { classSimulationRoutes } from './modules/class-simulation/class-simulation.routes.ts'
import { communityRoutes } from './modules/community/community.routes.ts'
import { MATERIALS_IMPORT_PATHS, materialsRoutes } from './modules/materials/materials.routes.ts'
import { mockInterviewsRoutes } from './modules/mock-interviews/mock-interviews.routes.ts'
import { messagesRoutes } from './modules/messages/messages.routes.ts'
import { reportingRoutes } from './modules/reporting/reporting.routes.ts'
import { directoryRoutes } from './modules/directory/directory.routes.ts'
import { eventsRoutes } from './modules/events/events.routes.ts'
import { interestGroupsRoutes } from './modules/interest-groups/interest-groups.routes.ts'
import { specialtiesRoutes } from './modules/specialties/specialties.routes.ts'
import { eventSlotsRoutes } from './modules/events/slots.routes.ts'
import { academicCalendarRoutes } from './modules/academic-calendar/academic-calendar.routes.ts'
import { eventAttendanceRoutes } from './modules/events/attendance.routes.ts'
import { curriculumRoutes } from './modules/curriculum/curriculum.routes.ts'
import { notificationCentreRoutes } from './modules/notifications/notification-centre.routes.ts'
import { applicationDocumentsRoutes } from './modules/opportunities/application-documents.routes.ts'
import { opportunitiesRoutes } from './modules/opportunities/opportunities.routes.ts'
import { requirementsRoutes } from './modules/opportunities/requirements.routes.ts'
import { shadowingRoutes } from './modules/opportunities/shadowing.routes.ts'
import { savedOpportunitiesRoutes } from './modules/opportunities/saved-opportunities.routes.ts'
import { identityRoutes } from './modules/identity/identity.routes.ts'
import { ssoRoutes } from './modules/identity/sso/sso.routes.ts'
import { SSO_PATHS } from './modules/identity/sso/sso-settings.ts'
import { LETTER_UPLOAD_PATHS, lettersRoutes } from './modules/letters/letters.routes.ts'
import { listBuilderRoutes } from './modules/list-builder/list-builder.routes.ts'
import { mentorshipsRoutes } from './modules/mentorships/mentorships.routes.ts'
import { profilesRoutes } from './modules/profiles/profiles.routes.ts'
import { rankListsRoutes } from './modules/rank-lists/rank-lists.routes.ts'
import { recommendationsRoutes } from './modules/recommendations/recommendations.routes.ts'
import { PROGRAM_IMPORT_PATHS, residencyProgramsRoutes } from './modules/residency-programs/residency-programs.routes.ts'
import { mentorProgramsRoutes } from './modules/mentor-programs/mentor-programs.routes.ts'
import { recordsRoutes } from './modules/records/records.routes.ts'
import { retentionRoutes } from './modules/records/retention/retention.routes.ts'
import { rosterRoutes } from './modules/roster/roster.routes.ts'
import type { Services } from './services.ts'

export type AppOptions = {
  services: Services
  /** Answers the health check: is the database reachable? */
  checkDatabase: () => Promise<void>
  databaseKind: string
  appOrigin: string
  demoAccounts: () => DemoAccountsResponse | null
  /** Folder of the built web app; null serves the API alone. */
  webRoot: string | null
  /** `TRUST_PROXY`: addresses or ranges of proxies whose X-Forwarded-For is believed. */
  trustedProxies?: readonly string[]
  /** `LOG_REQUESTS`: where each request's JSON line goes (see request-log.ts); unset, nothing is logged. */
  requestLog?: (line: string) => void
}

const HealthResponse = z.object({ ok: z.boolean(), database: z.string() })

/** The HTTP application: middleware in the order a request meets it, then every router. */
export function createApp(options: AppOptions) {
  const app = new OpenAPIHono<AppEnv>()
  const secureCookies = options.appOrigin.startsWith('https:')

  app.onError(handleError)
  app.use('*', requestId({ headerName: 'x-request-id', generator: () => crypto.randomUUID() }))
  if (options.requestLog) app.use('*', requestLog(options.requestLog))
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  )
  app.use('/api/*', resolveClientAddress(options.trustedProxies?.length ? trustedProxies(options.trustedProxies) : null))
  app.use('/api/*', compressJson())
  app.use('/api/*', async (c, next) => {
    c.set('services', options.services)
    c.set('actor', null)
    c.header('cache-control', 'no-store')
    await next()
  })
  const generalBodyLimit = bodyLimit({
    maxSize: 2 * 1024 * 1024,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', 'The request is too large (at most 2 MB).')
    },
  })
  // Letter PDFs (up to 10 MB), programs CSV imports and Word files for materials (5 MB) have their own limits in their routers.
  app.use('/api/*', (c, next) =>
    LETTER_UPLOAD_PATHS.test(c.req.path) ||
    PAST_OUTCOMES_IMPORT_PATHS.test(c.req.path) ||
    PROGRAM_IMPORT_PATHS.test(c.req.path) ||
    MATERIALS_IMPORT_PATHS.test(c.req.path)
      ? next()
      : generalBodyLimit(c, next),
  )
  app.use('/api/*', originCheck([options.appOrigin], [SSO_PATHS.samlAcs]))
  app.use('/api/*', async (c, next) => {
    const secret = readSessionSecret(c)
    if (secret) c.set('actor', await options.services.identity.resolveSession(secret))
    await next()
  })

  app.openapi(
    guardedRoute('public', {
      method: 'get',
      path: '/api/health',
      tags: ['platform'],
      summary: 'Liveness and database reachability',
      responses: { 200: jsonResponse(HealthResponse, 'Healthy.'), 503: jsonResponse(HealthResponse, 'The database is not reachable.') },
    }),
    async (c) => {
      try {
        await options.checkDatabase()
        return c.json({ ok: true, database: options.databaseKind }, 200)
      } catch {
        return c.json({ ok: false, database: options.databaseKind }, 503)
      }
    },
  )

  app.route('/', identityRoutes({ secureCookies, demoAccounts: options.demoAccounts }))
  app.route('/', ssoRoutes({ secureCookies }))
  app.route('/', profilesRoutes())
  app.route('/', adminRoutes())
  app.route('/', lettersRoutes())
  app.route('/', directoryRoutes())
  app.route('/', mentorshipsRoutes())
  app.route('/', recommendationsRoutes())
  app.route('/', classSimulationRoutes())
  app.route('/', residencyProgramsRoutes())
  app.route('/', advisingRoutes())
  app.route('/', calibrationRoutes())
  app.route('/', listBuilderRoutes())
  app.route('/', mentorProgramsRoutes())
  app.route('/', rankListsRoutes())
  app.route('/', eventsRoutes())
  app.route('/', interestGroupsRoutes())
  app.route('/', specialtiesRoutes())
  app.route('/', eventSlotsRoutes())
  app.route('/', academicCalendarRoutes())
  app.route('/', eventAttendanceRoutes())
  app.route('/', curriculumRoutes())
  app.route('/', opportunitiesRoutes())
  app.route('/', applicationDocumentsRoutes())
  app.route('/', shadowingRoutes())
  app.route('/', savedOpportunitiesRoutes())
  app.route('/', requirementsRoutes())
  app.route('/', communityRoutes())
  app.route('/', materialsRoutes())
  app.route('/', mockInterviewsRoutes())
  app.route('/', reportingRoutes())
  app.route('/', recordsRoutes())
  app.route('/', retentionRoutes())
  app.route('/', rosterRoutes())
  app.route('/', messagesRoutes())
  app.route('/', notificationCentreRoutes())

  serveOpenApiDocument(app, options.appOrigin)

  app.all('/api/*', apiNotFound)

  if (options.webRoot) mountWebApp(app, options.webRoot)
  return app
}

/** Serves the built single-page app (http/static.ts); any other path gets index.html. */
function mountWebApp(app: OpenAPIHono<AppEnv>, webRoot: string) {
  if (!existsSync(join(webRoot, 'index.html'))) return
  app.use('*', serveWebApp(webRoot))
}
