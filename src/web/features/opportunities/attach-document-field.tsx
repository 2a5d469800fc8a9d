import { Link } from 'react-router'
import type { AttachedDocumentView } from '#shared/contracts/opportunities.ts'
import { MATERIAL_KIND_LABELS } from '#shared/reference/application-limits.ts'
import { SelectField } from '../../components/fields.tsx'
import { useMyDocuments } from '../materials/api.ts'

/**
 * The optional document sent with an application: one of the student's own materials documents
 * (a CV, a personal statement…). The version they have now is the one sent; letters are not
 * documents here and can never be attached.
 */
export function AttachDocumentField({
  value,
  onChange,
  error,
  posterName,
}: {
  value: string
  onChange: (documentId: string) => void
  error?: string | undefined
  posterName: string
}) {
  const documents = useMyDocuments()
  const items = documents.data?.items ?? []
  if (documents.isSuccess && items.length === 0)
    return (
      <p className="opportunity-meta">
        You have no documents to attach yet. <Link to="/materials">Write your CV or a statement in Documents</Link> to send one with an application.
      </p>
    )
  return (
    <SelectField
      id="apply-document"
      label="Attach a document (optional)"
      hint={`The version you have now is sent, and only ${posterName} can read it. Edits you save later are not sent.`}
      placeholder={documents.isPending ? 'Loading your documents…' : 'No document'}
      options={items.map((d) => ({ value: d.id, label: `${MATERIAL_KIND_LABELS[d.kind]}: ${d.title} (version ${d.latestVersion.number})` }))}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  )
}

/** "CV: My CV, version 2" — how an attached document is named to the student and the poster. */
export const attachedDocumentLabel = (d: AttachedDocumentView) => `${MATERIAL_KIND_LABELS[d.kind]}: ${d.title}, version ${d.versionNumber}`
