/**
 * What the outbox page shows of a file sent with an e-mail. Calendar invites are shown whole, to
 * read or download. A letter's e-mails carry no file today; should one ever carry a letter, the
 * outbox names it and never serves its content, to anyone: a confidential letter is read only by
 * those the student's waiver allows (decision 008), and the outbox is no way around that.
 */
export function isAttachmentContentWithheld(kind: string): boolean {
  return kind === 'letter' || kind.startsWith('letter.')
}
