import { serve } from '@hono/node-server'
import { hash } from '@node-rs/argon2'
import { sql } from 'drizzle-orm'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app.ts'
import { systemClock } from './clock.ts'
import { EnvError, parseEnv } from './config/env.ts'
import { copyDemoSnapshot, demoSnapshotFolder, readUsableDemoSnapshot } from './db/demo-snapshot.ts'
import { EMBEDDED_VACUUM_HOURS, vacuumEmbedded } from './db/embedded-maintenance.ts'
import { openConfiguredDatabase } from './db/open-configured-database.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './db/seed/demo-accounts.ts'
import { insertReferenceData, isDemoSchoolLoaded, seedDemoSchool } from './db/seed/seed-demo-school.ts'
import { AUDIT_CHAIN_CHECK_HOURS, AUDIT_CHAIN_FIRST_CHECK_MS } from './modules/audit/audit-chain-checks.ts'
import { RETENTION_FIRST_RUN_MS, RETENTION_RUN_HOURS } from './modules/records/retention/retention-schedule.ts'
import { createSmtpMailer } from './modules/notifications/mailer.ts'
import { createServices } from './services.ts'
import { logUnexpectedError } from './log/describe-error.ts'

/** The built web app: dist/web next to the bundled server, or from the source tree. */
function findWebRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const candidate of [join(here, '..', 'web'), join(here, '..', '..', 'dist', 'web')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate
  }
  return null
}

export async function startServer(source: Record<string, string | undefined> = process.env) {
  const started = Date.now()
  const env = parseEnv(source)
  const log = (line: string) => console.log(`preceptor: ${line}`)
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
  if (env.DEMO_MODE) printDemoBanner()

  // A new demo data folder starts as a copy of the snapshot `npm install` prepared, when fresh.
  const snapshotFolder = demoSnapshotFolder()
  const snapshot = env.DEMO_MODE && env.DEMO_SNAPSHOT ? readUsableDemoSnapshot(snapshotFolder, systemClock.now()) : null
  const database = await openConfiguredDatabase(source, log, {
    copyFrom: (pgliteDir) => {
      if (!snapshot) return false
      copyDemoSnapshot(snapshotFolder, pgliteDir)
      log(`demo school copied from the snapshot of ${snapshot.createdAt} (${snapshot.people} people)`)
      return true
    },
  })
  const handle = database.handle
  log(`database: ${database.description} (open at ${elapsed()})`)

  await handle.migrate()
  await insertReferenceData(handle.db)
  if (env.DEMO_MODE && !(await isDemoSchoolLoaded(handle.db))) {
    log('loading the demo school (about 1,700 people; once, on the first start)…')
    const summary = await seedDemoSchool(handle.db, {
      now: systemClock.now(),
      demoPasswordHash: await hash(DEMO_PASSWORD),
      onProgress: (step) => log(`  demo school: ${step}… (${elapsed()})`),
    })
    log(
      `demo school loaded: ${summary.people} people (${summary.students.total} students, ${summary.mentors.total} mentors, ${summary.advisors.total} advisors) at ${elapsed()}`,
    )
  }

  const mailer = env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : null
  const services = createServices(handle.db, systemClock, mailer, {
    appOrigin: env.appOrigin,
    demoMode: env.DEMO_MODE,
    sessionPolicy: { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS },
    simulationLeaseSeconds: env.SIMULATION_LEASE_SECONDS,
    // No other process can open the embedded database's data folder while this one holds it.
    sessionCache: handle.kind === 'pglite',
    sso: env.sso,
  })
  const webRoot = findWebRoot()
  const app = createApp({
    services,
    checkDatabase: async () => {
      await handle.db.execute(sql`select 1`)
    },
    databaseKind: handle.kind,
    appOrigin: env.appOrigin,
    demoAccounts: () =>
      env.DEMO_MODE
        ? { accounts: DEMO_ACCOUNTS.map((a) => ({ role: a.role, email: a.email, password: DEMO_PASSWORD, name: a.name, description: a.description })) }
        : null,
    webRoot,
    trustedProxies: env.TRUST_PROXY,
    ...(env.LOG_REQUESTS ? { requestLog: (line: string) => process.stdout.write(`${line}\n`) } : {}),
  })

  const outboxTimer = mailer
    ? setInterval(() => {
        services.notifications.deliverDue().catch((error: unknown) => logUnexpectedError('e-mail delivery failed', error))
      }, 5_000)
    : null

  const sweepMs = env.SWEEP_INTERVAL_SECONDS * 1000
  // Letter reminders: every 10 minutes by default; each reminder is claimed in the database, so several
  // server processes may run the sweep at once without sending one twice.
  const letterReminderTimer = setInterval(() => {
    services.letters.sendDueLetterReminders().catch((error: unknown) => logUnexpectedError('letter reminders failed', error))
  }, sweepMs)

  // Sweeps: mentorship request reminders, expiries and pauses; "stay in touch" nudges; the one
  // reminder of a board agreement request a week on, and its lapse two weeks later; the
  // day-before reminder of an event, of a mock interview and of a shadowing day (and the passed
  // shadowing day's experience entry); message e-mails held back by their 15-minute window, and
  // the daily message digests; in-app notifications past 180 days are deleted. Each step
  // is claimed in the database, so several server processes may sweep at once.
  const mentorshipSweepTimer = setInterval(() => {
    services.mentorships
      .sweepRequests()
      .then(() => services.mentorships.sweepQuietMentorships())
      .then(() => services.meetings.sendMeetingFollowUps())
      .then(() => services.advising.sweepAgreementReminders())
      .then(() => services.advising.sweepLapsedAgreements())
      .then(() => services.events.sweepEventReminders())
      .then(() => services.mockInterviews.sweepMockInterviewReminders())
      .then(() => services.materials.sweepReviewReminders())
      .then(() => services.shadowing.sweepShadowing())
      .then(() => services.community.sendAnonymousAskerDigests())
      .then(() => services.messages.sweepMessageEmails())
      .then(() => services.notificationCentre.sweepOldNotifications())
      .catch((error: unknown) => logUnexpectedError('mentorship sweep failed', error))
  }, sweepMs)

  // The audit log's hash chain is checked a couple of minutes after start, then daily; each result
  // is kept and shown on the audit log page, a broken chain plainly (decision 030).
  const checkAuditChain = () => {
    services.audit.checkAuditChain().then(
      (check) =>
        check.intact
          ? log(`audit log: chain intact over ${check.rowsChecked} rows (${check.durationMs} ms)`)
          : console.error(`preceptor: the audit log's hash chain is BROKEN at row ${check.breakRowId} (${check.breakReason})`),
      (error: unknown) => logUnexpectedError('audit chain check failed', error),
    )
  }
  const auditChainTimers = [
    setTimeout(checkAuditChain, AUDIT_CHAIN_FIRST_CHECK_MS).unref(),
    setInterval(checkAuditChain, AUDIT_CHAIN_CHECK_HOURS * 3_600_000).unref(),
  ]

  // Retention of graduates' records: a daily run that applies the school's rule only when the
  // school turned the schedule on (decision 038); the run takes a lock, so processes take turns.
  const applyRetention = () => {
    services.records.retention.runScheduled().then(
      (report) => report && log(`retention: ${report.people.length} graduates' records anonymised (run ${report.runId})`),
      (error: unknown) => logUnexpectedError('retention run failed', error),
    )
  }
  const retentionTimers = [setTimeout(applyRetention, RETENTION_FIRST_RUN_MS).unref(), setInterval(applyRetention, RETENTION_RUN_HOURS * 3_600_000).unref()]

  // The embedded database has no autovacuum (db/embedded-maintenance.ts): a first pass a minute
  // after start, then every few hours.
  const vacuum = () => {
    const started = performance.now()
    vacuumEmbedded(handle.db).then(
      () => log(`embedded database vacuumed in ${Math.round(performance.now() - started)} ms`),
      (error: unknown) => logUnexpectedError('vacuum of the embedded database failed', error),
    )
  }
  const vacuumTimers = handle.kind === 'pglite' ? [setTimeout(vacuum, 60_000).unref(), setInterval(vacuum, EMBEDDED_VACUUM_HOURS * 3_600_000).unref()] : []

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const host = env.HOST === '0.0.0.0' || env.HOST === '127.0.0.1' ? 'localhost' : env.HOST
    log(`ready in ${elapsed()} (${(process.cpuUsage().user / 1e6).toFixed(1)} s of processor time)`)
    // The directory's search index is built right after, not before, listening: it is a second
    // of work that only a search needs, and a search that comes first simply waits for it.
    services.directory.warm().then(
      (indexed) => log(`directory: ${indexed} mentors indexed (${elapsed()})`),
      (error: unknown) => console.error('preceptor: the directory index could not be built:', error),
    )
    if (!webRoot) log('the web app is not built: run `npm run build:web` (the API works without it)')
    if (!mailer) log('no SMTP_URL set: e-mails are kept on the Outbox page (Admin → Outbox)')
    console.log(`\n  Preceptor is running at http://${host}:${info.port}\n`)
  })

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    if (outboxTimer) clearInterval(outboxTimer)
    clearInterval(letterReminderTimer)
    clearInterval(mentorshipSweepTimer)
    for (const timer of [...vacuumTimers, ...auditChainTimers, ...retentionTimers]) clearTimeout(timer)
    await new Promise<void>((done) => server.close(() => done()))
    mailer?.close()
    await database.close()
  }
  return { app, stop, env }
}

/** Demo mode publishes a password: say so where nobody can miss it. */
function printDemoBanner() {
  const lines = [
    'DEMO MODE: a made-up school of 1,700 people, and demo accounts',
    'whose shared password the sign-in page shows. Never real data.',
    'A real school sets DEMO_MODE=false (see the README, Settings).',
  ]
  const width = Math.max(...lines.map((line) => line.length))
  const rule = '═'.repeat(width + 2)
  console.log([`╔${rule}╗`, ...lines.map((line) => `║ ${line.padEnd(width)} ║`), `╚${rule}╝`].join('\n'))
}

/** Starts the server as a program: stops cleanly on a signal, and says why when it cannot start. */
export async function runServerProgram(): Promise<void> {
  try {
    const { stop } = await startServer()
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        )
      })
    }
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : `preceptor: could not start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}

const isEntry = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isEntry) await runServerProgram()
