import { useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../api/client.ts'
import { LiveStatus, Notice } from '../../components/feedback.tsx'
import { RadioGroup } from '../../components/fields.tsx'
import { useDirectoryHold, useSetDirectoryHold } from './api.ts'

/**
 * A student's directory information opt-out (FERPA, 34 CFR §99.37), on their own profile page,
 * with what it does and does not do said plainly.
 */
export function DirectoryHoldSection() {
  const hold = useDirectoryHold()
  const save = useSetDirectoryHold()
  const [said, say] = useState<string | null>(null)
  // The choice shows at once; the saved value takes over when the answer comes.
  const held = save.isPending && save.variables !== undefined ? save.variables : hold.data?.hold
  const value = held ? 'hold' : 'listed'
  const onChange = (next: string) => {
    say(null)
    save.mutate(next === 'hold', {
      onSuccess: (view) => say(view.hold ? 'Saved. Other students and mentors no longer see you in any list.' : 'Saved. You appear in lists again as before.'),
    })
  }
  return (
    <section id="directory-hold" className="card edit-section" aria-labelledby="edit-directory-hold">
      <h2 id="edit-directory-hold">Directory information</h2>
      <p>
        The school may show your name, class year and interests to other students and to mentors: in the mentor directory and search, in suggestions, in
        near-peer and mentor program lists, and beside your community posts. You have the right to say no (FERPA).
      </p>
      <p>If you hold your directory information:</p>
      <ul>
        <li>other students and mentors no longer find or see you in any of those lists, and your community posts show “A student” instead of your name;</li>
        <li>your advising goes on: your advisors, the Office of Student Affairs and mentors you already work with still see you;</li>
        <li>mentors you ask for help will see your request, because you chose to send it.</li>
      </ul>
      {hold.error ? <Notice tone="error">{errorMessage(hold.error)}</Notice> : null}
      <RadioGroup
        id="directory-hold-choice"
        name="directory-hold-choice"
        label="Your directory information"
        options={[
          { value: 'listed', label: 'Show me to other students and mentors' },
          { value: 'hold', label: 'Hold my directory information (opt out)' },
        ]}
        value={value}
        onChange={onChange}
        error={save.error ? errorMessage(save.error) : undefined}
      />
      <p>
        <Link to="/records">See everything the school holds about you</Link>
      </p>
      <LiveStatus message={said} />
    </section>
  )
}
