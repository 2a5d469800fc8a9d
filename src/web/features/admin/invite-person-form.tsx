import { useState, type FormEvent } from 'react'
import { InvitePersonRequest } from '#shared/contracts/admin.ts'
import { ROLE_LABELS, ROLES } from '#shared/enums.ts'
import { useInvitePerson } from '../../api/admin.ts'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { CheckboxGroup, TextField, optionsFrom } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'

const FIELDS = ['name', 'email', 'roles']
const LABELS = { name: 'Name', email: 'E-mail', roles: 'Roles' }

export function InvitePersonForm() {
  const invite = useInvitePerson()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [roles, setRoles] = useState<string[]>([])
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [sent, setSent] = useState<string | null>(null)

  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSent(null)
    const result = validate(InvitePersonRequest, { name, email, roles })
    if (!result.ok) return fail({ message: null, fields: result.errors })
    setProblem({ message: null, fields: {} })
    invite.mutate(result.data, {
      onSuccess: (person) => {
        setSent(`Invitation sent to ${person.name} (${person.email}). They appear in the list as Invited until they set a password.`)
        setName('')
        setEmail('')
        setRoles([])
      },
      onError: (error) => fail(problemFrom(error, FIELDS)),
    })
  }

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <p className="section-intro">They’ll get an e-mail with a link to choose a password. The link expires after a few days; you can resend it.</p>
      <ErrorSummary {...problem} idFor={(f) => `invite-${f}`} labels={LABELS} attempt={attempt} />
      <form noValidate onSubmit={onSubmit} className="form">
        <div className="form-grid">
          <TextField
            id="invite-name"
            label="Full name"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={problem.fields.name}
          />
          <TextField
            id="invite-email"
            label="E-mail"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={problem.fields.email}
          />
        </div>
        <CheckboxGroup
          id="invite-roles"
          name="invite-roles"
          label="Roles"
          hint="Choose every role this person has; an M3 can be both a student and a near-peer mentor."
          options={optionsFrom(ROLES, ROLE_LABELS)}
          values={roles}
          onChange={setRoles}
          error={problem.fields.roles}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={invite.isPending}>
            {invite.isPending ? 'Sending…' : 'Send invitation'}
          </button>
        </div>
        <LiveStatus message={sent} />
      </form>
    </section>
  )
}
