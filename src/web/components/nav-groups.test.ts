import { describe, expect, it } from 'vitest'
import type { Role } from '#shared/enums.ts'
import { isInGroup, navFor, type NavEntry } from './nav-groups.ts'

const labels = (entries: NavEntry[]) => entries.map((entry) => (entry.kind === 'link' ? entry.item.label : entry.label))
const links = (entries: NavEntry[]) => entries.flatMap((entry) => (entry.kind === 'link' ? [entry.item] : entry.items))

describe('the main menu', () => {
  it('groups a student’s links by what they do', () => {
    expect(labels(navFor(['student']))).toEqual(['Home', 'Mentoring', 'Career plan', 'Residency'])
  })

  it('groups staff links as Students, Programs and Office, with the office only for administrators', () => {
    expect(labels(navFor(['advisor']))).toEqual(['Home', 'Students', 'Programs'])
    expect(labels(navFor(['admin']))).toEqual(['Home', 'Students', 'Programs', 'Office'])
  })

  it('keeps the top row short enough for one line at desktop width for every mix of roles', () => {
    const mixes: Role[][] = [
      ['student'],
      ['mentor'],
      ['advisor'],
      ['admin'],
      ['student', 'mentor'],
      ['advisor', 'mentor'],
      ['advisor', 'admin'],
      ['student', 'mentor', 'advisor', 'admin'],
    ]
    for (const roles of mixes) expect(navFor(roles).length, roles.join('+')).toBeLessThanOrEqual(7)
  })

  it('gives a near-peer (student and mentor) the union, each link once', () => {
    const nearPeer = links(navFor(['student', 'mentor'])).map((item) => item.to)
    const union = new Set([...links(navFor(['student'])), ...links(navFor(['mentor']))].map((item) => item.to))
    // The letters a near-peer writes are reached from their own Letters page.
    union.delete('/letters/writing')
    expect(new Set(nearPeer)).toEqual(union)
    expect(nearPeer.length).toBe(new Set(nearPeer).size)
  })

  it('shows no page to a role its route refuses', () => {
    const staffOnly = ['/people', '/admin/people', '/admin/audit', '/admin/outbox', '/residency/rank-lists', '/advising/students']
    for (const to of staffOnly) expect(links(navFor(['student', 'mentor'])).map((item) => item.to)).not.toContain(to)
    for (const to of ['/advising', '/letters', '/residency/rank-list']) expect(links(navFor(['advisor', 'admin'])).map((item) => item.to)).not.toContain(to)
  })

  it('marks a group current when the page is one of its links or below one', () => {
    const residency = navFor(['student']).find((entry) => entry.kind === 'group' && entry.id === 'residency')
    if (residency?.kind !== 'group') throw new Error('no residency group')
    expect(isInGroup('/residency/rank-list', residency.items)).toBe(true)
    expect(isInGroup('/residency/programs/abc', residency.items)).toBe(true)
    expect(isInGroup('/mentors', residency.items)).toBe(false)
  })
})
