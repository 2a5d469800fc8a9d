import { describe, expect, it } from 'vitest'
import type { Role } from '#shared/enums.ts'
import type { Actor } from '../../http/app-env.ts'
import { assertConversationParticipant, otherParticipant } from './messages.policy.ts'

const actor = (personId: string, roles: Role[]): Actor => ({
  personId,
  email: `${personId}@x.edu`,
  name: personId,
  roles,
  sessionId: 's',
  expiresAt: new Date(0),
})
const conversation = { studentId: 'student', mentorId: 'mentor' }

describe('who is in a conversation', () => {
  it.each([
    ['student', ['student'], true],
    ['mentor', ['mentor'], true],
    ['other-student', ['student'], false],
    ['advisor', ['advisor'], false],
    ['admin', ['admin'], false],
    ['school-wide', ['advisor', 'admin'], false],
  ] as const)('%s (%s): in = %s', (id, roles, allowed) => {
    const check = () => assertConversationParticipant(actor(id, [...roles]), conversation)
    if (allowed) expect(check).not.toThrow()
    else expect(check).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
  it('a conversation that does not exist is not found, for anyone', () => {
    expect(() => assertConversationParticipant(actor('student', ['student']), null)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
  it('names the other side', () => {
    expect(otherParticipant(actor('student', ['student']), conversation)).toBe('mentor')
    expect(otherParticipant(actor('mentor', ['mentor']), conversation)).toBe('student')
  })
})
