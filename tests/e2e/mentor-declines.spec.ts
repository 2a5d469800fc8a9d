import type { Page } from '@playwright/test'
import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, loginAs, navLink, test, type DemoRole } from './fixtures.ts'

async function switchTo(page: Page, role: DemoRole) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await loginAs(page, role)
}

// The near-peer student asks, so this journey and the demo student's own request never meet.
test('a mentor declines a request with a reason and a note, and the student reads both', async ({ page }) => {
  test.setTimeout(90_000)
  const student = DEMO_ACCOUNTS['near-peer'].name
  const mentor = DEMO_ACCOUNTS.mentor.name

  await loginAs(page, 'near-peer')
  await page.goto(`/mentors?q=${encodeURIComponent(mentor)}`)
  await page.getByRole('list', { name: 'Mentors' }).getByRole('link', { name: mentor }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: mentor })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Request mentorship' }).click()
  await page.getByRole('radio', { name: /coffee chat/ }).check()
  await page.getByLabel('Message').fill('I am applying in pediatrics and would value a conversation about cardiology electives.')
  await page.getByRole('checkbox', { name: 'Career advice' }).check()
  await page.getByRole('checkbox', { name: 'Research' }).check()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Your request was sent to ${mentor}` })).toBeVisible()

  // The bell in the header says something is new; its notification opens the request itself and is read.
  await switchTo(page, 'mentor')
  const bell = page.getByRole('banner').getByRole('link', { name: /^Notifications/ })
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/)
  const unreadBefore = Number((await bell.getAttribute('aria-label'))?.match(/\d+/)?.[0])
  await bell.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page
    .getByRole('link', { name: `${student} asks you to be their mentor` })
    .first()
    .click()
  await expect(page).toHaveURL(/\/mentorships\?request=/)
  await expect(bell).toHaveAccessibleName(unreadBefore > 1 ? `Notifications, ${unreadBefore - 1} unread` : 'Notifications')
  const card = page
    .getByRole('region', { name: /Waiting for your answer/ })
    .getByRole('article')
    .filter({ hasText: student })
  await card.getByRole('button', { name: `Decline… ${student}’s request` }).click()
  // Declining without a reason is refused at the reason.
  await card.getByRole('button', { name: `Decline ${student}’s request` }).click()
  await expect(card.getByText('Choose a reason from the list.')).toBeVisible()
  await expect(card.getByRole('radio').first()).toBeFocused()
  await expectNoAxeViolations(page)
  await card.getByRole('radio', { name: 'My schedule does not allow it' }).check()
  await card.getByLabel(`Note to ${student} (optional)`).fill('I am on service all spring; Dr. Chen would be a good person to ask.')
  await card.getByRole('button', { name: `Decline ${student}’s request` }).click()
  await expect(page.getByRole('status').filter({ hasText: `You declined ${student}’s request` })).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: /Declined, withdrawn or expired/ })
      .getByRole('article')
      .filter({ hasText: student }),
  ).toContainText('You declined')
  await expectNoAxeViolations(page)

  await switchTo(page, 'near-peer')
  await expect(page.getByRole('heading', { level: 2, name: 'As a student' })).toBeVisible()
  await (await navLink(page, 'Mentorships')).click()
  const declined = page
    .getByRole('region', { name: /Declined, withdrawn or expired/ })
    .getByRole('article')
    .filter({ hasText: mentor })
  await expect(declined).toContainText('Declined')
  await expect(declined).toContainText('My schedule does not allow it')
  await expect(declined).toContainText('Dr. Chen would be a good person to ask')
  await expect(declined.getByRole('link', { name: 'Find another mentor' })).toBeVisible()
  await expectNoAxeViolations(page)
})
