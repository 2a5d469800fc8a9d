// Accessibility check for browser tests: the app targets WCAG 2.1 level AA.
import AxeBuilder from '@axe-core/playwright'
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

/**
 * Runs axe-core on the page as it is now and fails with one readable line per violation
 * (rule, impact, help text, offending elements). Call it after the page has settled — once the
 * content under test is visible — and again after interactions that change the page
 * (dialogs, validation errors).
 */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS)
  for (const selector of options.include ?? []) builder = builder.include(selector)
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector)
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules)
  const { violations } = await builder.analyze()
  if (violations.length === 0) return

  const lines = violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' '))
    const shown = targets.slice(0, 10).join(', ') + (targets.length > 10 ? `, … (${targets.length - 10} more)` : '')
    return `  - ${violation.id} [${violation.impact ?? 'unknown'}]: ${violation.help}\n      ${violation.helpUrl}\n      on: ${shown}`
  })
  throw new Error(`${violations.length} accessibility violation${violations.length > 1 ? 's' : ''} on ${page.url()}:\n${lines.join('\n')}`)
}
