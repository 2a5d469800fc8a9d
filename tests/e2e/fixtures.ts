import { expect, test as base, type Locator, type Page } from '@playwright/test'
import { expectNoAxeViolations } from '../setup/axe.ts'
import { type AppServer, startAppServer } from './app-server.ts'

export const DEMO_PASSWORD = 'preceptor-demo'

export const DEMO_ACCOUNTS = {
  student: { email: 'student@demo.example.edu', firstName: 'Maya', name: 'Maya Robinson' },
  mentor: { email: 'mentor@demo.example.edu', firstName: 'Daniel', name: 'Daniel Okafor' },
  advisor: { email: 'advisor@demo.example.edu', firstName: 'Elena', name: 'Elena Vargas' },
  admin: { email: 'admin@demo.example.edu', firstName: 'Priya', name: 'Priya Raman' },
  'near-peer': { email: 'near-peer@demo.example.edu', firstName: 'Jonah', name: 'Jonah Kim' },
} as const

export type DemoRole = keyof typeof DEMO_ACCOUNTS

/** The home page greets by first name whatever the time of day. */
export function homeHeading(page: Page, firstName: string): Locator {
  return page.getByRole('heading', { level: 1, name: new RegExp(`^(Good (morning|afternoon|evening)|Hello), ${firstName}$`) })
}

// The sign-in form is the same page for every journey: its accessibility scan runs on the first
// sign-in of each worker, not on all ~55 (each scan loads axe into the page again).
let signInPageScanned = false

/** Signs in through the sign-in form, as a person would, and waits for their home page. */
export async function loginAs(page: Page, role: DemoRole): Promise<void> {
  const account = DEMO_ACCOUNTS[role]
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  if (!signInPageScanned) {
    await expectNoAxeViolations(page)
    signInPageScanned = true
  }
  await page.getByLabel('E-mail').fill(account.email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(homeHeading(page, account.firstName)).toBeVisible()
}

export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' })
}

/**
 * A link of the main menu, ready to click: when it sits in a closed group (Mentoring, Residency,
 * Office…), the group's button is clicked first, as a person would.
 */
export async function navLink(page: Page, name: string): Promise<Locator> {
  const nav = mainNav(page)
  const link = nav.getByRole('link', { name, exact: true })
  if (await link.isVisible()) return link
  const group = nav.locator('li.nav-group').filter({ has: page.getByRole('link', { name, exact: true, includeHidden: true }) })
  await group.getByRole('button').first().click()
  await expect(link).toBeVisible()
  return link
}

/** Presses a key until the locator has focus, as a keyboard user tabbing through the page. */
export async function pressUntilFocused(page: Page, target: Locator, key = 'Tab', maxPresses = 60): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press(key)
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return
  }
  throw new Error(`Pressed ${key} ${maxPresses} times without reaching ${target.toString()}`)
}

/**
 * The newest e-mail on the Outbox whose text holds `text`, signed in as an admin: from the first
 * page on, as a person would page through it. The server's sweeps add e-mails of their own every
 * few minutes, so the one a test is after is not always on the first page.
 */
export async function findOnOutbox(page: Page, text: string, maxPages = 20): Promise<Locator> {
  await page.goto('/admin/outbox')
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible()
  for (let shown = 1; shown <= maxPages; shown++) {
    await expect(page.getByRole('article').first()).toBeVisible()
    const message = page.getByRole('article').filter({ hasText: text }).first()
    if ((await message.count()) > 0) return message
    const next = page.getByRole('button', { name: 'Next page' })
    if (!(await next.isVisible()) || (await next.isDisabled())) break
    await next.click()
    await expect(page).toHaveURL(new RegExp(`[?&]page=${shown + 1}\\b`))
  }
  throw new Error(`No e-mail holding "${text}" on the first ${maxPages} pages of the Outbox`)
}

/** Calls the API from the signed-in page, so the session cookie and Origin go along as from the app. */
export async function callApi<T>(page: Page, method: string, path: string, json?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, path, json }) => {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { Accept: 'application/json', ...(json === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: json === undefined ? undefined : JSON.stringify(json),
      })
      return { status: response.status, body: (await response.json().catch(() => null)) as unknown }
    },
    { method, path, json },
  )
  if (result.status >= 400) throw new Error(`${method} ${path} answered ${result.status}: ${JSON.stringify(result.body)}`)
  return result.body as T
}

/**
 * Playwright's test with the app started once per worker (see app-server.ts): `baseURL` points at
 * that worker's own server, so relative URLs in `page.goto` and `page.request` reach it.
 */
export const test = base.extend<object, { appServer: AppServer }>({
  appServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function asks for from its first parameter.
    async ({}, use) => {
      const server = await startAppServer()
      await use(server)
      await server.stop()
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ appServer }, use) => {
    await use(appServer.baseURL)
  },
})
export { expect, expectNoAxeViolations }
