import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { EventView } from '#shared/contracts/events.ts'
import { callApi, expect, expectNoAxeViolations, findOnOutbox, loginAs, navLink, test, type DemoRole } from './fixtures.ts'

async function switchTo(page: Page, role: DemoRole) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await loginAs(page, role)
}

/** The event's card on the Events page. */
async function openEvents(page: Page, title: string) {
  await (await navLink(page, 'Events')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible()
  return page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
}

test('a student takes the last place, a second is waitlisted, and is promoted and e-mailed when the first cancels', async ({ page }) => {
  test.setTimeout(90_000)
  const title = `CV writing workshop ${Date.now()}`
  const start = new Date(Date.now() + 5 * 24 * 3_600_000)

  // The office posts a one-place workshop for every student.
  await loginAs(page, 'advisor')
  const event = await callApi<EventView>(page, 'POST', '/api/events', {
    title,
    kind: 'workshop',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 3_600_000).toISOString(),
    room: 'Room 3.10',
    host: 'Office of Student Affairs',
    capacity: 1,
    rsvpClosesAt: start.toISOString(),
  })

  await switchTo(page, 'student')
  let card = await openEvents(page, title)
  await expect(card).toContainText('1 of 1 places left')
  await card.getByRole('button', { name: `RSVP to ${title}` }).click()
  await expect(card.getByText('You have a place', { exact: true })).toBeVisible()
  await expect(card).toContainText('Full')
  await expectNoAxeViolations(page)

  await switchTo(page, 'near-peer')
  card = await openEvents(page, title)
  await card.getByRole('button', { name: `Join the waitlist for ${title}` }).click()
  await expect(card.getByText('On the waitlist, number 1', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  await switchTo(page, 'student')
  card = await openEvents(page, title)
  await card.getByRole('button', { name: `Cancel my place at ${title}` }).click()
  // The place went straight to the first in line: the event is full again.
  await expect(card.getByRole('button', { name: `Join the waitlist for ${title}` })).toBeVisible()

  // The near-peer student is promoted and e-mailed a link to the event.
  await switchTo(page, 'admin')
  const email = await findOnOutbox(page, `A place opened up for you: ${title}`)
  const link = (await email.textContent())?.match(/https?:\/\/\S+\/events\/[0-9a-f-]{36}/)?.[0]
  expect(link, 'the e-mail links to the event').toBeTruthy()
  expect(new URL(link!).pathname).toBe(`/events/${event.id}`)

  await switchTo(page, 'near-peer')
  await page.goto(new URL(link!).pathname)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('You have a place', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)
  // "Add to calendar" downloads the event as a calendar file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Add to calendar (.ics) ${title}` }).click()])
  expect(download.suggestedFilename()).toBe('event.ics')
  const ics = await readFile((await download.path())!, 'utf8')
  expect(ics).toContain('METHOD:PUBLISH')
  expect(ics).toContain(`SUMMARY:${title}`)

  // A headshot session in 10-minute slots: the student books one, and the taken slot shows as theirs.
  await switchTo(page, 'advisor')
  const headshots = await callApi<EventView>(page, 'POST', '/api/events', {
    title: `Headshots ${Date.now()}`,
    kind: 'headshot-session',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
    room: 'Studio B',
    host: 'Office of Student Affairs',
    rsvpClosesAt: start.toISOString(),
  })
  await callApi(page, 'POST', `/api/events/${headshots.id}/slots`, { startAt: start.toISOString(), lengthMinutes: 10 })
  await switchTo(page, 'student')
  await page.goto(`/events/${headshots.id}`)
  await expect(page.getByText('3 of 3 slots free', { exact: false })).toBeVisible()
  await page
    .getByRole('button', { name: /^Book / })
    .nth(1)
    .click()
  await expect(page.getByText(/^Your slot: /)).toBeVisible()
  await expect(page.getByRole('button', { name: /^Book / })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Give up my slot' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('staff check a student in at the door on a phone (390 px), from the code on the student’s pass', async ({ page }) => {
  test.setTimeout(90_000)
  const title = `Alumni session ${Date.now()}`
  const start = new Date(Date.now() + 10 * 60_000)
  await loginAs(page, 'advisor')
  const event = await callApi<EventView>(page, 'POST', '/api/events', {
    title,
    kind: 'alumni-session',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 3_600_000).toISOString(),
    room: 'Room 2.14',
    host: 'Alumni Office',
    rsvpClosesAt: start.toISOString(),
  })

  // The student takes a place; their pass shows a QR code and the code under it.
  await switchTo(page, 'student')
  await callApi(page, 'POST', `/api/events/${event.id}/rsvp`)
  await page.goto(`/events/${event.id}`)
  const pass = page.getByRole('region', { name: 'Your check-in pass' })
  await expect(pass.getByRole('img', { name: /^QR code of your check-in pass/ })).toBeVisible()
  const code = (await pass.locator('.event-pass-code').textContent())?.trim() ?? ''
  expect(code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/)
  await expectNoAxeViolations(page)

  // Staff scan it on a phone: the QR code's link opens the check-in page with the code in, the button focused.
  await switchTo(page, 'advisor')
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/events/${event.id}/check-in?code=${code.replace('-', '')}`)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByLabel('Pass code')).toHaveValue(code)
  await expect(page.getByRole('button', { name: 'Check in', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: /^Checked in: / })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Undo check-in for / })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await expectNoAxeViolations(page)
})
