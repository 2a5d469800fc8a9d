import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, expectNoAxeViolations, homeHeading, mainNav, pressUntilFocused, test } from './fixtures.ts'

test('sign in and reach the profile editor with the keyboard alone', async ({ page }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await expectNoAxeViolations(page)

  // The first Tab reaches the skip link, which is visible while focused.
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeVisible()

  await pressUntilFocused(page, page.getByLabel('E-mail'))
  await page.keyboard.type(DEMO_ACCOUNTS.student.email)
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Password')).toBeFocused()
  await page.keyboard.type(DEMO_PASSWORD)
  await page.keyboard.press('Enter')

  // After each navigation focus lands on the new page's heading.
  const home = homeHeading(page, DEMO_ACCOUNTS.student.firstName)
  await expect(home).toBeFocused()
  await expectNoAxeViolations(page)

  await pressUntilFocused(page, mainNav(page).getByRole('link', { name: 'My profile' }), 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: DEMO_ACCOUNTS.student.name })).toBeFocused()
  await expectNoAxeViolations(page)

  await pressUntilFocused(page, page.getByRole('link', { name: 'Edit profile' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Edit your profile' })).toBeFocused()
  await expectNoAxeViolations(page)

  // The ranked list works from the keyboard, and focus follows the item that moved.
  const interests = page.getByRole('group', { name: 'Specialty interests' })
  const firstItem = interests.getByRole('listitem').first()
  const firstName = ((await firstItem.locator('.rank-name').textContent()) ?? '').trim()
  const down = interests.getByRole('button', { name: `Move down: ${firstName}` })
  await pressUntilFocused(page, down)
  await page.keyboard.press('Enter')
  await expect(interests.getByRole('listitem').nth(1)).toContainText(firstName)
  await expect(interests.getByRole('button', { name: `Move down: ${firstName}` })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(interests.getByRole('listitem').first()).toContainText(firstName)
})
