import { z } from 'zod'
import { ROLES, PERSON_STATUSES } from '../enums.ts'
import { isKnownTimeZone } from '../reference/known-time-zone.ts'
import { Email, requiredText } from './common.ts'

/** NIST SP 800-63B: length over composition rules; 12 is the floor we ask for. */
export const Password = z.string().min(12, 'Use at least 12 characters.').max(200, 'Use at most 200 characters.')

export const SignInRequest = z.object({
  email: Email,
  password: z.string().min(1, 'Enter your password.').max(200, 'Use at most 200 characters.'),
})
export type SignInRequest = z.infer<typeof SignInRequest>

export const EmailOnlyRequest = z.object({ email: Email })
export type EmailOnlyRequest = z.infer<typeof EmailOnlyRequest>

export const TokenRequest = z.object({ token: requiredText(200) })
export type TokenRequest = z.infer<typeof TokenRequest>

export const CompletePasswordResetRequest = z.object({ token: requiredText(200), password: Password })
export type CompletePasswordResetRequest = z.infer<typeof CompletePasswordResetRequest>

export const AcceptInviteRequest = z.object({ token: requiredText(200), password: Password })
export type AcceptInviteRequest = z.infer<typeof AcceptInviteRequest>

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(200),
  newPassword: Password,
})
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>

export const SessionPerson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  status: z.enum(PERSON_STATUSES),
})
export type SessionPerson = z.infer<typeof SessionPerson>

/** How a person reads times: on every page, and in the e-mails sent to them. */
export const ClockPreferences = z.object({
  /** An IANA zone; null: pages use the device's zone, e-mails the meeting's or the mentor's. */
  timeZone: z
    .string()
    .max(64)
    .nullable()
    .refine((zone) => zone === null || isKnownTimeZone(zone), 'Choose a time zone from the list.'),
  /** null: the browser's habit on pages, a 12-hour clock in e-mails. */
  hourCycle: z.enum(['12h', '24h']).nullable(),
})
export type ClockPreferences = z.infer<typeof ClockPreferences>

export const SessionResponse = z
  .object({
    person: SessionPerson,
    clock: ClockPreferences,
    /** When the session ends at the latest (absolute timeout), UTC. */
    expiresAt: z.string(),
    demoMode: z.boolean(),
  })
  .meta({ id: 'Session' })
export type SessionResponse = z.infer<typeof SessionResponse>

/** GET /api/auth/session: the session, or `{ person: null }` when signed out (a normal state, not an error). */
export const SessionStateResponse = z.union([SessionResponse, z.object({ person: z.null() }).meta({ id: 'SignedOut' })])
export type SessionStateResponse = z.infer<typeof SessionStateResponse>

export const DemoAccount = z.object({
  role: z.enum(ROLES),
  email: z.string(),
  password: z.string(),
  name: z.string(),
  description: z.string(),
})
export type DemoAccount = z.infer<typeof DemoAccount>

/** `accounts` is null on a school's own install: not a demo is a normal answer, not a missing page. */
export const DemoAccountsResponse = z.object({ accounts: z.array(DemoAccount).nullable() })
export type DemoAccountsResponse = z.infer<typeof DemoAccountsResponse>

/** Answer to requests that must not reveal whether an account exists. */
export const AcceptedResponse = z.object({ accepted: z.literal(true), message: z.string() })
export type AcceptedResponse = z.infer<typeof AcceptedResponse>
