import type { Role } from '#shared/enums.ts'
import { emailDomain, type SsoAccountRules } from '../sso/sso-settings.ts'

/**
 * What a school's provider says about the person who signed in, in either protocol: OpenID
 * Connect claims or SAML attributes. Pure: the account decision below reads only this and the rules.
 */
export type SsoIdentity = { claims: Record<string, unknown> }

/** Friendly names of the eduPerson and common SAML attributes, as IdPs send them (by OID). */
const SAML_ATTRIBUTE_NAMES: Record<string, string> = {
  'urn:oid:0.9.2342.19200300.100.1.3': 'email',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.6': 'eduPersonPrincipalName',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': 'eduPersonAffiliation',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.9': 'eduPersonScopedAffiliation',
  'urn:oid:2.16.840.1.113730.3.1.241': 'displayName',
  'urn:oid:2.5.4.42': 'givenName',
  'urn:oid:2.5.4.4': 'sn',
  mail: 'email',
}

/** Claims under their friendly names too, so one setting (`eduPersonPrincipalName`) fits both protocols. */
export function withFriendlyNames(claims: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...claims }
  for (const [name, value] of Object.entries(claims)) {
    const friendly = SAML_ATTRIBUTE_NAMES[name]
    if (friendly && out[friendly] === undefined) out[friendly] = value
  }
  return out
}

function firstString(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : []
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim().toLowerCase())
}

export type ReadIdentity = {
  /** The value looked up among accounts (lower-cased for e-mail). */
  matchValue: string
  email: string | null
  name: string | null
  /** eduPersonAffiliation values, without any @scope. */
  affiliations: string[]
}

/** The facts the account rules need, or why they cannot be read. */
export function readIdentity(claims: Record<string, unknown>, rules: SsoAccountRules): ReadIdentity | { missing: string } {
  const named = withFriendlyNames(claims)
  const raw = firstString(named[rules.matchClaim])
  if (!raw) return { missing: rules.matchClaim }
  const email = firstString(named.email)?.toLowerCase() ?? null
  const given = firstString(named.given_name ?? named.givenName)
  const family = firstString(named.family_name ?? named.sn)
  const name = firstString(named.name ?? named.displayName) ?? ([given, family].filter(Boolean).join(' ') || null)
  const affiliations = [...new Set(strings(named[rules.affiliationClaim]).map((a) => a.replace(/@.*$/, '')))]
  return { matchValue: rules.matchField === 'email' ? raw.toLowerCase() : raw, email, name, affiliations }
}

export type AccountDecision =
  | { kind: 'existing' }
  | { kind: 'create'; email: string; name: string; roles: Role[] }
  | { kind: 'refuse'; reason: 'no-account' | 'no-email' | 'no-role' }

/**
 * What to do when no account matched: create one only for an allowed domain, with the roles the
 * person's affiliation maps to. An existing account is never changed here, so roles an admin set
 * are kept.
 */
export function decideNewAccount(identity: ReadIdentity, rules: SsoAccountRules): AccountDecision {
  const email = identity.email ?? (rules.matchField === 'email' && identity.matchValue.includes('@') ? identity.matchValue : null)
  if (!email) return { kind: 'refuse', reason: 'no-email' }
  const domain = emailDomain(email)
  if (!domain || !rules.jitDomains.includes(domain)) return { kind: 'refuse', reason: 'no-account' }
  const roles = [...new Set(identity.affiliations.flatMap((a) => rules.roleMap[a] ?? []))]
  if (roles.length === 0) return { kind: 'refuse', reason: 'no-role' }
  return { kind: 'create', email, name: identity.name ?? email.slice(0, email.indexOf('@')), roles }
}
