import { useState } from 'react'
import { errorMessage } from '../../api/client.ts'
import { useRegenerateCalendarFeed } from '../../api/mentorships.ts'
import { LiveStatus } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'

/**
 * The secret calendar link (one per person): meetings, and for a student the events they have a
 * place at. `contents` says what this page's reader will find in it.
 */
export function CalendarFeed({ contents }: { contents: string }) {
  const feed = useRegenerateCalendarFeed()
  const [copied, setCopied] = useState<string | null>(null)
  const url = feed.data?.url
  return (
    <section className="card mentorship-block" aria-labelledby="feed-title">
      <h2 id="feed-title">Calendar feed</h2>
      <p>
        Subscribe to {contents} from Outlook, Google or Apple Calendar. The link is secret: anyone with it can read those times. Making a new link stops the old
        one.
      </p>
      {url ? (
        <div className="feed-link">
          <TextField
            id="feed-url"
            label="Your calendar link"
            hint="Shown once. Copy it into your calendar now."
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              void navigator.clipboard
                ?.writeText(url)
                .then(() => setCopied('Link copied.'))
                .catch(() => setCopied('Could not copy: select the link and copy it yourself.'))
            }}
          >
            Copy link
          </button>
        </div>
      ) : null}
      {feed.isError ? (
        <p role="alert" className="field-error">
          {errorMessage(feed.error)}
        </p>
      ) : null}
      <LiveStatus message={copied ?? (url ? 'Your new calendar link is ready.' : null)} />
      <button
        type="button"
        className="button button-secondary"
        disabled={feed.isPending}
        onClick={() => {
          setCopied(null)
          feed.mutate()
        }}
      >
        {url ? 'Make another new link' : 'Make a calendar link'}
      </button>
    </section>
  )
}
