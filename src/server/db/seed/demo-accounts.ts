/**
 * The demo school's sign-in accounts, listed on the login page in demo mode only. Everyone else
 * in the demo school signs in by e-mailed link (their password hash is null).
 */
import type { Role } from '#shared/enums.ts'

/** Shared by every demo account; published on the login page, so it protects nothing. */
export const DEMO_PASSWORD = 'preceptor-demo'

export type DemoAccountKey = 'student' | 'mentor' | 'advisor' | 'admin' | 'near-peer'

export type DemoAccountDefinition = {
  key: DemoAccountKey
  /** The role the login page shows the account under. */
  role: Role
  /** Every role the person holds. */
  roles: readonly Role[]
  email: string
  name: string
  pronouns: string
  description: string
}

export const DEMO_ACCOUNTS: readonly DemoAccountDefinition[] = [
  {
    key: 'student',
    role: 'student',
    roles: ['student'],
    email: 'student@demo.example.edu',
    name: 'Maya Robinson',
    pronouns: 'she/her',
    description: 'Third-year student interested in Emergency Medicine',
  },
  {
    key: 'mentor',
    role: 'mentor',
    roles: ['mentor'],
    email: 'mentor@demo.example.edu',
    name: 'Daniel Okafor',
    pronouns: 'he/him',
    description: 'Associate Professor of Medicine (Cardiology) who mentors students into Internal Medicine',
  },
  {
    key: 'advisor',
    role: 'advisor',
    roles: ['advisor'],
    email: 'advisor@demo.example.edu',
    name: 'Elena Vargas',
    pronouns: 'she/her',
    description: 'Associate Dean for Student Affairs, who sees every student of the school (school-wide scope)',
  },
  {
    key: 'admin',
    role: 'admin',
    roles: ['admin'],
    email: 'admin@demo.example.edu',
    name: 'Priya Raman',
    pronouns: 'she/her',
    description: 'Administrator who invites people, sets roles and reads the audit log',
  },
  {
    key: 'near-peer',
    role: 'student',
    roles: ['student', 'mentor'],
    email: 'near-peer@demo.example.edu',
    name: 'Jonah Kim',
    pronouns: 'he/him',
    description: 'Fourth-year student applying in Pediatrics who is also a near-peer mentor',
  },
]

export const DEMO_ACCOUNT_EMAILS: readonly string[] = DEMO_ACCOUNTS.map((account) => account.email)

export function findDemoAccount(key: DemoAccountKey): DemoAccountDefinition {
  const account = DEMO_ACCOUNTS.find((a) => a.key === key)
  if (!account) throw new Error(`No demo account "${key}".`)
  return account
}
