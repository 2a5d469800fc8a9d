import { useState, type FormEvent } from 'react'
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router'
import { SignInRequest, type DemoAccount } from '#shared/contracts/identity.ts'
import { ROLE_LABELS } from '#shared/enums.ts'
import { SSO_ERROR_MESSAGES } from '#shared/contracts/sso.ts'
import { useDemoAccounts, useSession, useSignIn, useSsoConfig } from '../../api/identity.ts'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { safeNext } from './roles.ts'

const FIELDS = ['email', 'password'] as const
const LABELS = { email: 'E-mail', password: 'Password' }
const NO_PROBLEM: FormProblem = { message: null, fields: {} }

export function SignInPage() {
  usePageTitle('Sign in')
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const location = useLocation()
  const navigate = useNavigate()
  const session = useSession()
  const signIn = useSignIn()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM)
  const [attempt, setAttempt] = useState(0)
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true

  if (session.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />

  const submit = (input: unknown) => {
    const result = validate(SignInRequest, input)
    if (!result.ok) {
      setProblem({ message: null, fields: result.errors })
      setAttempt((n) => n + 1)
      return
    }
    setProblem(NO_PROBLEM)
    signIn.mutate(result.data, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => {
        setProblem(problemFrom(error, FIELDS))
        setAttempt((n) => n + 1)
      },
    })
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    submit({ email, password })
  }

  return (
    <div className="sign-in-layout">
      <section className="card auth-card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Preceptor</h1>
        <p className="lead">Mentoring, advising and match planning for our medical school.</p>
        <LiveStatus message={signedOut && !signIn.isPending ? 'You have signed out.' : null} tone="info" />
        {next !== '/' ? <p className="notice notice-info">Sign in to continue to the page you asked for.</p> : null}
        <SchoolSignIn error={params.get('sso-error')} />
        <ErrorSummary message={problem.message} fields={problem.fields} idFor={(f) => `sign-in-${f}`} labels={LABELS} attempt={attempt} />
        <form noValidate onSubmit={onSubmit} className="form">
          <TextField
            id="sign-in-email"
            label="E-mail"
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={problem.fields.email}
          />
          <TextField
            id="sign-in-password"
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={problem.fields.password}
          />
          <button type="submit" className="button button-block" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <ul className="link-list">
          <li>
            <Link to="/sign-in/link">E-mail me a sign-in link</Link>
          </li>
          <li>
            <Link to="/forgot-password">Forgot password</Link>
          </li>
        </ul>
      </section>
      <DemoAccountsPanel disabled={signIn.isPending} onChoose={(account) => submit({ email: account.email, password: account.password })} />
    </div>
  )
}

/**
 * "Sign in with <school>" when the school set up single sign-on: a plain link, since the server
 * answers with a redirect to the school's page. A refusal comes back as `?sso-error=`, worded here.
 */
function SchoolSignIn({ error }: { error: string | null }) {
  const sso = useSsoConfig().data
  const message = error ? (SSO_ERROR_MESSAGES[error] ?? SSO_ERROR_MESSAGES.token) : null
  // One button: a school sets up one protocol; should it set up both, OpenID Connect is used.
  const start = sso?.oidc ? '/api/auth/oidc/start' : sso?.saml ? '/api/auth/saml/start' : null
  return (
    <>
      {message ? (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      ) : null}
      {start && sso?.schoolName ? (
        <div className="sso-sign-in">
          <a className="button button-block" href={start}>
            Sign in with {sso.schoolName}
          </a>
          {sso.requiredDomains.length > 0 ? (
            <p className="field-hint">
              People with an {sso.requiredDomains.map((d) => `@${d}`).join(' or ')} address sign in this way. Others use their e-mail below.
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  )
}

function DemoAccountsPanel({ onChoose, disabled }: { onChoose: (account: DemoAccount) => void; disabled: boolean }) {
  const demo = useDemoAccounts()
  const accounts = demo.data?.accounts
  if (!accounts || accounts.length === 0) return null
  return (
    <section className="card demo-panel" aria-labelledby="demo-title">
      <h2 id="demo-title">Try the demo</h2>
      <p>
        This is a demo school with fictional people. Choose an account to see Preceptor as that person. Every demo account uses the password{' '}
        <code>{accounts[0]?.password}</code>.
      </p>
      <ul className="demo-list">
        {accounts.map((account) => (
          <li key={account.email} className="demo-account">
            <div>
              <p className="demo-role">{ROLE_LABELS[account.role]}</p>
              <p className="demo-name">{account.name}</p>
              <p id={`demo-${account.email}`} className="demo-description">
                {account.description}
              </p>
            </div>
            <button
              type="button"
              className="button button-secondary"
              disabled={disabled}
              aria-describedby={`demo-${account.email}`}
              onClick={() => onChoose(account)}
            >
              Sign in as {account.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
