/**
 * Application materials on the server. Run with `npm run bench:materials`.
 *
 * A student's 28,000-character personal statement (BENCH_CHARACTERS) with four reviewers'
 * comments on it, on PGlite — and on a throwaway database on the PostgreSQL server of
 * DATABASE_URL when set. Times, through the service (the server's own time, no HTTP):
 * - `save_version`: saving the next version after a reviewer-sized edit (a dozen words changed
 *   and a sentence added), answer included;
 * - `diff`: the comparison of the last two versions (the word diff and the page's data);
 * - `diff_rewrite`: the comparison of two unrelated statements of the same length, the worst case
 *   the edit bound exists for;
 * - `version_with_comments`: opening the newest version with its comments re-anchored through
 *   every version.
 * Target: ≤ 50 ms for a save and a diff. The last stdout line is one JSON object; human lines go
 * to stderr.
 */
import { sql } from 'drizzle-orm'
import { fixedClock } from '#server/clock.ts'
import type { DatabaseHandle } from '#server/db/client.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import type { Actor } from '#server/http/app-env.ts'
import { createServices } from '#server/services.ts'
import { diffWords } from '#server/modules/materials/domain/word-diff.ts'
import { envNumber, log, percentile, round } from './lib/measure.ts'
import { onBothDatabases } from './lib/on-both-databases.ts'

const CHARACTERS = envNumber('BENCH_CHARACTERS', 28_000)
const ROUNDS = envNumber('BENCH_ROUNDS', 30)
const NOW = new Date('2026-10-05T14:00:00Z')
const STUDENT = '00000000-0000-4000-8000-00000000be01'
const REVIEWER = '00000000-0000-4000-8000-00000000be02'

const WORDS =
  'patient night team learned care listen family clinic trauma surgery medicine resident nurse hands quiet morning rounds question answer fear trust language community research mentor small moment hospital bedside discharge follow-up story grief laughter interpreter shift pager call heart lung kidney child mother father teacher'.split(
    ' ',
  )

/** A deterministic pseudo-random sequence (mulberry32), so every run writes the same text. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function statement(seed: number, characters: number): string {
  const next = random(seed)
  let text = ''
  while (text.length < characters) {
    const words = Array.from({ length: 8 + Math.floor(next() * 14) }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'care')
    const sentence = `${words.join(' ')}.`
    text += text.length === 0 ? sentence[0]?.toUpperCase() + sentence.slice(1) : next() < 0.15 ? `\n\n${sentence}` : ` ${sentence}`
  }
  return text.slice(0, characters)
}

/** A reviewer-sized edit: a dozen words replaced and one sentence added, at seeded places. */
function edit(text: string, seed: number): string {
  const next = random(seed)
  const words = text.split(' ')
  for (let i = 0; i < 12; i++) words[Math.floor(next() * words.length)] = WORDS[Math.floor(next() * WORDS.length)] ?? 'care'
  const at = Math.floor(next() * words.length)
  words.splice(at, 0, 'That night I understood what the team meant by presence.')
  return words.join(' ').slice(0, CHARACTERS)
}

async function measure(handle: DatabaseHandle, label: string) {
  const { db } = handle
  await insertReferenceData(db)
  await db.execute(
    sql`insert into people (id, email, name) values (${STUDENT}, 'student@bench.test', 'Bench Student'), (${REVIEWER}, 'mentor@bench.test', 'Bench Mentor')`,
  )
  await db.execute(sql`insert into person_roles (person_id, role) values (${STUDENT}, 'student'), (${REVIEWER}, 'mentor')`)
  const services = createServices(db, fixedClock(NOW), null, {
    appOrigin: 'http://bench.test',
    demoMode: false,
    sessionPolicy: { idleMinutes: 60, absoluteHours: 24 },
  })
  const actor = (personId: string, role: 'student' | 'mentor'): Actor => ({
    personId,
    email: `${role}@bench.test`,
    name: `Bench ${role}`,
    roles: [role],
    sessionId: 'bench',
    expiresAt: NOW,
  })
  const student = actor(STUDENT, 'student')
  const mentor = actor(REVIEWER, 'mentor')
  const materials = services.materials

  let body = statement(2026, CHARACTERS)
  const doc = await materials.createDocument(student, { kind: 'personal-statement', title: 'Statement', target: '', body })
  const v1 = doc.latestVersion.id
  await materials.shareVersion(student, v1, { reviewerIds: [REVIEWER], dueDate: '2026-10-20', question: 'Too long?' })
  for (let i = 0; i < 40; i++) {
    const start = Math.floor((i / 40) * (body.length - 60))
    await materials.startThread(mentor, v1, { start, end: start + 40, body: `Comment ${i}.`, ...(i % 4 === 0 ? { suggestion: 'A shorter phrase' } : {}) })
  }

  const timeIt = async (f: () => Promise<unknown>) => {
    const start = performance.now()
    await f()
    return performance.now() - start
  }
  const save: number[] = []
  const diff: number[] = []
  const open: number[] = []
  let latest = v1
  let previous = v1
  for (let r = 0; r < ROUNDS; r++) {
    const next = edit(body, r + 1)
    save.push(
      await timeIt(async () => {
        const view = await materials.saveVersion(student, doc.id, { body: next, basedOnVersionId: latest })
        previous = latest
        latest = view.latestVersion.id
      }),
    )
    body = next
    diff.push(await timeIt(() => materials.compare(student, doc.id, previous, latest)))
    if (r % 5 === 4) open.push(await timeIt(() => materials.getVersion(student, latest)))
  }

  // The worst case: two unrelated statements of the same length.
  const other = await materials.createDocument(student, { kind: 'personal-statement', title: 'Rewrite', target: '', body: statement(1, CHARACTERS) })
  const rewritten = await materials.saveVersion(student, other.id, { body: statement(2, CHARACTERS), basedOnVersionId: other.latestVersion.id })
  const rewrite: number[] = []
  for (let r = 0; r < 5; r++) rewrite.push(await timeIt(() => materials.compare(student, other.id, other.latestVersion.id, rewritten.latestVersion.id)))
  const pureRewrite = performance.now()
  diffWords(statement(1, CHARACTERS), statement(2, CHARACTERS))
  const pureRewriteMs = performance.now() - pureRewrite

  const figures = {
    characters: body.length,
    save_version_p50_ms: round(percentile(save, 50)),
    save_version_p95_ms: round(percentile(save, 95)),
    diff_p50_ms: round(percentile(diff, 50)),
    diff_p95_ms: round(percentile(diff, 95)),
    diff_rewrite_p50_ms: round(percentile(rewrite, 50)),
    diff_rewrite_pure_ms: round(pureRewriteMs),
    version_with_comments_p50_ms: round(percentile(open, 50)),
    versions: ROUNDS + 1,
    comments: 40,
  }
  log(`${label}: ${JSON.stringify(figures)}`)
  return figures
}

const { pglite: onPglite, postgres: onPostgres } = await onBothDatabases('materials', measure)

process.stdout.write(`${JSON.stringify({ rounds: ROUNDS, target_ms: 50, pglite: onPglite, postgres: onPostgres })}\n`)
