import { describe, expect, it } from 'vitest'
import { generateDemoCommunity } from './community-demo.ts'
import { generateDemoSchool } from './generate-demo-school.ts'

describe('the demo community', () => {
  const now = new Date('2026-10-05T14:00:00Z')
  const { rows } = generateDemoSchool({ seed: 1, now })
  const community = generateDemoCommunity(rows, now)

  it('is the same for the same school, with every question and answer written by someone', () => {
    expect(generateDemoCommunity(rows, now)).toEqual(community)
    expect(community.questions.length).toBe(8)
    expect(community.answers.length).toBe(11)
    expect(community.reports).toHaveLength(1)
    const people = new Set(rows.people.map((p) => p.id))
    for (const post of [...community.questions, ...community.answers]) expect(people.has(post.authorId)).toBe(true)
  })

  it('holds anonymous questions and answers, and no vote on one’s own answer', () => {
    expect(community.questions.filter((q) => q.isAnonymous).length).toBeGreaterThanOrEqual(2)
    expect(community.answers.some((a) => a.isAnonymous)).toBe(true)
    const authorOf = new Map(community.answers.map((a) => [a.id, a.authorId]))
    for (const vote of community.votes) expect(authorOf.get(vote.answerId)).not.toBe(vote.voterId)
  })

  it('writes on a members-only board only as people whose profile lists its identity', () => {
    const identityOf = new Map<string, string[]>()
    for (const p of [...rows.studentProfiles, ...rows.mentorProfiles])
      identityOf.set(p.personId, [...(identityOf.get(p.personId) ?? []), ...(p.identity ?? [])])
    const onBoard = community.questions.filter((q) => q.board.startsWith('identity:'))
    expect(onBoard.length).toBeGreaterThan(0)
    for (const q of onBoard) {
      const identity = q.board.slice('identity:'.length)
      const posts = [q, ...community.answers.filter((a) => a.questionId === q.id)]
      expect(posts.length).toBeGreaterThan(1)
      for (const post of posts) expect(identityOf.get(post.authorId)).toContain(identity)
      expect(community.votes.filter((v) => posts.some((p) => 'id' in p && p.id === v.answerId))).toEqual([])
    }
  })
})
