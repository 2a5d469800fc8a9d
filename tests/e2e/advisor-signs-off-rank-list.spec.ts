import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

// The demo school's final-year student (the near-peer account) has a submitted rank order list,
// and the demo advisor is their assigned advisor. No other journey touches that list.
const student = DEMO_ACCOUNTS['near-peer']

test('an advisor opens an advisee’s submitted rank order list, comments, and signs it off', async ({ page }) => {
  await loginAs(page, 'advisor')
  await (await navLink(page, 'Rank lists to review')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Rank order lists to review' })).toBeVisible()
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: student.name }) })
  await expect(row).toContainText('Submitted for review')
  await expectNoAxeViolations(page)

  await row.getByRole('link', { name: student.name }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${student.name}’s rank order list` })).toBeVisible()
  await expect(
    page
      .getByRole('list')
      .filter({ has: page.locator('.rol-line') })
      .locator('.rol-line')
      .first(),
  ).toBeVisible()
  await expectNoAxeViolations(page)

  const comment = 'Strong list. Consider ranking every program you would be happy at.'
  await page.getByLabel(`Add a comment for ${student.firstName}`).fill(comment)
  await page.getByRole('button', { name: 'Add comment' }).click()
  await expect(page.getByText(comment)).toBeVisible()

  await page.getByRole('button', { name: /^Sign off version \d+…$/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Sign off this list?' })
  await expect(dialog).toBeVisible()
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Yes, sign off' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/^Signed off version \d+\. Jonah Kim has been told by e-mail\.$/)).toBeVisible()
  await expect(page.locator('.page-header').getByText('Signed off', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  // The student sees the sign-off and the comment.
  await page.context().clearCookies()
  await loginAs(page, 'near-peer')
  await (await navLink(page, 'Rank order list')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My rank order list' })).toBeVisible()
  await expect(page.locator('.page-header').getByText('Signed off', { exact: true })).toBeVisible()
  await expect(page.getByText(comment)).toBeVisible()
  await expectNoAxeViolations(page)
})
