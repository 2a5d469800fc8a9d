import { describe, expect, it } from 'vitest'
import { isAttachmentContentWithheld } from './outbox-attachments.ts'

describe('the outbox’s attachments', () => {
  it('withholds the content of any letter e-mail’s file, serves calendar invites', () => {
    expect(isAttachmentContentWithheld('letter.submitted')).toBe(true)
    expect(isAttachmentContentWithheld('letter.delivered')).toBe(true)
    expect(isAttachmentContentWithheld('letter')).toBe(true)
    expect(isAttachmentContentWithheld('meeting.scheduled')).toBe(false)
    expect(isAttachmentContentWithheld('letters-digest')).toBe(false)
  })
})
