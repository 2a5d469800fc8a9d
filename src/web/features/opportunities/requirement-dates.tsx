import type { Dispatch, SetStateAction } from 'react'
import { TextField } from '../../components/fields.tsx'

export type RequirementDates = { completedOn: string; expiresOn: string }

/**
 * When a requirement was done and when it expires, as the student records it and as the office
 * verifies it: the same two date fields, with the field errors the server names.
 */
export function RequirementDateFields({
  id,
  draft,
  setDraft,
  fields,
  expiresHint,
}: {
  id: string
  draft: RequirementDates
  setDraft: Dispatch<SetStateAction<RequirementDates>>
  fields: Record<string, string>
  expiresHint: string
}) {
  return (
    <>
      <TextField
        id={`${id}-completed`}
        type="date"
        label="Completed on"
        value={draft.completedOn}
        onChange={(e) => setDraft((d) => ({ ...d, completedOn: e.currentTarget.value }))}
        error={fields.completedOn}
      />
      <TextField
        id={`${id}-expires`}
        type="date"
        label="Expires on"
        hint={expiresHint}
        value={draft.expiresOn}
        onChange={(e) => setDraft((d) => ({ ...d, expiresOn: e.currentTarget.value }))}
        error={fields.expiresOn}
      />
    </>
  )
}
