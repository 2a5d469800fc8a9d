import type { ReactNode } from 'react'
import type { SsoAdminConfig, SsoConfigTest } from '#shared/contracts/sso.ts'
import { ROLE_LABELS } from '#shared/enums.ts'
import { useSsoAdminConfig, useTestSsoConfig } from '../../api/sso-admin.ts'
import { Loading, LiveStatus, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'

/**
 * Single sign-on as the server read it from its settings (decisions 031, 032): what the school's
 * IT needs to register Preceptor with its identity provider, who must sign in that way, and a
 * test that reaches the provider. Read only: the settings live in the server's environment.
 */
export function SsoPage() {
  usePageTitle('Single sign-on')
  const config = useSsoAdminConfig()
  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Single sign-on</h1>
        <p className="lead">
          How people sign in through the school’s own sign-in page. These settings come from the server’s environment variables; to change one, change it there
          and restart the server (see the deployment guide).
        </p>
      </div>
      {config.isPending ? <Loading /> : null}
      {config.isError ? <QueryError error={config.error} onRetry={() => void config.refetch()} /> : null}
      {config.data ? <Configuration config={config.data} /> : null}
    </div>
  )
}

function Configuration({ config }: { config: SsoAdminConfig }) {
  if (!config.configured || !config.rules) {
    return (
      <section className="card" aria-labelledby="sso-off">
        <h2 id="sso-off">Not set up</h2>
        <p>Everyone signs in with a password or an e-mailed link. To add the school’s sign-in, set either</p>
        <ul>
          <li>
            OpenID Connect: <code>OIDC_ISSUER</code>, <code>OIDC_CLIENT_ID</code> and usually <code>OIDC_CLIENT_SECRET</code>, or
          </li>
          <li>
            SAML 2.0: <code>SAML_IDP_SSO_URL</code>, <code>SAML_IDP_ISSUER</code> and <code>SAML_IDP_CERT</code>,
          </li>
        </ul>
        <p>
          with <code>SSO_SCHOOL_NAME</code> for the button, then restart the server.
        </p>
      </section>
    )
  }
  const rules = config.rules
  return (
    <>
      <section className="card" aria-labelledby="sso-who">
        <h2 id="sso-who">Who signs in this way</h2>
        <dl className="facts facts-grid">
          <Fact term="Button on the sign-in page">Sign in with {config.schoolName}</Fact>
          <Fact term="Must use it (no password, no e-mailed link)">
            <DomainList domains={rules.requiredDomains} none="No one: it is offered, not required." />
          </Fact>
          <Fact term="Get an account at first sign-in">
            <DomainList domains={rules.jitDomains} none="No one: people need an invitation first." />
          </Fact>
          <Fact term="Matched to accounts by">
            The <code>{rules.matchClaim}</code> {config.oidc && config.saml ? 'claim or attribute' : config.saml ? 'attribute' : 'claim'}, compared with each
            account’s {rules.matchField === 'email' ? 'e-mail address' : 'school ID'}
          </Fact>
          <Fact term="Clock difference allowed">{rules.clockSkewSeconds} seconds</Fact>
        </dl>
        <h3>Roles for new accounts</h3>
        <p className="field-hint">
          From the <code>{rules.affiliationClaim}</code> values the school sends. Used only when an account is created; roles an administrator set later are
          kept.
        </p>
        {rules.roleMap.length === 0 ? (
          <p>No affiliation gives a role.</p>
        ) : (
          <ul>
            {rules.roleMap.map((entry) => (
              <li key={entry.affiliation}>
                <code>{entry.affiliation}</code> → {entry.roles.map((role) => ROLE_LABELS[role]).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      {config.oidc ? <OidcSection oidc={config.oidc} /> : null}
      {config.saml ? <SamlSection saml={config.saml} bothSet={config.oidc !== null} /> : null}
      <TestSection />
    </>
  )
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function DomainList({ domains, none }: { domains: string[]; none: string }): string {
  return domains.length === 0 ? none : `${domains.map((d) => `@${d}`).join(', ')} addresses`
}

function OidcSection({ oidc }: { oidc: NonNullable<SsoAdminConfig['oidc']> }) {
  return (
    <section className="card" aria-labelledby="sso-oidc">
      <h2 id="sso-oidc">OpenID Connect</h2>
      <dl className="facts">
        <Fact term="Provider (issuer)">
          <code className="sso-value">{oidc.issuer}</code>
        </Fact>
        <Fact term="Client ID">
          <code className="sso-value">{oidc.clientId}</code>
        </Fact>
        <Fact term="Client secret">{oidc.clientSecretSet ? 'Set (never shown here)' : 'None: a public client, protected by PKCE'}</Fact>
        <Fact term="Scopes asked for">
          <code className="sso-value">{oidc.scopes}</code>
        </Fact>
        <Fact term="Redirect URI to register with the provider">
          <code className="sso-value">{oidc.redirectUri}</code>
        </Fact>
      </dl>
    </section>
  )
}

function SamlSection({ saml, bothSet }: { saml: NonNullable<SsoAdminConfig['saml']>; bothSet: boolean }) {
  return (
    <section className="card" aria-labelledby="sso-saml">
      <h2 id="sso-saml">SAML 2.0</h2>
      <h3>The school’s identity provider</h3>
      <dl className="facts">
        <Fact term="Sign-on address">
          <code className="sso-value">{saml.idpSsoUrl}</code>
        </Fact>
        <Fact term="Entity ID (issuer)">
          <code className="sso-value">{saml.idpIssuer}</code>
        </Fact>
        <Fact term="Signing certificates">{saml.idpCertificates} (assertions signed with any other key are refused)</Fact>
      </dl>
      <h3>Preceptor, for the identity provider’s administrators</h3>
      <dl className="facts">
        <Fact term="Entity ID (audience)">
          <code className="sso-value">{saml.spEntityId}</code>
        </Fact>
        <Fact term="Assertion consumer (HTTP-POST)">
          <code className="sso-value">{saml.acsUrl}</code>
        </Fact>
        <Fact term="Metadata address">
          <a href={saml.metadataUrl} className="sso-value">
            {saml.metadataUrl}
          </a>
        </Fact>
      </dl>
      <details className="sso-metadata">
        <summary>Show the metadata document</summary>
        {/* Scrolls inside itself, so it takes keyboard focus for the arrow keys. */}
        <section className="sso-metadata-xml" tabIndex={0} aria-label="Service provider metadata (XML)">
          <pre>{saml.metadataXml}</pre>
        </section>
      </details>
      {bothSet ? (
        <p className="notice notice-info">
          OpenID Connect is set too: the sign-in page’s button uses OpenID Connect. SAML still answers at its own start address,{' '}
          <code className="sso-value">{saml.acsUrl.replace(/acs$/, 'start')}</code>.
        </p>
      ) : null}
      <p className="field-hint">
        Preceptor requires signed assertions and does not ask for encrypted ones; the school’s provider must sign with the certificate above.
      </p>
    </section>
  )
}

const OUTCOME_LABELS: Record<SsoConfigTest['checks'][number]['outcome'], { text: string; badge: string }> = {
  ok: { text: 'Works', badge: 'badge-success' },
  warning: { text: 'Needs attention', badge: 'badge-warning' },
  failed: { text: 'Failed', badge: 'badge-danger' },
}

function summary(checks: SsoConfigTest['checks']): string {
  const failed = checks.filter((c) => c.outcome === 'failed').length
  const warned = checks.filter((c) => c.outcome === 'warning').length
  if (failed > 0) return `${failed} of ${checks.length} checks failed${warned > 0 ? `, and ${warned} ${warned === 1 ? 'needs' : 'need'} attention` : ''}.`
  if (warned > 0) return `Everything answers, but ${warned} of ${checks.length} checks need attention.`
  return `All ${checks.length} checks work.`
}

function TestSection() {
  const test = useTestSsoConfig()
  const checks = test.data?.checks ?? null
  return (
    <section className="card" aria-labelledby="sso-test">
      <h2 id="sso-test">Test the configuration</h2>
      <p className="field-hint">
        Reaches the school’s provider from this server and checks what it publishes: addresses, signing keys and certificates. No one is signed in.
      </p>
      <div className="report-toolbar">
        <button type="button" className="button button-secondary" disabled={test.isPending} onClick={() => test.mutate()}>
          {test.isPending ? 'Testing…' : 'Test the configuration'}
        </button>
      </div>
      <LiveStatus message={checks ? summary(checks) : null} tone="info" />
      {test.isError ? <QueryError error={test.error} /> : null}
      {checks ? (
        <ul className="sso-checks">
          {checks.map((check) => (
            <li key={`${check.protocol}-${check.label}`}>
              <span className={`badge ${OUTCOME_LABELS[check.outcome].badge}`}>{OUTCOME_LABELS[check.outcome].text}</span>{' '}
              <strong>
                {check.protocol === 'oidc' ? 'OpenID Connect' : 'SAML'}, {check.label.toLowerCase()}:
              </strong>{' '}
              {check.detail}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
