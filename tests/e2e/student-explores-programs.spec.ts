import { expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

test('a student filters residency programs, opens one, saves it to their list, and joins a specialty’s interest group', async ({ page }) => {
  await loginAs(page, 'student')
  await (await navLink(page, 'Residency programs')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Residency programs' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Programs' })).toBeVisible()
  await expectNoAxeViolations(page)

  // The specialty menu reads in alphabetical order of the names shown.
  const specialtyNames = (await page.getByLabel('Specialty').locator('option').allTextContents()).slice(1)
  expect(specialtyNames).toEqual([...specialtyNames].sort((a, b) => a.localeCompare(b, 'en')))

  // Filter: psychiatry, then the Midwest from the region view; the address carries the search.
  await page.getByLabel('Specialty').selectOption({ label: 'Psychiatry' })
  await page.getByRole('button', { name: 'Show programs' }).click()
  await expect(page).toHaveURL(/specialty=psychiatry/)
  await page.getByRole('button', { name: /^Midwest/ }).click()
  await expect(page).toHaveURL(/region=midwest/)
  await expect(page.getByRole('button', { name: /^Midwest/ })).toHaveAttribute('aria-pressed', 'true')
  const results = page.getByRole('list', { name: 'Programs' })
  await expect(results.getByRole('listitem').first()).toContainText('Psychiatry')
  await expect(page.getByText(/programs? found with 2 filters/)).toBeVisible()
  await expectNoAxeViolations(page)

  // Open the first program.
  const first = results.getByRole('listitem').first().getByRole('heading').getByRole('link')
  const name = (await first.textContent()) ?? ''
  await first.click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Students from our school who matched here' })).toBeVisible()
  await expectNoAxeViolations(page)

  // Save it, see it saved, then take it off again so other journeys find the list as it was.
  await page.getByRole('button', { name: /^Save to my list/ }).click()
  await expect(page.getByRole('status').filter({ hasText: 'is saved to your list' })).toBeVisible()
  const saved = page.getByRole('button', { name: /^Saved to my list/ })
  await expect(saved).toHaveAttribute('aria-pressed', 'true')
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: '← All programs' }).click()
  await page.goto('/residency/programs?saved=yes')
  // Other journeys may have saved programs for the same demo student: act on this one's card.
  const card = page
    .getByRole('list', { name: 'Programs' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) })
  await expect(card).toBeVisible()
  await card.getByRole('button', { name: /^Saved to my list/ }).click()
  await expect(page.getByRole('status').filter({ hasText: 'is off your list' })).toBeVisible()

  // From a specialty's page, join its interest group; the groups page lists it as the student's.
  const group = 'Pediatrics Interest Group'
  await page.goto('/specialties/pediatrics')
  await expect(page.getByRole('heading', { level: 1, name: 'Explore Pediatrics' })).toBeVisible()
  await page.getByRole('button', { name: `Join group ${group}` }).click()
  await expect(page.getByRole('button', { name: `Leave group ${group}` })).toBeVisible()
  await expect(page.getByText('You are a member.', { exact: false })).toBeVisible()
  await page.goto('/interest-groups')
  const mine = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: group, exact: true }) })
  await expect(mine).toContainText('You are a member')
  await expectNoAxeViolations(page)
  // Leave again, so the demo student finds the group as it was.
  await mine.getByRole('button', { name: `Leave group ${group}` }).click()
  await expect(mine.getByRole('button', { name: `Join group ${group}` })).toBeVisible()
})
