import { describe, expect, it } from 'vitest'
import { MS_PER_DAY } from '#shared/time.ts'
import type { DemoMentorshipHistory } from './mentorship-history-demo.ts'
import { generateDemoMessages } from './messages-demo.ts'

const now = new Date('2026-12-01T12:00:00Z')
const ago = (days: number) => new Date(now.getTime() - days * MS_PER_DAY)

function history(): DemoMentorshipHistory {
  const requests: DemoMentorshipHistory['requests'] = []
  const mentorships: DemoMentorshipHistory['mentorships'] = []
  for (let i = 0; i < 8; i++) {
    const common = {
      id: `r${i}`,
      studentId: `s${i}`,
      mentorId: `m${i % 3}`,
      initiatedBy: 'student' as const,
      kind: 'ongoing' as const,
      message: 'Hi',
      expiresAt: ago(-10),
    }
    const open = i >= 6
    requests.push({ ...common, status: open ? 'requested' : 'accepted', statusChangedAt: ago(20 - i), createdAt: ago(21 - i) })
    if (!open)
      mentorships.push({
        id: `x${i}`,
        requestId: common.id,
        studentId: common.studentId,
        mentorId: common.mentorId,
        kind: 'ongoing',
        status: i === 0 ? 'closed' : 'active',
        startedAt: i === 5 ? ago(0.01) : ago(20 - i),
      })
  }
  return { requests, mentorships }
}

describe('demo messages', () => {
  it('writes only between each request’s two people, never in the future, within the length limit, with read marks of those two', () => {
    const h = history()
    const demo = generateDemoMessages(h, now)
    const pairs = new Map(h.requests.map((r) => [r.id, [r.studentId, r.mentorId]]))
    expect(demo.messages.length).toBeGreaterThan(6)
    for (const m of demo.messages) {
      expect(pairs.get(m.requestId)).toContain(m.authorId)
      expect(m.createdAt.getTime()).toBeLessThan(now.getTime())
      expect(m.body.length).toBeGreaterThan(0)
      expect(m.body.length).toBeLessThanOrEqual(5000)
    }
    for (const r of demo.reads) expect(pairs.get(r.requestId)).toContain(r.personId)
    // The closed mentorship gets none; the two open requests get the student's question.
    expect(demo.messages.some((m) => m.requestId === 'r0')).toBe(false)
    expect(demo.messages.filter((m) => m.requestId === 'r6' || m.requestId === 'r7').map((m) => m.authorId)).toEqual(['s6', 's7'])
  })
})
