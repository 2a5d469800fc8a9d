import { z } from 'zod'
import { isProxyEntry } from '../http/client-address.ts'
import { decideDemoMode } from './demo-mode.ts'
import { SsoEnvSchema, ssoSettingsFrom } from './sso-env.ts'
import type { SsoSettings } from '../modules/identity/sso/sso-settings.ts'

/**
 * The only reader of process.env. Settings are parsed once at start-up; a wrong one stops the
 * server with a message naming the setting. Empty strings count as unset.
 */

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no'], 'Use true or false.').transform((v) => v === 'true' || v === '1' || v === 'yes')

const EnvSchema = z.object({
  PORT: z.coerce.number().int('Use a whole number.').min(0).max(65535, 'Use a port from 0 to 65535.').default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'Use a PostgreSQL URL: postgres://user:password@host:5432/database.')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  /** Unset: on for a loopback APP_ORIGIN and HOST only (see demo-mode.ts). */
  DEMO_MODE: flag.optional(),
  DEMO_MODE_ALLOW_PUBLIC: flag.default(false),
  /** A new demo data folder starts from the snapshot `npm install` made (false: load it live). */
  DEMO_SNAPSHOT: flag.default(true),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'Use an SMTP URL: smtp://user:password@host:587.')
    .optional(),
  MAIL_FROM: z.string().default('Preceptor <no-reply@preceptor.invalid>'),
  APP_ORIGIN: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, 'Use the public origin only, such as https://preceptor.example.edu (no path, no trailing slash).')
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(10_080).default(720),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(2_160).default(336),
  LOG_REQUESTS: flag.default(false),
  /** How often the background sweeps (letter reminders, mentorship reminders and nudges) run. */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int('Use a whole number.').min(1).max(86_400).default(600),
  /** A class simulation whose process has not renewed its lease for this long is marked failed. */
  SIMULATION_LEASE_SECONDS: z.coerce.number().int('Use a whole number.').min(3).max(3_600).default(30),
  /** Proxies whose X-Forwarded-For is believed; unset, the connection's own address is used. */
  TRUST_PROXY: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isProxyEntry), "List the proxies' addresses or ranges, separated by commas, such as 127.0.0.1,10.0.0.0/8.")
    .default([]),
  /** Single sign-on (OpenID Connect, SAML 2.0): see sso-env.ts. */
  ...SsoEnvSchema,
})

export type Env = Omit<z.infer<typeof EnvSchema>, 'DEMO_MODE'> & { DEMO_MODE: boolean; appOrigin: string; sso: SsoSettings | null }

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''))
  const result = EnvSchema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new EnvError(`Preceptor cannot start: fix these settings.\n${lines.join('\n')}`)
  }
  const env = result.data
  const appOrigin = env.APP_ORIGIN ?? `http://localhost:${env.PORT}`
  const demo = decideDemoMode({ demoMode: env.DEMO_MODE, allowPublic: env.DEMO_MODE_ALLOW_PUBLIC, appOrigin, host: env.HOST })
  if ('refused' in demo) throw new EnvError(`Preceptor cannot start: fix these settings.\n  ${demo.refused}`)
  const sso = ssoSettingsFrom(env, appOrigin)
  if ('problems' in sso) throw new EnvError(`Preceptor cannot start: fix these settings.\n${sso.problems.map((p) => `  ${p}`).join('\n')}`)
  return { ...env, DEMO_MODE: demo.demoMode, appOrigin, sso: sso.settings }
}
