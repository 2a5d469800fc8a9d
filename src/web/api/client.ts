import { AppError, isErrorEnvelope, type ErrorCode } from '#shared/errors.ts'

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Sent as JSON. */
  json?: unknown
  /** Sent as is, e.g. an image file; its type becomes the Content-Type. */
  raw?: Blob
  query?: Record<string, string | number | undefined | null>
  signal?: AbortSignal
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/**
 * The one way the web app talks to the server. Same-origin cookies carry the session; the
 * browser adds the Origin header the server checks on unsafe requests. Every failure comes back
 * as an AppError, so pages handle a network outage and a validation error the same way.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: BodyInit | undefined
  if (options.raw) {
    headers['Content-Type'] = options.raw.type || 'application/octet-stream'
    body = options.raw
  } else if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  }

  let response: Response
  try {
    response = await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body,
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new AppError('INTERNAL', 'Preceptor could not be reached. Check your connection and try again.')
  }

  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => undefined)
  if (response.ok) return payload as T

  if (isErrorEnvelope(payload)) {
    const { code, message, fields } = payload.error
    throw new AppError(code as ErrorCode, message, fields)
  }
  throw new AppError(codeForStatus(response.status), fallbackMessage(response.status))
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED'
    case 401:
      return 'NOT_AUTHENTICATED'
    case 403:
      return 'FORBIDDEN'
    case 404:
      return 'NOT_FOUND'
    case 409:
      return 'CONFLICT'
    case 413:
      return 'PAYLOAD_TOO_LARGE'
    case 429:
      return 'RATE_LIMITED'
    default:
      return 'INTERNAL'
  }
}

function fallbackMessage(status: number): string {
  if (status === 404) return 'We could not find that.'
  if (status === 429) return 'Too many attempts. Wait a minute and try again.'
  return 'Something went wrong on our side. Try again in a moment.'
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code)
}

export function errorMessage(error: unknown): string {
  if (error instanceof AppError) return error.message
  return 'Something went wrong. Try again in a moment.'
}
