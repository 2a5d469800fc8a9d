/**
 * The class roster import at a school's size. Run with `npm run bench:roster`.
 *
 * On a fresh PGlite (and a throwaway PostgreSQL database when DATABASE_URL is set), through the
 * roster service (the server's own time, no HTTP), a roster of BENCH_ROSTER_ROWS (2,000) students:
 *
 * - `first_import_ms` — check (preview) + apply of a file of new students: every row invited
 *   (people, roles, invitation tokens and e-mails, student records, one audit row each);
 * - `changed_import_ms` — check + apply of the same file with one row in ten changed (class year,
 *   house, e-mail) — the shape of a real term's update;
 * - `repeat_import_ms` — check + apply of the same file again: nothing to change;
 * - `yardstick_ms` — in the same run, the least any import could do: the same number of people,
 *   roles and student profiles written by bare multi-row inserts in one transaction, no checks, no
 *   e-mails, no audit. `first_import_ms / yardstick_ms` says what the checks and the record-keeping cost.
 *
 * Each figure is the median of BENCH_ROUNDS (3) fresh rounds (new e-mails each round). The last
 * stdout line is one JSON object; human lines go to stderr. Target: check + apply ≤ 5,000 ms.
 */
import { loadavg } from 'node:os'
import { fixedClock } from '#server/clock.ts'
import type { DatabaseHandle } from '#server/db/client.ts'
import { people, personRoles, studentProfiles } from '#server/db/schema/index.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import type { Actor } from '#server/http/app-env.ts'
import { createServices } from '#server/services.ts'
import { writeCsv } from '#shared/csv/write-csv.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { envNumber, log, median, round } from './lib/measure.ts'
import { onBothDatabases } from './lib/on-both-databases.ts'

const ROWS = envNumber('BENCH_ROSTER_ROWS', 2000)
const ROUNDS = envNumber('BENCH_ROUNDS', 3)
const NOW = new Date('2026-06-01T14:00:00Z')
const TARGET_MS = 5000
const YEARS = ['1', '2', '3', '4', 'research'] as const
const HOUSES = ['Osler', 'Blackwell', 'Drew', 'Apgar', 'Cushing']

function rosterCsv(round: number, changed: boolean): string {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const change = changed && i % 10 === 0
    return [
      `R${round}-${String(i).padStart(5, '0')}`,
      `Student ${round}-${i}`,
      change && i % 20 === 0 ? `student.${round}.${i}.new@school.example.edu` : `student.${round}.${i}@school.example.edu`,
      change ? YEARS[(i + 1) % 4] : YEARS[i % 25 === 0 ? 4 : i % 4],
      '',
      i % 9 === 0 ? 'MD/PhD' : 'MD',
      change ? HOUSES[(i + 1) % HOUSES.length] : HOUSES[i % HOUSES.length],
    ] as const
  })
  return writeCsv(['school_id', 'name', 'email', 'class_year', 'expected_graduation', 'track', 'house'], rows)
}

async function measure(handle: DatabaseHandle, label: string) {
  const { db } = handle
  await insertReferenceData(db)
  const services = createServices(db, fixedClock(NOW), null, {
    appOrigin: 'http://bench.test',
    demoMode: false,
    sessionPolicy: { idleMinutes: 60, absoluteHours: 24 },
  })
  const [admin] = await db.insert(people).values({ email: 'admin@bench.example.edu', name: 'Bench Admin', status: 'active' }).returning({ id: people.id })
  await db.insert(personRoles).values({ personId: admin!.id, role: 'admin' })
  const actor: Actor = {
    personId: admin!.id,
    email: 'admin@bench.example.edu',
    name: 'Bench Admin',
    roles: ['admin'],
    schoolWide: false,
    sessionId: 'bench',
    expiresAt: new Date(NOW.getTime() + MS_PER_DAY),
  }
  const meta = { requestId: 'bench', ip: null, userAgent: null }
  const checkAndApply = async (csv: string) => {
    const t0 = performance.now()
    const check = await services.roster.importRoster(actor, { csv, dryRun: true }, meta)
    const checkMs = performance.now() - t0
    if (check.problemCount > 0) throw new Error(`The bench roster has problems: ${JSON.stringify(check.problems.slice(0, 3))}`)
    const applied = await services.roster.importRoster(actor, { csv, dryRun: false }, meta)
    return { ms: performance.now() - t0, checkMs, invites: applied.invites.length, changes: applied.changes.length }
  }

  const first: number[] = []
  const firstCheck: number[] = []
  const changed: number[] = []
  const repeat: number[] = []
  const yardstick: number[] = []
  let counts = { invites: 0, changes: 0, repeatChanges: -1 }
  for (let r = 0; r < ROUNDS; r++) {
    const a = await checkAndApply(rosterCsv(r, false))
    const b = await checkAndApply(rosterCsv(r, true))
    const c = await checkAndApply(rosterCsv(r, true))
    first.push(a.ms)
    firstCheck.push(a.checkMs)
    changed.push(b.ms)
    repeat.push(c.ms)
    counts = { invites: a.invites, changes: b.changes, repeatChanges: c.changes + c.invites }

    // The yardstick: the same rows, bare.
    const t0 = performance.now()
    await db.transaction(async (tx) => {
      for (let i = 0; i < ROWS; i += 1000) {
        const n = Math.min(1000, ROWS - i)
        const ids = await tx
          .insert(people)
          .values(Array.from({ length: n }, (_, k) => ({ email: `bare.${r}.${i + k}@school.example.edu`, name: `Bare ${i + k}`, status: 'invited' as const })))
          .returning({ id: people.id })
        await tx.insert(personRoles).values(ids.map(({ id }) => ({ personId: id, role: 'student' as const })))
        await tx.insert(studentProfiles).values(ids.map(({ id }) => ({ personId: id, classYear: 'M1' as const, graduationYear: 2030 })))
      }
    })
    yardstick.push(performance.now() - t0)
  }
  const figures = {
    first_import_ms: round(median(first)),
    first_import_check_ms: round(median(firstCheck)),
    changed_import_ms: round(median(changed)),
    repeat_import_ms: round(median(repeat)),
    yardstick_ms: round(median(yardstick)),
    first_over_yardstick: round(median(first) / median(yardstick), 2),
    invited: counts.invites,
    changed_rows: counts.changes,
    repeat_changes: counts.repeatChanges,
  }
  log(`${label}: ${JSON.stringify(figures)}`)
  return figures
}

const { pglite: onPglite, postgres: onPostgres } = await onBothDatabases('roster', measure)

process.stdout.write(
  `${JSON.stringify({ rows: ROWS, rounds: ROUNDS, target_ms: TARGET_MS, pglite: onPglite, postgres: onPostgres, load_average: round(loadavg()[0] ?? 0, 2) })}\n`,
)
