import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

const student = DEMO_ACCOUNTS.student

test('an advisor reads a student’s list builder and program list in the student’s name, never “your” or “this student”', async ({ page }) => {
  await loginAs(page, 'advisor')
  await (await navLink(page, 'My students')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()
  await page.getByRole('link', { name: student.name }).first().click()
  await expect(page).toHaveURL(/\/advising\/students\/[^/]+$/)
  const studentId = new URL(page.url()).pathname.split('/').pop() ?? ''

  await page.goto(`/residency/students/${studentId}/list-builder`)
  await expect(page.getByRole('heading', { level: 1, name: `${student.firstName}’s list builder` })).toBeVisible()
  await expect(page.getByText(`${student.firstName} has not saved a preferred specialty yet.`, { exact: false })).toBeVisible()
  await page.getByLabel('Specialty', { exact: true }).selectOption({ label: 'Emergency Medicine' })
  await expect(page.getByText(new RegExp(`^${student.firstName}(’s current list|’s chance| has no)`)).first()).toBeVisible({ timeout: 30_000 })
  const main = page.locator('main')
  await expect(main).not.toContainText(/this student/i)
  await expect(main).not.toContainText(/\bYour current list\b|\bYou have no\b|on your list|your signals/i)
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: `${student.firstName}’s programs` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${student.firstName}’s programs` })).toBeVisible()
  await expect(main).not.toContainText(/this student|the student’s programs/i)
  await expectNoAxeViolations(page)
  await expect(page.getByRole('link', { name: `${student.firstName}’s list builder` })).toBeVisible()

  // The program explorer speaks to staff of students' scores and lists, not "your score".
  await page.goto('/residency/programs')
  await expect(page.getByRole('heading', { level: 1, name: 'Residency programs' })).toBeVisible()
  await expect(page.locator('.page-header')).toContainText('students compare it with their score')
  await expect(page.locator('.page-header')).not.toContainText(/your score|your list/)
})

test('a page that fails to load keeps its heading and says where to go', async ({ page }) => {
  await loginAs(page, 'student')
  await page.goto('/mentorships/no-such-mentorship')
  await expect(page.getByRole('heading', { level: 1, name: 'Mentorship' })).toBeVisible()
  await expect(page.getByRole('alert')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Go to my mentorships' })).toBeVisible()
  // A link that leads nowhere is not offered again.
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
  await expectNoAxeViolations(page)

  await page.goto('/mentors/no-such-mentor')
  await expect(page.getByRole('heading', { level: 1, name: 'Mentor' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Go to Find a mentor' })).toBeVisible()
  await expectNoAxeViolations(page)

  // A failure that may pass offers to try again, under the same heading.
  await page.route('**/api/residency-programs/**', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } }),
    }),
  )
  await page.goto('/residency/programs/any-program')
  await expect(page.getByRole('heading', { level: 1, name: 'Residency program' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Go to all programs' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('a mentor reads the week as a grid, in the clock they chose, and adds a time on a day by keyboard, also on a phone', async ({ page }) => {
  test.slow()
  await loginAs(page, 'mentor')
  // Times follow the person's 12- or 24-hour habit, chosen once on their profile.
  await page.goto('/profile/edit#clock')
  await page
    .getByRole('group', { name: 'Show times as' })
    .getByLabel(/^24-hour clock/)
    .check()
  await expect(page.getByRole('status').filter({ hasText: 'Times now show as 13:30' })).toBeVisible()
  await page.goto('/mentorships/availability')
  await expect(page.getByRole('heading', { level: 1, name: 'My availability' })).toBeVisible()
  const week = page.getByRole('list', { name: 'Your week' })
  await expect(week.getByRole('heading', { level: 3 })).toHaveText(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
  await expectNoAxeViolations(page)

  const add = week.getByRole('button', { name: 'Add a weekly time on Wednesday' })
  await add.focus()
  await page.keyboard.press('Enter')
  // The new time's start takes focus; the grid shows it under Wednesday at once.
  await expect(page.locator(':focus')).toHaveAttribute('type', 'time')
  await page.locator(':focus').fill('09:30')
  const slot = week.getByRole('button', { name: /^Edit weekly time \d+: Wednesday, 09:30 to 10:00/ })
  await expect(slot).toBeVisible()
  await slot.press('Enter')
  await expect(page.locator(':focus')).toHaveValue('09:30')
  await expectNoAxeViolations(page)

  await page.setViewportSize({ width: 390, height: 844 })
  await expect(slot).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await expectNoAxeViolations(page)

  // Not saved: other journeys count the demo mentor's weekly times.
})
