/**
 * Thrown by `validateInstance` when a match instance breaks the format
 * (`docs/formats/match-instance.md`). `path` names the offending entry, for example
 * `programs[3].ranks[7]` or `couples[2].members[1]`, so a rank-list export can be fixed at the
 * source.
 */
export class InstanceError extends Error {
  readonly path: string

  constructor(path: string, message: string) {
    super(`${path}: ${message}`)
    this.name = 'InstanceError'
    this.path = path
  }
}
