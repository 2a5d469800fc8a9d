/**
 * A few message threads for the demo school (decision 021): in the most recent active
 * mentorships, a short exchange in the days after each began, the mentee's last word still unread
 * by the mentor in some; and a question from the student on a few open requests. Pure: the same
 * history and `now` give the same rows. The demo accounts are not in the history's active
 * mentorships or open requests, so their pages start clean.
 */
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
import type { Tx } from '../client.ts'
import { messageReads, messages } from '../schema/index.ts'
import type { DemoMentorshipHistory } from './mentorship-history-demo.ts'

const THREADS: readonly (readonly ['student' | 'mentor', string])[][] = [
  [
    ['student', 'Thank you for taking me on! Would a first meeting in the next two weeks work for you?'],
    ['mentor', 'Glad to. Pick any open time on my availability; bring a list of the specialties you are weighing.'],
    ['student', 'Booked for Thursday. I will bring my list and my questions about away rotations.'],
  ],
  [
    ['mentor', 'Welcome! Before we meet, could you send me your CV as it stands? It helps me give specific advice.'],
    ['student', 'Of course — I will send it this weekend. I am still adding the research year.'],
    ['mentor', 'No rush. Rough is fine; we will shape it together.'],
    ['student', 'Sent it through Materials. The research section is the weakest part, I think.'],
  ],
  [
    ['student', 'I read the paper you mentioned. Could I help with the follow-up chart review this spring?'],
    ['mentor', 'Yes — talk to our research coordinator first about the IRB training; I will introduce you by e-mail.'],
  ],
]

const REQUEST_QUESTIONS: readonly string[] = [
  'Before you decide: I can only meet on Thursdays this term. Would that work for you?',
  'One more thing — I am an M1, so I am still early. Is that all right for your mentees?',
]

type MessageRow = typeof messages.$inferInsert
type ReadRow = typeof messageReads.$inferInsert

export type DemoMessages = { messages: MessageRow[]; reads: ReadRow[] }

export function generateDemoMessages(history: DemoMentorshipHistory, now: Date): DemoMessages {
  const rows: MessageRow[] = []
  const reads: ReadRow[] = []
  const recent = history.mentorships
    .filter((m) => m.status === 'active')
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
    .slice(0, THREADS.length * 2)
  recent.forEach((m, index) => {
    const thread = THREADS[index % THREADS.length] ?? []
    let at = m.startedAt.getTime() + 3 * MS_PER_HOUR
    for (const [side, body] of thread) {
      if (at >= now.getTime()) break
      rows.push({ requestId: m.requestId, authorId: side === 'student' ? m.studentId : m.mentorId, body, createdAt: new Date(at) })
      at += (index % 2 === 0 ? 20 : 6) * MS_PER_HOUR
    }
    const written = rows.filter((r) => r.requestId === m.requestId)
    const last = written.at(-1)
    if (!last) return
    // Each side has read what they answered; in every other thread the last message waits unread.
    for (const person of [m.studentId, m.mentorId]) {
      const upTo = index % 2 === 0 || last.authorId === person ? last.createdAt : written.at(-2)?.createdAt
      if (upTo) reads.push({ requestId: m.requestId, personId: person, readUpTo: upTo })
    }
  })
  const open = history.requests.filter((r) => r.status === 'requested' || r.status === 'viewed').slice(0, REQUEST_QUESTIONS.length)
  open.forEach((r, index) => {
    const createdAt = new Date(Math.min(r.createdAt.getTime() + MS_PER_HOUR, now.getTime() - MS_PER_DAY / 24))
    rows.push({ requestId: r.id, authorId: r.studentId, body: REQUEST_QUESTIONS[index] ?? '', createdAt })
    reads.push({ requestId: r.id, personId: r.studentId, readUpTo: createdAt })
  })
  return { messages: rows, reads }
}

export async function insertDemoMessages(tx: Tx, demo: DemoMessages): Promise<void> {
  if (demo.messages.length > 0) await tx.insert(messages).values(demo.messages)
  if (demo.reads.length > 0) await tx.insert(messageReads).values(demo.reads)
}
