import { useState } from 'react'
import type { z } from 'zod'
import type { ProfileResponse } from '#shared/contracts/profiles.ts'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { formatTime } from '../../components/format.ts'

const NO_PROBLEM: FormProblem = { message: null, fields: {} }

type Save<T> = (input: T, callbacks: { onSuccess: (profile: ProfileResponse) => void; onError: (error: unknown) => void }) => void

/**
 * One profile section's submit cycle: validate with the shared contract, send, and put either
 * the server's field errors at their fields or a saved message in the live region.
 */
export function useSectionForm(fields: readonly string[]) {
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM)
  const [attempt, setAttempt] = useState(0)
  const [saved, setSaved] = useState<string | null>(null)

  const fail = (next: FormProblem) => {
    setSaved(null)
    setProblem(next)
    setAttempt((n) => n + 1)
  }

  function submit<T>(schema: z.ZodType<T>, input: unknown, save: Save<T>, savedMessage: string, onSaved?: (profile: ProfileResponse) => void) {
    setSaved(null)
    const result = validate(schema, input)
    if (!result.ok) return fail({ message: null, fields: result.errors })
    setProblem(NO_PROBLEM)
    save(result.data, {
      onSuccess: (profile) => {
        setSaved(`${savedMessage} ${formatTime(new Date())}.`)
        onSaved?.(profile)
      },
      onError: (error) => fail(problemFrom(error, fields)),
    })
  }

  return { problem, attempt, saved, submit, fail, setSaved }
}
