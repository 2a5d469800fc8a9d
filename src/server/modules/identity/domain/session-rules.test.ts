import { describe, expect, it } from 'vitest'
import { absoluteExpiry, isSessionAlive, shouldTouchSession } from './session-rules.ts'

const policy = { idleMinutes: 30, absoluteHours: 12 }
const t0 = new Date('2026-09-01T08:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)

describe('session rules', () => {
  const session = { createdAt: t0, lastSeenAt: t0, expiresAt: absoluteExpiry(t0, policy) }

  it.each([
    ['just created', 0, true],
    ['29 minutes idle', 29, true],
    ['30 minutes idle', 30, false],
    ['long idle', 600, false],
  ])('%s → alive %s', (_label, minutes, alive) => {
    expect(isSessionAlive(session, at(minutes), policy)).toBe(alive)
  })

  it('ends at the absolute timeout even when active', () => {
    const active = { ...session, lastSeenAt: at(12 * 60 - 1) }
    expect(isSessionAlive(active, at(12 * 60 - 1), policy)).toBe(true)
    expect(isSessionAlive(active, at(12 * 60), policy)).toBe(false)
  })

  it('touches at most once a minute', () => {
    expect(shouldTouchSession(session, at(0.5))).toBe(false)
    expect(shouldTouchSession(session, at(1))).toBe(true)
  })
})
