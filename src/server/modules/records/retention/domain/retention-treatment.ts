import type { LetterRetentionRule } from '#shared/contracts/retention.ts'

/**
 * Which rows of a table belong to the graduates being treated: those whose `column` is one of
 * their person ids, or — `via` — whose `column` is in `select` of a parent table's rows that
 * belong to them (a letter's content through its request, a meeting's feedback through the
 * meeting and its mentorship).
 */
export type RowMatch = { column: string; via?: { table: string; select: string; match: RowMatch } }

/** What an anonymised column becomes: null, a fixed value, or one of the derived values below. */
export type SetTo = null | string | boolean | { derived: 'empty-array' | 'anonymous-email' | 'anonymised-id' }

export type Treatment =
  | { action: 'delete'; match: RowMatch; why: string; category?: 'letters' }
  | { action: 'anonymise'; match: RowMatch; set: Readonly<Record<string, SetTo>>; why: string; category?: 'letters' }
  | { action: 'keep'; why: string }

/** The domain a `@…invalid` address is in: it can never receive mail (RFC 2606). */
export const ANONYMISED_EMAIL_DOMAIN = 'anonymised.invalid'
export const ANONYMISED_NAME = 'Former student'

/**
 * The school's letters rule: "keep" turns every letters treatment into keeping, so a letter's file
 * and the student's talking points stay with the (anonymised) request.
 */
export function effectiveTreatment(treatment: Treatment, letters: LetterRetentionRule): Treatment {
  if (treatment.action !== 'keep' && treatment.category === 'letters' && letters === 'keep')
    return { action: 'keep', why: 'The school keeps letters of recommendation (its letters rule).' }
  return treatment
}
