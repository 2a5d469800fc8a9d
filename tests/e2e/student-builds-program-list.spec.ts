import { expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

test('a student fills the application profile, sees the curve and the recommended count, and adds programs to the list', async ({ page }) => {
  await loginAs(page, 'student')
  await (await navLink(page, 'Residency list builder')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'List builder' })).toBeVisible()
  // No profile yet: the page says so and points to it.
  await expect(page.getByText('You have not filled in your')).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('navigation', { name: 'Residency application' }).getByRole('link', { name: '1. Application profile' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Application profile' })).toBeVisible()
  await expectNoAxeViolations(page)

  // A score out of range is named at its field.
  await page.getByLabel('Preferred specialty').selectOption({ label: 'Internal Medicine' })
  await page.getByLabel('Step 2 CK score (leave empty if you have not taken it)').fill('320')
  await page.getByRole('button', { name: 'Save profile' }).click()
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: /Step 2 CK score: A Step 2 CK score is between 1 and 300/ })).toBeVisible()
  await expectNoAxeViolations(page)

  // Saved without a score yet: the list builder shows the range across published scores, no count.
  const step2 = page.getByLabel('Step 2 CK score (leave empty if you have not taken it)')
  await step2.fill('')
  await page.getByRole('group', { name: 'Step 1' }).getByLabel('Pass').check()
  await page.getByLabel('Backup specialty (optional)').selectOption({ label: 'Family Medicine' })
  await page.getByLabel('Preference signals you have for this specialty').fill('3')
  await page.getByLabel('Research items').fill('4')
  await page.getByLabel('Clerkship honors').fill('3')
  await page.getByLabel('States you have ties to').fill('OH, pa')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved' })).toBeVisible()
  await expect(page.getByLabel('States you have ties to')).toHaveValue('OH, PA')
  await page.getByRole('link', { name: 'Open the list builder' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Before your Step 2 CK score: a range' })).toBeVisible()
  const range = page.getByRole('table', { name: /^Estimates at two published Step 2 CK scores of Internal Medicine applicants/ })
  // Internal Medicine's published 2024 means: 234 (did not match) and 251 (matched).
  await expect(range.getByRole('rowheader')).toHaveText([/^234 \(average of those who did not match/, /^251 \(average of those who matched/])
  await expect(page.getByText(/the figures firm up once your score is in/)).toBeVisible()
  await expect(page.getByText(/^Apply to \d+/)).toHaveCount(0)
  await expectNoAxeViolations(page)

  await page.getByRole('navigation', { name: 'Residency application' }).getByRole('link', { name: '1. Application profile' }).click()
  await step2.fill('247')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved' })).toBeVisible()

  await page.getByRole('link', { name: 'Open the list builder' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'List builder' })).toBeVisible()
  const summaryLine = page.getByText(/^Apply to \d+ Internal Medicine programs? for an? \d+\s% chance of matching \(80\s% interval \d+\s%–\d+\s%\)\.$/)
  await expect(summaryLine).toBeVisible()
  const count = Number(/Apply to (\d+)/.exec((await summaryLine.textContent()) ?? '')?.[1])
  expect(count).toBeGreaterThan(0)
  await expect(page.getByText('Based on national figures')).toBeVisible()
  // The curve is a described figure, with the same figures as a table.
  await expect(page.getByRole('img', { name: 'Chance of matching against number of applications' })).toBeVisible()
  await page.getByText('Show the curve as a table').click()
  await expect(page.getByRole('rowheader', { name: `${count} (recommended)` })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Where these figures come from' })).toBeVisible()
  await expectNoAxeViolations(page)

  // The programs come a page at a time: the count of all, "Show more" by keyboard, focus on the first new program.
  const programs = page.getByRole('region', { name: /^Programs \(\d+\)$/ })
  const total = Number(/\((\d+)\)/.exec((await programs.getByRole('heading', { level: 2 }).textContent()) ?? '')?.[1])
  expect(total).toBeGreaterThan(50)
  await expect(programs.getByRole('status')).toHaveText(`Showing 25 of ${total} programs.`)
  const more = programs.getByRole('button', { name: `Show 25 more of ${total}` })
  await more.focus()
  await page.keyboard.press('Enter')
  await expect(programs.getByRole('status')).toHaveText(`Showing 50 of ${total} programs.`)
  await expect(programs.getByRole('listitem').nth(25).getByRole('heading', { level: 3 })).toBeFocused()
  // Filtering by tier asks the server for that tier; the option says how many there are.
  const likely = Number(/\((\d+)\)/.exec((await programs.getByLabel('Tier').locator('option', { hasText: 'Likely' }).textContent()) ?? '')?.[1])
  await programs.getByLabel('Tier').selectOption('likely')
  await expect(programs.getByRole('status')).toHaveText(
    `Showing ${Math.min(25, likely)} of ${likely} ${likely === 1 ? 'program that passes' : 'programs that pass'} the filters.`,
  )
  // Back to every tier: the programs already shown are still there.
  await programs.getByLabel('Tier').selectOption('')
  await expect(programs.getByRole('status')).toHaveText(`Showing 50 of ${total} programs.`)

  // Why a program's chances are what they are: factors in words with their sign and size.
  const first = page
    .getByRole('list')
    .filter({ has: page.getByRole('heading', { level: 3 }) })
    .first()
    .getByRole('listitem')
    .first()
  await first.getByText('Why these chances').click()
  await expect(first.getByText(/(raises|lowers) the interview chance by/).first()).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: new RegExp(`^Add the ${count} recommended programs? to my list$`) }).click()
  await expect(page.getByRole('status').filter({ hasText: `${count} added to your list` })).toBeVisible()
  await expect(page.getByText(/^On your list: considering/).first()).toBeVisible()

  await page.getByRole('navigation', { name: 'Residency application' }).getByRole('link', { name: '3. My programs' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My programs' })).toBeVisible()
  await expect(page.getByText('Signals: 0 of 3 used.')).toBeVisible()
  const status = page.getByLabel('Status').first()
  await status.selectOption('applying')
  await expect(page.getByRole('status').filter({ hasText: 'status is now applying' })).toBeVisible()
  await expectNoAxeViolations(page)
})
