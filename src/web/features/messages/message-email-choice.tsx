import { useState } from 'react'
import { MESSAGE_EMAIL_FREQUENCIES, type MessageEmailFrequency } from '#shared/message-limits.ts'
import { errorMessage } from '../../api/client.ts'
import { useMessagePreferences, useSaveMessagePreferences } from '../../api/messages.ts'
import { RadioGroup } from '../../components/fields.tsx'

const LABELS: Record<MessageEmailFrequency, { label: string; description: string }> = {
  each: { label: 'For each new message', description: 'At most one e-mail per conversation every 15 minutes.' },
  daily: { label: 'A daily digest', description: 'One e-mail a day listing unread messages.' },
  off: { label: 'No e-mails', description: 'Check for messages here.' },
}

/** The person's choice of e-mails about new messages (for every conversation of theirs). */
export function MessageEmailChoice({ idPrefix, say }: { idPrefix: string; say: (message: string) => void }) {
  const preferences = useMessagePreferences()
  const save = useSaveMessagePreferences()
  const [error, setError] = useState<string | null>(null)
  if (!preferences.data) return null
  return (
    <details className="message-email-choice">
      <summary>E-mails about new messages</summary>
      <RadioGroup
        id={`${idPrefix}-email`}
        name={`${idPrefix}-email`}
        label="E-mail me"
        hint="This applies to all your conversations."
        value={preferences.data.emailFrequency}
        onChange={(value) =>
          save.mutate(
            { emailFrequency: value as MessageEmailFrequency },
            {
              onSuccess: () => say(`E-mails about new messages: ${LABELS[value as MessageEmailFrequency].label.toLowerCase()}.`),
              onError: (f) => setError(errorMessage(f)),
            },
          )
        }
        options={MESSAGE_EMAIL_FREQUENCIES.map((f) => ({ value: f, ...LABELS[f] }))}
      />
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </details>
  )
}
