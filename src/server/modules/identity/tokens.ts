import { createHash, randomBytes } from 'node:crypto'

/** 256 bits from the OS; URL-safe so it can travel in cookies and e-mailed links. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** Only hashes are stored, so a read of the database does not yield usable secrets. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
