import { expect, expectNoAxeViolations, loginAs, pressUntilFocused, test } from './fixtures.ts'

test('a student books a shadowing day by keyboard at phone width; the office asks one opportunity for a badge', async ({ page }) => {
  test.setTimeout(120_000)
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

  // The office demands a clinic badge for the pediatric mornings alone, on its phone too, by keyboard.
  // (Sign out sits in the phone's menu; a fresh session is enough here.)
  await page.context().clearCookies()
  await loginAs(page, 'admin')
  await page.goto('/admin/requirements')
  await pressUntilFocused(page, page.getByRole('button', { name: 'Add a requirement' }))
  await page.keyboard.press('Enter')
  const form = page.getByRole('region', { name: 'Add a requirement' })
  await form.getByLabel('Name').fill('Clinic badge')
  await form.getByRole('radio', { name: 'The office verifies it' }).check()
  await form.getByLabel('Applies to').selectOption('One opportunity')
  await form.getByRole('button', { name: 'Add requirement' }).click()
  await expect(form.getByRole('group', { name: 'Opportunity' })).toContainText('Choose the opportunity it applies to.')
  await form.getByRole('searchbox', { name: 'Find the opportunity' }).fill('pediatric clinic morning')
  const choice = form.getByRole('radio', { name: 'Pediatric clinic morning' })
  await pressUntilFocused(page, choice)
  await page.keyboard.press('Space')
  await expect(choice).toBeChecked()
  await expectNoAxeViolations(page)
  await pressUntilFocused(page, form.getByRole('button', { name: 'Add requirement' }))
  await page.keyboard.press('Enter')
  const badge = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Clinic badge' }) })
  await expect(badge).toContainText('For Pediatric clinic morning · the office verifies it')
  await expect(badge.getByRole('link', { name: 'Pediatric clinic morning' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  await expectNoAxeViolations(page)
  // And stops asking for it: students' records stay, bookings stop checking it.
  await badge.getByRole('button', { name: 'Retire clinic badge' }).click()
  await badge.getByRole('button', { name: 'Stop asking for clinic badge' }).click()
  await expect(page.getByRole('heading', { name: 'Clinic badge' })).toHaveCount(0)
})
