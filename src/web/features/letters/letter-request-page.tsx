import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { isAppError } from '../../api/client.ts'
import { useSession } from '../../api/identity.ts'
import { useLetterRequest } from '../../api/letters.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { NotFoundPage } from '../../components/status-pages.tsx'
import { LetterFacts, LetterStatusTag } from './letter-facts.tsx'
import { StudentRequestCard } from './student-request-card.tsx'
import { WriterRequestCard } from './writer-request-card.tsx'

/** One request, as its viewer may see it; the e-mails to writers in Preceptor link here. */
export function LetterRequestPage() {
  const { letterRequestId = '' } = useParams()
  const { data: session } = useSession()
  const query = useLetterRequest(letterRequestId)
  const [announcement, setAnnouncement] = useState<string | null>(null)
  const request = query.data
  const me = session?.person.id
  const isWriter = request?.writer.personId === me
  const isStudent = request?.student.id === me
  usePageTitle(request ? (isWriter ? `Letter for ${request.student.name}` : `Letter from ${request.writer.name}`) : 'Letter request')
  if (query.isError && isAppError(query.error, 'NOT_FOUND')) return <NotFoundPage />

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <p className="breadcrumb">
          {isWriter ? <Link to="/letters/writing">Letters to write</Link> : isStudent ? <Link to="/letters">My letters</Link> : <Link to="/">Home</Link>}
        </p>
        <h1 tabIndex={-1}>{request ? (isWriter ? `Letter for ${request.student.name}` : `Letter from ${request.writer.name}`) : 'Letter request'}</h1>
      </div>
      <LiveStatus message={announcement} />
      {query.isPending ? <Loading label="Loading the request…" /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {request ? (
        isWriter ? (
          <WriterRequestCard request={request} headingLevel={2} announce={setAnnouncement} />
        ) : isStudent ? (
          <StudentRequestCard request={request} headingLevel={2} announce={setAnnouncement} />
        ) : (
          <article className="card letter-card" aria-labelledby="letter-other">
            <div className="letter-card-header">
              <h2 id="letter-other" className="letter-card-title">
                {request.student.name}, from {request.writer.name}
              </h2>
              <LetterStatusTag status={request.status} late={request.isLate} />
            </div>
            <LetterFacts request={request} />
          </article>
        )
      ) : null}
    </div>
  )
}
