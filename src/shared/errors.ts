/**
 * One error type for the whole application and one table from its codes to HTTP statuses.
 * The wire envelope is `{ error: { code, message, fields? } }`; the web client turns it back
 * into an `AppError` so pages can show the field at fault.
 */

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  NOT_AUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

/** Every error code, for the error envelope's schema (an enum in the OpenAPI document). */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]

/** Field path (dot-separated) → what is wrong with it, in words a person can act on. */
export type FieldErrors = Record<string, string>

export type ErrorEnvelope = {
  error: { code: ErrorCode; message: string; fields?: FieldErrors }
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields: FieldErrors | undefined
  /** For RATE_LIMITED: how long until trying again can succeed; sent as the Retry-After header. */
  readonly retryAfterSeconds: number | undefined

  constructor(code: ErrorCode, message: string, fields?: FieldErrors, options?: { retryAfterSeconds?: number }) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
    this.retryAfterSeconds = options?.retryAfterSeconds
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }

  toEnvelope(): ErrorEnvelope {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } }
  }
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}
