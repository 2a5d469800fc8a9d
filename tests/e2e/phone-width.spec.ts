import { expect, expectNoAxeViolations, homeHeading, loginAs, mainNav, navLink, pressUntilFocused, test } from './fixtures.ts'

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

test('at phone width: sign in, open the menu, move around by keyboard, edit the profile', async ({ page }) => {
  await loginAs(page, 'near-peer')
  const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
  expect(await noSideways()).toBe(true)
  await expectNoAxeViolations(page)

  const menu = page.getByRole('button', { name: 'Menu' })
  await expect(menu).toBeVisible()
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(mainNav(page).getByRole('link', { name: 'My profile' })).toBeHidden()

  await menu.focus()
  await page.keyboard.press('Enter')
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  const profileLink = mainNav(page).getByRole('link', { name: 'My profile' })
  await expect(profileLink).toBeVisible()
  await expectNoAxeViolations(page)

  // Escape closes the menu and puts focus back on its button.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Escape')
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(menu).toBeFocused()

  await page.keyboard.press('Enter')
  await pressUntilFocused(page, profileLink)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Jonah Kim' })).toBeFocused()
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  expect(await noSideways()).toBe(true)
  await expectNoAxeViolations(page)

  await pressUntilFocused(page, page.getByRole('link', { name: 'Edit profile' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Edit your profile' })).toBeFocused()
  expect(await noSideways()).toBe(true)
  await expectNoAxeViolations(page)

  const about = page.getByRole('region', { name: 'About you' })
  const pronouns = about.getByLabel('Pronouns (optional)')
  await pressUntilFocused(page, pronouns)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('he/they')
  await page.keyboard.press('Enter')
  await expect(about.getByRole('status')).toContainText('Your name and pronouns were saved')

  const mentor = page.getByRole('region', { name: 'Mentor profile' })
  await mentor.getByLabel('Bio').fill('Fourth-year student applying in Pediatrics. Happy to talk about M3 year and Step 2.')
  await mentor.getByRole('button', { name: 'Save mentor profile' }).tap()
  await expect(mentor.getByRole('status')).toContainText('Your mentor profile was saved')
  expect(await noSideways()).toBe(true)
  await expectNoAxeViolations(page)

  await menu.tap()
  await (await navLink(page, 'Home')).tap()
  await expect(homeHeading(page, 'Jonah')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'As a mentor' })).toBeVisible()
})
