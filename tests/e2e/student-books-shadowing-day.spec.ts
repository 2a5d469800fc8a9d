import { expect, expectNoAxeViolations, loginAs, pressUntilFocused, test } from './fixtures.ts'

test('a student books a shadowing day by keyboard at phone width', async ({ page }) => {
  await loginAs(page, 'student')
  await page.setViewportSize({ width: 390, height: 844 })

  // The student finds the pediatric clinic mornings on the board and opens them by keyboard.
  await page.goto('/opportunities')
  await page.getByRole('searchbox', { name: 'Search opportunities' }).fill('pediatric clinic morning')
  await page.keyboard.press('Enter')
  const link = page.getByRole('link', { name: 'Pediatric clinic morning' })
  await pressUntilFocused(page, link)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Pediatric clinic morning' })).toBeVisible()

  // Their HIPAA training is on record, so each day offers a place to book.
  const requirements = page.getByRole('region', { name: 'Requirements' })
  await expect(requirements.getByRole('listitem').filter({ hasText: 'HIPAA training' })).toContainText('Done')
  const days = page.getByRole('region', { name: 'Days to shadow' })
  const first = days.getByRole('button', { name: /^Book / }).first()
  await pressUntilFocused(page, first)
  await page.keyboard.press('Enter')
  await expect(days.getByRole('status')).toContainText('The invite is in your e-mail.')
  await expect(days.getByText('Your day')).toBeVisible()
  await expect(days.getByRole('button', { name: 'Cancel my booking' })).toBeVisible()
  await expect(days.getByRole('button', { name: /^Book / })).toHaveCount(0)
  await expectNoAxeViolations(page)

  // My applications lists the day, and My requirements says which of theirs has expired.
  await page.goto('/opportunities/applications')
  await expect(page.getByRole('region', { name: 'My shadowing days' })).toContainText('Pediatric clinic morning')
  await expect(page.getByRole('region', { name: 'My requirements' }).getByRole('listitem').filter({ hasText: 'Influenza vaccine' })).toContainText('Expired')
  await expectNoAxeViolations(page)

  // Labor and delivery asks for this season's influenza vaccine, which expired: it says so in words.
  await page.goto('/opportunities?q=labor+delivery')
  await page.getByRole('link', { name: 'Night on labor and delivery' }).click()
  await expect(page.getByRole('region', { name: 'Days to shadow' })).toContainText(/Your influenza vaccine expired on \d+ \w+ \d{4}; renew it before booking\./)
  await expect(page.getByRole('button', { name: /^Book / })).toHaveCount(0)
})
