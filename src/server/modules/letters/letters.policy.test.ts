import { describe, expect, it } from 'vitest'
import type { Role } from '#shared/enums.ts'
import { recordWaiver } from './domain/waiver.ts'
import { uploadLinkState } from './domain/upload-link.ts'
import { canManageUploadLink, canReadLetterContent, canSeePacket, isWriterOf, letterViewOf, type Viewer } from './letters.policy.ts'

const v = (id: string, ...roles: Role[]): Viewer => ({ personId: id, roles })
const waived = { studentId: 's', writerPersonId: 'w', waivedRightOfAccess: true }
const open = { ...waived, waivedRightOfAccess: false }
const outside = { ...waived, writerPersonId: null }

describe('who reads a letter’s content', () => {
  it.each([
    ['the student, waived', v('s', 'student'), waived, false],
    ['the student, not waived', v('s', 'student'), open, true],
    ['the student who is also an admin, waived', v('s', 'student', 'admin'), waived, false],
    ['the writer, waived', v('w', 'mentor'), waived, true],
    ['an admin, waived', v('a', 'admin'), waived, true],
    ['an advisor, waived', v('x', 'advisor'), waived, false],
    ['an advisor, not waived', v('x', 'advisor'), open, false],
    ['another mentor', v('m', 'mentor'), waived, false],
    ['another student', v('t', 'student'), open, false],
    ['an admin, outside writer', v('a', 'admin'), outside, true],
    ['the student, outside writer, waived', v('s', 'student'), outside, false],
  ] as const)('%s: %s', (_label, viewer, request, expected) => {
    expect(canReadLetterContent(viewer, request)).toBe(expected)
  })
})

describe('views, packet and links', () => {
  it.each([
    [v('s', 'student'), 'student', true, true],
    [v('w', 'mentor'), 'writer', true, false],
    [v('a', 'admin'), 'admin', true, true],
    [v('x', 'advisor'), 'advisor', false, false],
    [v('m', 'mentor'), null, false, false],
    [v('t', 'student'), null, false, false],
  ] as const)('%o sees the %s view; packet %s; manages the link %s', (viewer, kind, packet, link) => {
    expect(letterViewOf(viewer, waived)).toBe(kind)
    expect(canSeePacket(viewer, waived)).toBe(packet)
    expect(canManageUploadLink(viewer, waived)).toBe(link)
  })

  it('only the named writer acts as writer; nobody is the writer of an outside request', () => {
    expect(isWriterOf(v('w', 'mentor'), waived)).toBe(true)
    expect(isWriterOf(v('a', 'admin'), waived)).toBe(false)
    expect(isWriterOf(v('w', 'mentor'), outside)).toBe(false)
  })
})

describe('waiver', () => {
  const now = new Date('2026-10-05T14:00:00Z')
  it.each([
    [true, true],
    [false, false],
  ])('the answer %s is stored as %s, with who and when', (answer, stored) => {
    expect(recordWaiver(answer, 's', now)).toEqual({ waivedRightOfAccess: stored, waiverRecordedAt: now, waiverRecordedBy: 's' })
  })
})

describe('upload link state', () => {
  const now = new Date('2026-10-05T14:00:00Z')
  const later = new Date(now.getTime() + 1000)
  it.each([
    [{ expiresAt: later, usedAt: null, revokedAt: null }, 'usable'],
    [{ expiresAt: now, usedAt: null, revokedAt: null }, 'expired'],
    [{ expiresAt: later, usedAt: now, revokedAt: null }, 'used'],
    [{ expiresAt: later, usedAt: null, revokedAt: now }, 'revoked'],
    [{ expiresAt: now, usedAt: now, revokedAt: now }, 'revoked'],
  ] as const)('%o → %s', (link, state) => {
    expect(uploadLinkState(link, now)).toBe(state)
  })
})
