import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { EmailOnlyRequest, type AcceptedResponse } from '#shared/contracts/identity.ts'
import type { UseMutationResult } from '@tanstack/react-query'
import { useDemoAccounts, useRequestMagicLink, useRequestPasswordReset } from '../../api/identity.ts'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'

type RequestProps = {
  title: string
  intro: string
  button: string
  mutation: UseMutationResult<AcceptedResponse, Error, EmailOnlyRequest>
}

function EmailRequestPage({ title, intro, button, mutation }: RequestProps) {
  usePageTitle(title)
  const demo = useDemoAccounts()
  const [email, setEmail] = useState('')
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [sent, setSent] = useState<string | null>(null)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSent(null)
    const result = validate(EmailOnlyRequest, { email })
    if (!result.ok) {
      setProblem({ message: null, fields: result.errors })
      setAttempt((n) => n + 1)
      return
    }
    setProblem({ message: null, fields: {} })
    mutation.mutate(result.data, {
      onSuccess: (answer) => setSent(answer.message),
      onError: (error) => {
        setProblem(problemFrom(error, ['email']))
        setAttempt((n) => n + 1)
      },
    })
  }

  return (
    <section className="card auth-card auth-card-narrow" aria-labelledby="request-title">
      <h1 id="request-title">{title}</h1>
      <p>{intro}</p>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={() => 'request-email'} labels={{ email: 'E-mail' }} attempt={attempt} />
      <LiveStatus message={sent} />
      {sent && demo.data?.accounts ? (
        <p className="notice notice-info">In this demo nothing is really sent: an administrator can read the e-mail on the Outbox page.</p>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="form">
        <TextField
          id="request-email"
          label="Your school e-mail"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={problem.fields.email}
        />
        <button type="submit" className="button button-block" disabled={mutation.isPending}>
          {mutation.isPending ? 'Sending…' : button}
        </button>
      </form>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </section>
  )
}

export function SignInLinkPage() {
  const mutation = useRequestMagicLink()
  return (
    <EmailRequestPage
      title="E-mail me a sign-in link"
      intro="We’ll send a link that signs you in without a password. It works once and expires soon."
      button="Send the link"
      mutation={mutation}
    />
  )
}

export function ForgotPasswordPage() {
  const mutation = useRequestPasswordReset()
  return (
    <EmailRequestPage
      title="Forgot your password?"
      intro="Enter the e-mail you use for Preceptor and we’ll send a link to choose a new password."
      button="Send reset link"
      mutation={mutation}
    />
  )
}
