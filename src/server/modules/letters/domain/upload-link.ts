/** Whether a one-time upload link may be used now; any other answer is "not valid". */
export type UploadLinkState = 'usable' | 'expired' | 'used' | 'revoked'

export type UploadLinkRow = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }

export function uploadLinkState(link: UploadLinkRow, now: Date): UploadLinkState {
  if (link.revokedAt) return 'revoked'
  if (link.usedAt) return 'used'
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'usable'
}
