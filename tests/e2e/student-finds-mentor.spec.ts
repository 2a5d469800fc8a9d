import { expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

test('a student finds a mentor by a misspelled name and by facets, sorts by fit, and opens the profile', async ({ page }) => {
  await loginAs(page, 'student')
  await (await navLink(page, 'Find a mentor')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Find a mentor' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /mentors found/ })).toBeVisible()
  await expectNoAxeViolations(page)

  // A misspelled surname is searched corrected at once (every Okafor, not one person), and the page says so.
  await page.getByLabel('Search mentors').fill('Okafr')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  const correction = page.getByText(/Showing results for Okafor\./)
  await expect(correction).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /mentors? found for “Okafor”/ })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Mentors' }).getByRole('heading', { level: 3 }).first()).toContainText('Okafor')
  await expectNoAxeViolations(page)
  // "Search instead for Okafr": the words as typed, nobody found, the close name still offered.
  await page.getByRole('link', { name: 'Okafr', exact: true }).click()
  await expect(page).toHaveURL(/exact=true/)
  await expect(page.getByRole('status').filter({ hasText: '0 mentors found for “Okafr”' })).toBeVisible()
  await expect(page.getByRole('link', { name: /Okafor$/ })).toBeVisible()

  // A misspelled topic is corrected too.
  await page.getByLabel('Search mentors').fill('cardiolgy')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText(/Showing results for cardiology/)).toBeVisible()
  await expect(page).not.toHaveURL(/exact=true/)

  // Offers are all-of: a second offer narrows; the filters in use show as removable chips.
  await page.getByLabel('Search mentors').fill('')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  const offers = page.getByRole('group', { name: 'What they offer' })
  await expect(offers.getByText('Mentors who offer everything you tick.')).toBeVisible()
  const countOf = async () =>
    Number(
      /^(\d+)/.exec(
        (await page
          .getByRole('status')
          .filter({ hasText: /mentors? found/ })
          .textContent()) ?? '',
      )?.[1],
    )
  await offers.getByRole('checkbox', { name: /^Letters of recommendation \d/ }).click()
  await expect(page.getByRole('status').filter({ hasText: /with 1 filter\./ })).toBeVisible()
  const letters = await countOf()
  await offers.getByRole('checkbox', { name: /^Mock interviews \d/ }).click()
  await expect(page.getByRole('status').filter({ hasText: /with 2 filters\./ })).toBeVisible()
  expect(await countOf()).toBeLessThan(letters)
  const chips = page.getByRole('list', { name: 'Filters in use' })
  await expect(chips.getByRole('button')).toHaveCount(2)
  await expectNoAxeViolations(page)
  await chips.getByRole('button', { name: /Mock interviews/ }).click()
  await expect(page.getByRole('status').filter({ hasText: /with 1 filter\./ })).toBeVisible()
  await chips.getByRole('button', { name: /Letters of recommendation/ }).click()
  await expect(page.getByRole('list', { name: 'Filters in use' })).toHaveCount(0)

  // Facets: clear the words, then narrow by specialty and availability; the address keeps it all.
  await page.getByLabel('Search mentors').fill('')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  // The boxes follow the address, which changes a moment after the click: click, then expect.
  const internalMedicine = page.getByRole('group', { name: 'Specialty' }).getByRole('checkbox', { name: /^Internal Medicine \d/ })
  await internalMedicine.click()
  await expect(internalMedicine).toBeChecked()
  await expect(page).toHaveURL(/specialty=internal-medicine/)
  const accepting = page.getByRole('group', { name: 'Availability' }).getByRole('checkbox', { name: /Accepting new mentees/ })
  await accepting.click()
  await expect(accepting).toBeChecked()
  await expect(page).toHaveURL(/accepting=true/)
  const status = page.getByRole('status').filter({ hasText: /mentors? found with 2 filters/ })
  await expect(status).toBeVisible()
  await expectNoAxeViolations(page)

  // The back button undoes the last filter.
  await page.goBack()
  await expect(page).not.toHaveURL(/accepting=true/)
  await expect(page.getByRole('status').filter({ hasText: /with 1 filter\./ })).toBeVisible()
  await page.goForward()
  await expect(status).toBeVisible()

  // Sort by fit to me: the order is explained, each fitting mentor says why, the address keeps it.
  await page.getByLabel('Sort by').selectOption('fit')
  await expect(page).toHaveURL(/sort=fit/)
  await expect(page.getByText(/Sorted by fit to you/)).toBeVisible()
  await expect(page.getByRole('list', { name: 'Mentors' }).getByRole('listitem').first()).toContainText('Fits you:')
  await expectNoAxeViolations(page)

  // Open the first mentor's profile.
  const first = page.getByRole('list', { name: 'Mentors' }).getByRole('heading', { level: 3 }).first().getByRole('link')
  const name = (await first.textContent()) ?? ''
  await first.click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'How to connect' })).toBeVisible()
  await expect(page.getByText(/places? open|Not taking new mentees/)).toBeVisible()
  await expect(page.getByText(/Usually answers within|New here — |Has not answered recent requests/)).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: '← Back to your search' }).click()
  await expect(page).toHaveURL(/accepting=true/)
  await expect(page).toHaveURL(/sort=fit/)
})

test('the mentor search works on a 390 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await loginAs(page, 'student')
  await page.goto('/mentors?q=cardiology')
  await expect(page.getByRole('status').filter({ hasText: /for “cardiology”/ })).toBeVisible()
  const toggle = page.getByRole('button', { name: /Show filters/ })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByRole('group', { name: 'Kind of mentor' })).toBeHidden()
  await toggle.click()
  const faculty = page.getByRole('group', { name: 'Kind of mentor' }).getByRole('checkbox', { name: /^Faculty \d/ })
  await faculty.click()
  await expect(faculty).toBeChecked()
  await expect(page).toHaveURL(/kind=faculty/)
  await expect(page.getByRole('status').filter({ hasText: /with 1 filter\./ })).toBeVisible()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(390)
  await expectNoAxeViolations(page)
})
