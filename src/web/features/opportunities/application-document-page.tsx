import { Link, useParams } from 'react-router'
import { MATERIAL_KIND_LABELS } from '#shared/reference/application-limits.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { formatMoment } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { firstName } from '../../components/voice.ts'
import { PlainPreview } from '../materials/plain-preview.tsx'
import { useApplicationDocument } from './student-experiences-api.ts'
import '../materials/materials.css'
import './opportunities.css'

/**
 * The document a student sent with their application, for the poster: the version as it was
 * when they applied (a later edit by the student does not change it), read-only. The server
 * records each reading in the audit log.
 */
export function ApplicationDocumentPage() {
  const { opportunityId = '', applicationId = '' } = useParams()
  const document = useApplicationDocument(applicationId)
  const d = document.data
  const kind = d ? MATERIAL_KIND_LABELS[d.kind] : null
  usePageTitle(d ? `${d.studentName}’s ${kind}: ${d.title}` : 'Attached document')
  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to={`/opportunities/${encodeURIComponent(opportunityId)}/applicants`}>← Applicants</Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1} id="attached-heading">
          {d ? `${d.studentName}’s ${kind}: ${d.title}` : 'Attached document'}
        </h1>
        {d ? (
          <p className="lead">
            Version {d.versionNumber}, the one {firstName(d.studentName)} attached when applying on{' '}
            {formatMoment(d.attachedAt, { month: 'long', day: 'numeric', year: 'numeric' })}. Later edits to the document are not shown here.
            {d.target ? ` Written for: ${d.target}.` : ''}
          </p>
        ) : null}
      </div>
      {document.isPending ? <Loading label="Loading the document…" /> : null}
      {document.isError ? <QueryError error={document.error} onRetry={() => void document.refetch()} /> : null}
      {d ? <PlainPreview text={d.text} labelledBy="attached-heading" /> : null}
    </div>
  )
}
