import type { z } from 'zod'
import type { FieldErrors } from '#shared/errors.ts'
import { AppError } from '#shared/errors.ts'
import { errorMessage } from '../api/client.ts'
import { friendlyIssue } from '#shared/contracts/friendly-issues.ts'

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/** Validates form input with the same contract the server uses, keyed by top-level field. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): Validation<T> {
  const result = schema.safeParse(input, { error: (issue) => friendlyIssue(issue) })
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const key = fieldKey(issue.path.map(String).join('.')) || 'form'
    errors[key] ??= issue.message
  }
  return { ok: false, errors }
}

/** `specialtyInterests.2` is shown at the `specialtyInterests` control. */
export function fieldKey(path: string): string {
  return path.split('.')[0] ?? path
}

export type FormProblem = { message: string | null; fields: FieldErrors }

/** Turns whatever a request threw into a message for the summary and errors for the fields. */
export function problemFrom(error: unknown, knownFields: readonly string[]): FormProblem {
  const fields: FieldErrors = {}
  let message: string | null = null
  if (error instanceof AppError && error.fields) {
    for (const [path, text] of Object.entries(error.fields)) {
      // An empty message marks a field without saying anything about it; the others speak for it.
      if (!text.trim()) continue
      const key = fieldKey(path)
      if (knownFields.includes(key)) fields[key] ??= text
      else message = message ? `${message} ${text}` : text
    }
    if (Object.keys(fields).length === 0) message ??= error.message
  } else {
    message = errorMessage(error)
  }
  return { message, fields }
}
