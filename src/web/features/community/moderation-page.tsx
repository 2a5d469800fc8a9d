import { Link } from 'react-router'
import { formatDateTime } from '../../components/format.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import type { ModerationQueue } from '#shared/contracts/community.ts'
import { useDismissReport, useModerateAnswer, useModerateQuestion, useModerationQueue } from './api.ts'
import { NoteAction } from './post-actions.tsx'
import { PostAuthor } from './post-author.tsx'
import { WordFilterSection } from './word-filter-section.tsx'
import './community.css'

type Item = ModerationQueue['items'][number]

/**
 * Hides the reported post with a note its author sees, or publishes a hidden one (a post the word
 * filter held); either way the post's open reports close with it.
 */
function HidePost({ item }: { item: Item }) {
  const hideQuestion = useModerateQuestion(item.questionId)
  const hideAnswer = useModerateAnswer()
  if (item.hidden)
    return (
      <NoteAction
        open={item.answerId ? 'Publish this answer' : 'Publish this question'}
        label="Note to the author"
        hint="The author sees this note beside their post."
        submit={item.answerId ? 'Publish answer' : 'Publish question'}
        done="Published; its reports are closed."
        onSend={(note) =>
          item.answerId ? hideAnswer.mutateAsync({ answerId: item.answerId, action: 'unhide', note }) : hideQuestion.mutateAsync({ action: 'unhide', note })
        }
      />
    )
  return (
    <NoteAction
      open={item.answerId ? 'Hide this answer' : 'Hide this question'}
      label="Note to the author"
      hint="The author sees this note beside their hidden post."
      submit={item.answerId ? 'Hide answer' : 'Hide question'}
      done="Hidden; its reports are closed."
      onSend={(note) =>
        item.answerId ? hideAnswer.mutateAsync({ answerId: item.answerId, action: 'hide', note }) : hideQuestion.mutateAsync({ action: 'hide', note })
      }
    />
  )
}

/** The moderators' queue: open reports, one card per reported post; open the question to hide or lock it, or dismiss the report here. */
export function ModerationPage() {
  usePageTitle('Community moderation')
  const queue = useModerationQueue()
  const dismiss = useDismissReport()
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/community" className="back-link">
          ← Community
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>Community moderation</h1>
        <p className="lead">
          Posts people reported, oldest first. Hide a post that breaks the community’s rules, with a note its author sees; dismiss a report when nothing is
          wrong. Reporters are not shown. Anonymous authors stay anonymous: only an administrator can look one up, with a reason that is recorded.
        </p>
      </div>
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.data ? (
        queue.data.items.length === 0 ? (
          <p className="empty-state">No open reports.</p>
        ) : (
          <ul className="question-list">
            {queue.data.items.map((item) => (
              <li key={`${item.questionId}/${item.answerId ?? ''}`} className="card">
                <p className="question-board">{item.answerId ? 'An answer to' : 'A question'}</p>
                <h2 className="moderation-title">
                  <Link to={`/community/questions/${item.questionId}`}>{item.questionTitle}</Link>
                </h2>
                <p className="post-body">{item.body}</p>
                <PostAuthor author={item.author} verb={item.answerId ? 'answered' : 'asked'} />
                <HidePost item={item} />
                <h3 className="moderation-reports">Reports</h3>
                <ul>
                  {item.reports.map((r) => (
                    <li key={r.id}>
                      {r.reason} <span className="question-meta">({formatDateTime(r.createdAt)})</span>
                      <NoteAction
                        open="Dismiss"
                        label="Why nothing needs doing"
                        submit="Dismiss report"
                        done="Report dismissed."
                        onSend={(note) => dismiss.mutateAsync({ reportId: r.id, note })}
                      />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <WordFilterSection />
    </div>
  )
}
