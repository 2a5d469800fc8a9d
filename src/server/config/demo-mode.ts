/**
 * Whether this install runs the demo school: 1,700 fake people and demo accounts whose shared
 * password the sign-in page prints. It must never happen to a real deployment by accident, so
 * demo mode is on by default only where nobody else can reach the app (a loopback origin and
 * listening address), and a public address needs DEMO_MODE_ALLOW_PUBLIC as well as DEMO_MODE.
 */

export type DemoModeSettings = {
  /** DEMO_MODE as written; undefined when unset. */
  demoMode: boolean | undefined
  /** DEMO_MODE_ALLOW_PUBLIC: a public demo server, on purpose. */
  allowPublic: boolean
  appOrigin: string
  host: string
}

export type DemoModeDecision = { demoMode: true } | { demoMode: false } | { refused: string }

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]'])

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: addresses that never leave this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase()
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name)
}

export function decideDemoMode(settings: DemoModeSettings): DemoModeDecision {
  const originHost = new URL(settings.appOrigin).hostname
  const isLocal = isLoopbackHost(originHost) && isLoopbackHost(settings.host)
  if (settings.demoMode === false) return { demoMode: false }
  if (isLocal || settings.allowPublic) return { demoMode: true }
  // Unset on a public address: a real deployment that did not mention demo mode gets none.
  if (settings.demoMode === undefined) return { demoMode: false }
  const where = isLoopbackHost(originHost) ? `HOST ${settings.host}` : `APP_ORIGIN ${settings.appOrigin}`
  return {
    refused:
      `DEMO_MODE: demo mode loads fake people and prints the demo password on the sign-in page, and ${where} is reachable from other machines. ` +
      'Set DEMO_MODE=false for a real school, or DEMO_MODE_ALLOW_PUBLIC=true for a public demo server.',
  }
}
