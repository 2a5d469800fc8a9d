import { expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

// The demo's associate dean holds the school-wide scope (decision 015): the class view covers the
// whole of Year 3, and about one student in five has not yet done the September milestone.
const MILESTONE = 'Residency application overview'

test('the dean finds who is behind on a Year 3 milestone, previews the nudge and sends it; a second nudge that week is skipped', async ({ page }) => {
  await loginAs(page, 'advisor')
  await (await navLink(page, 'Class progress')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Class progress' })).toBeVisible()
  await page.getByLabel('Class year').selectOption({ label: 'Year 3' })
  const row = page.getByRole('row', { name: new RegExp(`^${MILESTONE}`) })
  const late = Number(await row.getByRole('cell').nth(2).textContent())
  expect(late).toBeGreaterThan(0)

  // The late figure opens the list of those behind on that milestone.
  await row.getByRole('button', { name: `${late} late on ${MILESTONE}: show who` }).click()
  await page.getByLabel('State').selectOption({ label: 'Late' })
  await expect(page.getByText(`${late} students late on “${MILESTONE}”, sorted by name.`)).toBeVisible()
  const behind = page.getByRole('table', { name: `Students behind on ${MILESTONE}` })
  await expect(behind.getByRole('rowheader')).toHaveCount(late)
  const first = ((await behind.getByRole('rowheader').first().textContent()) ?? '').trim()
  await expect(behind.getByRole('link', { name: first })).toHaveAttribute('href', /^\/advising\/students\//)
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: `Choose all ${late} shown` }).click()
  await page.getByRole('button', { name: 'Preview the e-mail' }).click()
  await expect(page.getByRole('heading', { name: `The e-mail ${first} would receive` })).toBeVisible()
  await expect(page.locator('.nudge-email-text')).toContainText(`Hello ${first},`)
  await expect(page.locator('.nudge-email-text')).toContainText('/timeline')
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: `Send to ${late} students` }).click()
  await expect(page.getByRole('status').filter({ hasText: 'nudged' })).toHaveText(`${late} students nudged.`)

  // The same students again this week: each is skipped, with the day they were nudged.
  await page.getByRole('button', { name: `Choose all ${late} shown` }).click()
  await page.getByRole('button', { name: 'Preview the e-mail' }).click()
  await expect(page.getByText('Nobody chosen would be nudged.')).toBeVisible()
  await expect(page.getByText(new RegExp(`^${first} nudged on \\d+ \\w+`))).toBeVisible()
})
