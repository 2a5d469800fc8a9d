import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { Password } from '#shared/contracts/identity.ts'
import { AppError } from '#shared/errors.ts'
import { useAcceptInvite, useCompletePasswordReset, useConsumeMagicLink } from '../../api/identity.ts'
import { errorMessage } from '../../api/client.ts'
import { ErrorSummary, Loading } from '../../components/feedback.tsx'
import { Checkbox, TextField } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'

/** A token the server refused for itself (expired, used, unknown), not for the password. */
function isTokenProblem(error: unknown): boolean {
  if (!(error instanceof AppError)) return false
  if (error.fields?.password || error.fields?.newPassword) return false
  return error.code !== 'INTERNAL' && error.code !== 'RATE_LIMITED'
}

function BadLink({ title, reason, next }: { title: string; reason: string; next: { to: string; label: string } | null }) {
  usePageTitle(title)
  return (
    <section className="card auth-card auth-card-narrow" aria-labelledby="token-title">
      <h1 id="token-title">{title}</h1>
      <p>{reason}</p>
      {next ? (
        <p>
          <Link className="button" to={next.to}>
            {next.label}
          </Link>
        </p>
      ) : null}
      <p>
        <Link to="/sign-in">Go to sign in</Link>
      </p>
    </section>
  )
}

export function MagicLinkPage() {
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const consume = useConsumeMagicLink()
  const navigate = useNavigate()
  const started = useRef(false)
  usePageTitle('Signing you in')

  useEffect(() => {
    // A link works once: never post it twice, even when React runs effects twice in development.
    if (started.current || !token) return
    started.current = true
    consume.mutate({ token }, { onSuccess: () => void navigate('/', { replace: true }) })
  }, [consume, navigate, token])

  if (!token) {
    return (
      <BadLink
        title="This sign-in link is incomplete"
        reason="The link is missing part of its address. Copy the whole link from the e-mail, or ask for a new one."
        next={{ to: '/sign-in/link', label: 'E-mail me a new link' }}
      />
    )
  }
  if (consume.isError) {
    return (
      <BadLink
        title="This sign-in link can’t be used"
        reason={
          isTokenProblem(consume.error)
            ? 'It has expired or has already been used. Sign-in links work once and for a short time, so ask for a new one.'
            : errorMessage(consume.error)
        }
        next={{ to: '/sign-in/link', label: 'E-mail me a new link' }}
      />
    )
  }
  return (
    <section className="card auth-card auth-card-narrow" aria-labelledby="token-title">
      <h1 id="token-title">Signing you in</h1>
      <Loading label="Checking your link…" />
    </section>
  )
}

type SetPasswordProps = {
  title: string
  intro: string
  button: string
  submit: (password: string) => Promise<unknown>
  pending: boolean
  onTokenProblem: () => void
}

function SetPasswordForm({ title, intro, button, submit, pending, onTokenProblem }: SetPasswordProps) {
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [show, setShow] = useState(false)
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)

  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const result = validate(Password, password)
    if (!result.ok) return fail({ message: null, fields: { password: result.errors.form ?? 'Choose a longer password.' } })
    if (confirm !== password) return fail({ message: null, fields: { confirm: 'The two passwords do not match.' } })
    setProblem({ message: null, fields: {} })
    submit(password).catch((error: unknown) => {
      if (isTokenProblem(error)) return onTokenProblem()
      const next = problemFrom(error, ['password'])
      const newPassword = error instanceof AppError ? error.fields?.newPassword : undefined
      fail(newPassword ? { message: null, fields: { password: newPassword } } : next)
    })
  }

  return (
    <section className="card auth-card auth-card-narrow" aria-labelledby="token-title">
      <h1 id="token-title">{title}</h1>
      <p>{intro}</p>
      <ErrorSummary
        message={problem.message}
        fields={problem.fields}
        idFor={(f) => `set-password-${f}`}
        labels={{ password: 'New password', confirm: 'Confirm password' }}
        attempt={attempt}
      />
      <form noValidate onSubmit={onSubmit} className="form">
        <TextField
          id="set-password-password"
          label="New password"
          hint="At least 12 characters. A few unrelated words make a password that is strong and easy to remember."
          type={show ? 'text' : 'password'}
          name="new-password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={problem.fields.password}
        />
        <TextField
          id="set-password-confirm"
          label="Confirm password"
          type={show ? 'text' : 'password'}
          name="confirm-password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={problem.fields.confirm}
        />
        <Checkbox id="set-password-show" label="Show passwords" checked={show} onChange={(e) => setShow(e.currentTarget.checked)} />
        <button type="submit" className="button button-block" disabled={pending}>
          {pending ? 'Saving…' : button}
        </button>
      </form>
    </section>
  )
}

export function ResetPasswordPage() {
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const complete = useCompletePasswordReset()
  const navigate = useNavigate()
  const [tokenProblem, setTokenProblem] = useState(false)
  usePageTitle('Choose a new password')

  if (!token || tokenProblem) {
    return (
      <BadLink
        title="This reset link can’t be used"
        reason={
          token
            ? 'It has expired or has already been used. Reset links work once and for a short time, so ask for a new one.'
            : 'The link is missing part of its address. Copy the whole link from the e-mail, or ask for a new one.'
        }
        next={{ to: '/forgot-password', label: 'Send me a new reset link' }}
      />
    )
  }
  return (
    <SetPasswordForm
      title="Choose a new password"
      intro="Your new password replaces the old one, and you’ll be signed in."
      button="Save password and sign in"
      pending={complete.isPending}
      onTokenProblem={() => setTokenProblem(true)}
      submit={(password) => complete.mutateAsync({ token, password }).then(() => navigate('/', { replace: true, state: { passwordChanged: true } }))}
    />
  )
}

export function AcceptInvitePage() {
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const accept = useAcceptInvite()
  const navigate = useNavigate()
  const [tokenProblem, setTokenProblem] = useState(false)
  usePageTitle('Welcome to Preceptor')

  if (!token || tokenProblem) {
    return (
      <BadLink
        title="This invitation can’t be used"
        reason={
          token
            ? 'It has expired or has already been accepted. If you already set a password, sign in. Otherwise ask the Office of Student Affairs to send a new invitation.'
            : 'The link is missing part of its address. Copy the whole link from the e-mail.'
        }
        next={null}
      />
    )
  }
  return (
    <SetPasswordForm
      title="Welcome to Preceptor"
      intro="You’ve been invited by the Office of Student Affairs. Choose a password to finish setting up your account."
      button="Set password and continue"
      pending={accept.isPending}
      onTokenProblem={() => setTokenProblem(true)}
      submit={(password) => accept.mutateAsync({ token, password }).then(() => navigate('/', { replace: true, state: { welcome: true } }))}
    />
  )
}
