import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

test('a student sees their advising board, with empty slots flagged and people who could fill them', async ({ page }) => {
  await loginAs(page, 'student')
  await (await navLink(page, 'Advising board')).click()
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
  await (await navLink(page, 'My students')).click()
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

test('an advisor opening /advising lands on their students; assigning from a board is confirmed and e-mailed, and the e-mail’s link opens', async ({
  page,
}) => {
  await loginAs(page, 'advisor')
  await page.goto('/advising')
  await expect(page.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible()
  await expect(page.getByText(/ask the Office of Student Affairs/i)).toHaveCount(0)

  await page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: DEMO_ACCOUNTS.student.name }) })
    .getByRole('link', { name: DEMO_ACCOUNTS.student.name })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: `${DEMO_ACCOUNTS.student.name}’s advising board` })).toBeVisible()
  // Staff read about the student by name, never "your".
  await expect(page.locator('.board-slots')).not.toContainText(/\byour\b/i)

  const assign = page.getByRole('button', { name: /^Assign as / }).first()
  const label = (await assign.textContent()) ?? ''
  const personName = label.split(': ')[1] ?? ''
  await assign.click()
  const confirm = page.getByRole('group', { name: /Confirm assigning/ })
  await expect(confirm).toContainText(`We will e-mail ${DEMO_ACCOUNTS.student.name}`)
  await expectNoAxeViolations(page)
  await confirm.getByRole('button', { name: 'Assign and e-mail' }).click()
  await expect(page.getByRole('status').filter({ hasText: `We e-mailed ${DEMO_ACCOUNTS.student.name} and ${personName}` })).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await loginAs(page, 'admin')
  await page.goto('/admin/outbox')
  const email = page
    .getByRole('article')
    .filter({ hasText: DEMO_ACCOUNTS.student.email })
    .filter({ hasText: `${personName} is now your` })
    .first()
  await expect(email).toBeVisible()
  const href = await email
    .getByRole('link', { name: /\/advising/ })
    .first()
    .getAttribute('href')
  const toPerson = page
    .getByRole('article')
    .filter({ hasText: `You are ${DEMO_ACCOUNTS.student.name}’s` })
    .first()
  await expect(toPerson).toBeVisible()
  const personHref = await toPerson
    .getByRole('link', { name: /\/people\// })
    .first()
    .getAttribute('href')

  // The student's link opens their board, with the new holder on it.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await loginAs(page, 'student')
  await page.goto(new URL(href ?? '').pathname)
  await expect(page.getByRole('heading', { level: 1, name: 'My advising board' })).toBeVisible()
  await expect(page.locator('.board-slots').getByRole('link', { name: personName }).first()).toBeVisible()
  // The person's link names the advisor who placed them; it opens for any signed-in person.
  await page.goto(new URL(personHref ?? '').pathname)
  await expect(page.getByRole('heading', { level: 1, name: DEMO_ACCOUNTS.advisor.name })).toBeVisible()
})

test('an admin opening /advising lands on the advisors page and checks a CSV before applying it, problems listed by row and column', async ({ page }) => {
  await loginAs(page, 'admin')
  await page.goto('/advising')
  await expect(page.getByRole('heading', { level: 1, name: 'Advisors of students' })).toBeVisible()
  await page
    .getByLabel('Or paste the rows')
    .fill(`student_email,advisor_email\n${DEMO_ACCOUNTS.student.email},admin@demo.example.edu\nnobody@demo.example.edu,${DEMO_ACCOUNTS.advisor.email}`)
  await page.getByRole('button', { name: 'Check the file' }).click()
  const results = page.getByRole('table', { name: 'Import results, row by row' })
  await expect(results).toBeVisible()
  await expect(page.getByText(/Checked, nothing saved yet/)).toBeVisible()
  await expect(results.getByRole('row').filter({ hasText: 'nobody@demo.example.edu' })).toContainText('student_email')
  await expectNoAxeViolations(page)
})
