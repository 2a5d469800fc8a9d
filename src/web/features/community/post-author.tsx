import type { PostAuthor as Author } from '#shared/contracts/community.ts'
import { formatDateTime } from '../../components/format.ts'

/** Who wrote a post, as the server let the caller see it: an anonymous post names no one. */
export function PostAuthor({ author, at, verb, edited = false }: { author: Author; at?: string; verb: 'asked' | 'answered'; edited?: boolean }) {
  const when = `${at ? ` · ${formatDateTime(at)}` : ''}${edited ? ' · edited by a moderator' : ''}`
  if (author.anonymous)
    return (
      <p className="post-author">
        <span className="post-author-name">{author.mine ? `You ${verb} this anonymously` : 'Anonymous student'}</span>
        {when}
      </p>
    )
  return (
    <p className="post-author">
      <span className="post-author-name">{author.mine ? 'You' : (author.person?.name ?? 'A student')}</span>
      {author.person?.stage && !author.mine ? `, ${author.person.stage}` : ''}
      {when}
    </p>
  )
}
