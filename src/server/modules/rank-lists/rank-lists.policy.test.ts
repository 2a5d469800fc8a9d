import { describe, expect, it } from 'vitest'
import { canComment, canEditList, canSignOff } from './rank-lists.policy.ts'

describe('rank list writes by reader', () => {
  it.each([
    ['self', true, true, false],
    ['assigned-advisor', false, true, true],
    [null, false, false, false],
  ] as const)('%s: edit %s, comment %s, sign off %s', (reader, edit, comment, signOff) => {
    expect(canEditList(reader)).toBe(edit)
    expect(canComment(reader)).toBe(comment)
    expect(canSignOff(reader)).toBe(signOff)
  })
})
