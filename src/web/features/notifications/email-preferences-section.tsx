import { useState } from 'react'
import { errorMessage } from '../../api/client.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { CheckboxGroup } from '../../components/fields.tsx'
import { useEmailPreferences, useSaveEmailPreferences } from './notifications-api.ts'

/**
 * Which groups of e-mails a person gets. Turning one off stops its e-mail only: the notification
 * still shows in the app. Some e-mails are always sent; the section names them.
 */
export function EmailPreferencesSection() {
  const preferences = useEmailPreferences()
  const save = useSaveEmailPreferences()
  const [said, say] = useState<string | null>(null)
  const groups = preferences.data?.groups ?? []

  const onChange = (chosen: string[]) => {
    say(null)
    const next = Object.fromEntries(groups.map((g) => [g.group, chosen.includes(g.group)]))
    const changed = groups.find((g) => next[g.group] !== g.email)
    save.mutate(
      { groups: next },
      { onSuccess: () => say(changed ? `Saved. ${changed.label}: ${next[changed.group] ? 'e-mails on' : 'in the app only'}.` : 'Saved.') },
    )
  }

  return (
    <section id="email" className="card edit-section" aria-labelledby="edit-email">
      <h2 id="edit-email">E-mails</h2>
      {preferences.isPending ? <Loading label="Loading your e-mail choices…" /> : null}
      {preferences.isError ? <QueryError error={preferences.error} onRetry={() => void preferences.refetch()} /> : null}
      {preferences.data ? (
        <>
          <CheckboxGroup
            id="email-groups"
            name="email-groups"
            label="E-mail me about"
            hint="Whatever you choose, each one still shows under Notifications (the bell at the top of every page)."
            options={groups.map((g) => ({ value: g.group, label: g.label }))}
            values={groups.filter((g) => g.email).map((g) => g.group)}
            onChange={onChange}
            columns={false}
            error={save.isError ? errorMessage(save.error) : undefined}
          />
          <div className="always-sent">
            <p>Always sent by e-mail, because you need them to get in or the law asks for them:</p>
            <ul>
              {preferences.data.alwaysSent.map((words) => (
                <li key={words}>{words}</li>
              ))}
            </ul>
          </div>
        </>
      ) : null}
      <LiveStatus message={said} />
    </section>
  )
}
