import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, loginAs, mainNav, test } from './fixtures.ts'

test('a student sees their advising board, with empty slots flagged and people who could fill them', async ({ page }) => {
  await loginAs(page, 'student')
  await mainNav(page).getByRole('link', { name: 'Advising board' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My advising board' })).toBeVisible()

  // The Office assigned the demo advisor: the advisory dean slot is filled by them.
  const dean = page.getByRole('region', { name: /advisory dean/i })
  await expect(dean.getByRole('link', { name: DEMO_ACCOUNTS.advisor.name })).toBeVisible()

  // At least one slot is empty, flagged, and offers people or the directory.
  const empty = page.locator('.board-slot-empty').first()
  await expect(empty).toBeVisible()
  await expect(empty.getByText('Empty', { exact: true })).toBeVisible()
  await expect(empty.getByRole('link', { name: /Browse more in the directory/ })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('an advisor sees which of their students miss a slot, and opens one board', async ({ page }) => {
  await loginAs(page, 'advisor')
  await mainNav(page).getByRole('link', { name: 'My students' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: DEMO_ACCOUNTS.student.name }) })
  await expect(row).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByLabel('Show students missing').selectOption({ label: 'a near-peer mentor' })
  await expect(page).toHaveURL(/missing=near-peer/)
  await expect(page.getByRole('status').filter({ hasText: /Showing \d+ of your \d+ students?/ })).toBeVisible()

  await page.goto('/advising/students')
  await row.getByRole('link', { name: DEMO_ACCOUNTS.student.name }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${DEMO_ACCOUNTS.student.name}’s advising board` })).toBeVisible()
  await expect(page.getByRole('region', { name: /advisory dean/i })).toBeVisible()
  await expectNoAxeViolations(page)
})
