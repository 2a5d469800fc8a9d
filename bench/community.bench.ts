/**
 * Community at scale. Run with `npm run bench:community`.
 *
 * Loads BENCH_QUESTIONS questions (10,000 by default, all on one board) with answers enough for
 * BENCH_POSTS posts in all (100,000), written from a small vocabulary of the field's words, into
 * PGlite — and into a throwaway database on the PostgreSQL server of DATABASE_URL when set —
 * then times, through the service (the server's own time, no HTTP): the board's first page
 * (`board_p50/p95_ms`), a later page, and full-text searches over questions and answers
 * (`search_p50/p95_ms`). The last stdout line is one JSON object; human lines go to stderr.
 */
import { sql } from 'drizzle-orm'
import { fixedClock } from '#server/clock.ts'
import type { DatabaseHandle } from '#server/db/client.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import { createServices } from '#server/services.ts'
import type { Actor } from '#server/http/app-env.ts'
import { envNumber, log, percentile, round } from './lib/measure.ts'
import { onBothDatabases } from './lib/on-both-databases.ts'

const QUESTIONS = envNumber('BENCH_QUESTIONS', 10_000)
const POSTS = envNumber('BENCH_POSTS', 100_000)
const ROUNDS = envNumber('BENCH_ROUNDS', 30)
const NOW = new Date('2026-10-05T14:00:00Z')

const WORDS =
  'residency match interview program signal letter research year step score away rotation housing loan debt repayment forgiveness salary child parental leave partner burnout sleep wellbeing counseling first generation identity surgery medicine pediatrics emergency psychiatry radiology dermatology anesthesiology neurology mentor advisor publication poster abstract budget travel stipend visa couples rank list preference program director call schedule night float procedure clinic hospital outcomes cardiology oncology'.split(
    ' ',
  )
const SEARCHES = [
  'parental leave',
  'away rotation housing',
  'loan forgiveness',
  'research year',
  'burnout sleep',
  'couples match',
  'cardiology outcomes',
  'visa',
  'program director call',
  'stipend',
]

async function load(handle: DatabaseHandle) {
  const { db } = handle
  await insertReferenceData(db)
  await db.execute(sql`insert into people (id, email, name) values ('00000000-0000-4000-8000-00000000be01', 'bench@bench.test', 'Bench Student')`)
  // Sentences of n words drawn by a seeded hash, so every run writes the same posts.
  const vocabulary = `array['${WORDS.join("','")}']`
  const sentence = (seed: string, n: number) =>
    sql.raw(
      `(select string_agg((${vocabulary})[1 + ((hashtext(${seed} || ':' || w)::bigint % ${WORDS.length}) + ${WORDS.length}) % ${WORDS.length}], ' ') from generate_series(1, ${n}) w)`,
    )
  await db.execute(sql`
    insert into community_questions (id, board, title, body, author_id, is_anonymous, created_at, last_activity_at)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, 'topic:application-strategy',
      ${sentence("'t' || i", 8)}, ${sentence("'b' || i", 40)},
      '00000000-0000-4000-8000-00000000be01', i % 5 = 0,
      ${NOW.toISOString()}::timestamptz - (i || ' minutes')::interval, ${NOW.toISOString()}::timestamptz - (i || ' minutes')::interval
    from generate_series(1, ${QUESTIONS}) i`)
  const answers = Math.max(0, POSTS - QUESTIONS)
  await db.execute(sql`
    insert into community_answers (question_id, body, author_id, is_anonymous, created_at)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(1 + (i % ${QUESTIONS})), 12, '0'))::uuid, ${sentence("'a' || i", 30)},
      '00000000-0000-4000-8000-00000000be01', i % 7 = 0, ${NOW.toISOString()}::timestamptz - (i || ' seconds')::interval
    from generate_series(1, ${answers}) i`)
  // What the server's maintenance does on the embedded database (db/embedded-maintenance.ts), and
  // PostgreSQL's autovacuum on its own: the answers' trigger leaves a row version per answer.
  const vacuumStarted = performance.now()
  await db.execute(sql`vacuum (analyze)`)
  return (performance.now() - vacuumStarted) / 1000
}

async function measure(handle: DatabaseHandle, label: string) {
  const t0 = performance.now()
  const vacuumS = await load(handle)
  const loadS = (performance.now() - t0) / 1000
  log(`${label}: ${QUESTIONS} questions, ${POSTS} posts loaded in ${round(loadS)} s`)
  const services = createServices(handle.db, fixedClock(NOW), null, {
    appOrigin: 'http://bench.test',
    demoMode: false,
    sessionPolicy: { idleMinutes: 60, absoluteHours: 24 },
  })
  const actor: Actor = {
    personId: '00000000-0000-4000-8000-00000000be01',
    email: 'bench@bench.test',
    name: 'Bench Student',
    roles: ['student'],
    sessionId: 'bench',
    expiresAt: NOW,
  }
  const timeIt = async (f: () => Promise<unknown>) => {
    const start = performance.now()
    await f()
    return performance.now() - start
  }
  const board: number[] = []
  const later: number[] = []
  const search: number[] = []
  let matches = 0
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    board.push(await timeIt(() => services.community.searchQuestions(actor, { board: 'topic:application-strategy', page: 1, pageSize: 20 })))
    later.push(await timeIt(() => services.community.searchQuestions(actor, { board: 'topic:application-strategy', page: 50, pageSize: 20 })))
    const q = SEARCHES[round_ % SEARCHES.length] ?? 'match'
    search.push(
      await timeIt(async () => {
        matches += (await services.community.searchQuestions(actor, { q, page: 1, pageSize: 20 })).total
      }),
    )
  }
  const figures = {
    load_s: round(loadS),
    vacuum_s: round(vacuumS),
    board_p50_ms: round(percentile(board, 50)),
    board_p95_ms: round(percentile(board, 95)),
    later_page_p95_ms: round(percentile(later, 95)),
    search_p50_ms: round(percentile(search, 50)),
    search_p95_ms: round(percentile(search, 95)),
    search_mean_matches: Math.round(matches / ROUNDS),
  }
  log(`${label}: ${JSON.stringify(figures)}`)
  return figures
}

const { pglite: onPglite, postgres: onPostgres } = await onBothDatabases('community', measure)

process.stdout.write(`${JSON.stringify({ questions: QUESTIONS, posts: POSTS, rounds: ROUNDS, pglite: onPglite, postgres: onPostgres })}\n`)
