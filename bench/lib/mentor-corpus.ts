import type { Database } from '#server/db/client.ts'
import { sessions } from '#server/db/schema/index.ts'
import { buildPersonRows, type BuiltPerson } from '#server/db/seed/people.ts'
import { createRandom } from '#server/db/seed/random.ts'
import { hashSecret, newSecret } from '#server/modules/identity/tokens.ts'
import type { MentorKind } from '#shared/enums.ts'
import { MS_PER_DAY } from '#shared/time.ts'

/** Shares of mentor kinds in a generated corpus, close to the demo school's. */
const KIND_WEIGHTS: [MentorKind, number][] = [
  ['faculty', 0.5],
  ['resident', 0.2],
  ['fellow', 0.08],
  ['alumni', 0.17],
  ['near-peer', 0.05],
]

/** `count` realistic mentor profiles from the demo school's builders; one in 200 on a directory hold. */
export function generateMentors(count: number, seed: number, now: Date): BuiltPerson[] {
  const random = createRandom(seed)
  const people: BuiltPerson[] = []
  for (let i = 0; i < count; i++) {
    let pick = random.next()
    let kind: MentorKind = 'faculty'
    for (const [k, w] of KIND_WEIGHTS) {
      if (pick < w) {
        kind = k
        break
      }
      pick -= w
    }
    const roles = kind === 'near-peer' ? (['student', 'mentor'] as const) : (['mentor'] as const)
    people.push(buildPersonRows(random, { roles, now, mentor: { kind }, directoryHold: i % 200 === 0, emailDomain: `b${i}.example.edu` }))
  }
  return people
}

/** A session cookie written straight to the sessions table, so requests go through the HTTP layer signed in. */
export async function sessionCookie(db: Database, personId: string, now: Date): Promise<string> {
  const secret = newSecret()
  await db.insert(sessions).values({ id: hashSecret(secret), personId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + MS_PER_DAY) })
  return `preceptor_session=${secret}`
}
