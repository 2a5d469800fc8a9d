/** The scheduled retention run: ten minutes after start (after the audit chain's first check), then daily. */
export const RETENTION_FIRST_RUN_MS = 10 * 60_000
export const RETENTION_RUN_HOURS = 24
