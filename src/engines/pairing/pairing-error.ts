/**
 * Thrown when a pairing input is inconsistent: an unknown or repeated id, a kept pair that is
 * forbidden or over capacity. `path` names the entry (`keep[2].mentor`), so an admin's program
 * settings can be fixed at the source.
 */
export class PairingError extends Error {
  readonly path: string

  constructor(path: string, message: string) {
    super(`${path}: ${message}`)
    this.name = 'PairingError'
    this.path = path
  }
}
