// Accessibility check for browser tests: the app targets WCAG 2.1 level AA.
import axe from 'axe-core'
import type { Page } from '@playwright/test'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface AxeOptions {
  /** Limit the check to these selectors (default: the whole page). */
  include?: string[]
  /** Leave out these selectors, e.g. a third-party widget we cannot fix. */
  exclude?: string[]
  /** Rule ids to skip; say why at the call site. */
  disableRules?: string[]
}

interface Violation {
  id: string
  impact?: string | null
  help: string
  helpUrl: string
  nodes: { target: unknown[] }[]
}

/**
 * Runs axe-core on the page as it is now and fails with one readable line per violation
 * (rule, impact, help text, offending elements). Call it after the page has settled — once the
 * content under test is visible — and again after interactions that change the page
 * (dialogs, validation errors).
 *
 * axe is run in the page itself, with `axe.run`, rather than through @axe-core/playwright: that
 * wrapper injects axe's half-megabyte source three times a scan and opens a blank page to merge
 * the results of frames, which the app does not have. Here the source is injected once per
 * loaded document (the app is a single-page app, so once per `goto`), and only violations are
 * collected in full. A scan took about a second before and a fraction of that now; the rules and
 * tags run are the same.
 */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function')
  if (!loaded) await page.evaluate(axe.source)
  const violations = await page.evaluate(
    async ({ tags, include, exclude, disableRules }) => {
      const runner = (window as unknown as { axe: typeof import('axe-core') }).axe
      // With no include, axe checks the whole document, less what is excluded.
      const context = {
        ...(include.length > 0 ? { include: include.map((selector) => [selector]) } : {}),
        exclude: exclude.map((selector) => [selector]),
      }
      const rules = Object.fromEntries(disableRules.map((rule) => [rule, { enabled: false }]))
      const results = await runner.run(context as never, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] })
      return results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
        id,
        impact,
        help,
        helpUrl,
        nodes: nodes.map(({ target }) => ({ target: [...target] })),
      }))
    },
    { tags: WCAG_TAGS, include: options.include ?? [], exclude: options.exclude ?? [], disableRules: options.disableRules ?? [] },
  )
  if (violations.length === 0) return
  throw new Error(describeViolations(page.url(), violations))
}

function describeViolations(url: string, violations: Violation[]): string {
  const lines = violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' '))
    const shown = targets.slice(0, 10).join(', ') + (targets.length > 10 ? `, … (${targets.length - 10} more)` : '')
    return `  - ${violation.id} [${violation.impact ?? 'unknown'}]: ${violation.help}\n      ${violation.helpUrl}\n      on: ${shown}`
  })
  return `${violations.length} accessibility violation${violations.length > 1 ? 's' : ''} on ${url}:\n${lines.join('\n')}`
}
