import { callApi, DEMO_ACCOUNTS, expect, expectNoAxeViolations, findOnOutbox, loginAs, navLink, test } from './fixtures.ts'

/** Visible primary buttons of the page's content: `.button` with no quieter variant (docs/design-system.md). */
const PRIMARY_BUTTONS =
  'main .button:visible:not(.button-secondary, .button-quiet, .button-ghost, .button-danger, .button-danger-outline, .button-danger-quiet, .button-link)'

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

test('an advisor opening /advising lands on their students; assigning from a board asks the person, who answers from their home page', async ({ page }) => {
  // Four sign-ins (advisor, admin, near-peer, admin): a long journey.
  test.slow()
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
  const studentId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
  // The page says what assigning does now: the person is asked, the student told once they agree.
  await expect(page.locator('.page-header')).toContainText(`${DEMO_ACCOUNTS.student.firstName} is told once they agree`)
  // Staff read about the student by name, never "your".
  await expect(page.locator('.board-slots')).not.toContainText(/\byour\b/i)

  // Anyone but the near-peer demo account, who is asked below.
  const assign = page
    .getByRole('button', { name: /^Assign as / })
    .filter({ hasNotText: DEMO_ACCOUNTS['near-peer'].name })
    .first()
  const label = (await assign.textContent()) ?? ''
  const personName = label.split(': ')[1] ?? ''
  await assign.click()
  const confirm = page.getByRole('group', { name: /Confirm assigning/ })
  await expect(confirm).toContainText(`We will e-mail ${personName} to agree or decline`)
  await expectNoAxeViolations(page)
  await confirm.getByRole('button', { name: `Ask ${personName}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `We asked ${personName} to agree` })).toBeVisible()
  // Until they answer, the board shows them as awaiting agreement.
  const slot = page.locator('.board-slot').filter({ has: page.locator('.board-people').getByRole('link', { name: personName }) })
  await expect(slot.getByText('Awaiting agreement', { exact: true })).toBeVisible()
  await expect(slot.locator('.board-people')).toContainText(`awaiting ${personName}’s agreement`)

  // The near-peer demo account (a year ahead of the student) is asked too, and answers.
  const people = await callApi<{ items: { id: string; email: string }[] }>(page, 'GET', `/api/people?q=${encodeURIComponent(DEMO_ACCOUNTS['near-peer'].name)}`)
  const nearPeerId = people.items.find((p) => p.email === DEMO_ACCOUNTS['near-peer'].email)?.id
  await callApi(page, 'POST', '/api/advising/assignments', { studentId, slot: 'near-peer', personId: nearPeerId, note: 'Maya is aiming for EM next year.' })
  // The advisor's home keeps what still waits on others, with the way back to the board.
  await page.goto('/')
  const waiting = page.getByRole('listitem').filter({ hasText: `Waiting for ${personName} to agree` })
  await expect(waiting).toContainText(`to be ${DEMO_ACCOUNTS.student.name}’s`)
  await expect(waiting.getByRole('link', { name: /’s board$/ })).toHaveAttribute('href', `/advising/students/${studentId}`)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await loginAs(page, 'admin')
  await page.goto('/admin/outbox')
  // The student is not told before the person agrees.
  await expect(
    page
      .getByRole('article')
      .filter({ hasText: DEMO_ACCOUNTS.student.email })
      .filter({ hasText: `${personName} is now your` }),
  ).toHaveCount(0)
  const asked = page
    .getByRole('article')
    .filter({ hasText: `Will you be ${DEMO_ACCOUNTS.student.name}’s near-peer mentor?` })
    .first()
  await expect(asked).toBeVisible()
  const href = await asked
    .getByRole('link', { name: /agreement=/ })
    .first()
    .getAttribute('href')

  // The e-mail's link opens the near-peer's home page, where the request waits with its answers.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await loginAs(page, 'near-peer')
  const link = new URL(href ?? '')
  await page.goto(link.pathname + link.search)
  const card = page.getByRole('article', { name: `Be ${DEMO_ACCOUNTS.student.name}’s near-peer mentor?` })
  await expect(card).toBeVisible()
  await expect(card).toContainText('Maya is aiming for EM next year.')
  await expectNoAxeViolations(page)
  await card.getByRole('button', { name: /^Decline…/ }).click()
  await card.getByLabel(`Reason for ${DEMO_ACCOUNTS.advisor.name} (optional)`).fill('I am on my away rotations until March.')
  await card.getByRole('button', { name: /^Decline to be/ }).click()
  await expect(page.getByRole('status').filter({ hasText: `We told ${DEMO_ACCOUNTS.advisor.name}` })).toBeVisible()
  await expect(card).toHaveCount(0)
  // The e-mail's link, opened again, says the request no longer waits.
  await page.goto(link.pathname + link.search)
  await expect(page.getByText('The advising-board request in your e-mail is no longer waiting')).toBeVisible()

  // The advisor who asked is told, with the reason.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await loginAs(page, 'admin')
  const decline = await findOnOutbox(page, `${DEMO_ACCOUNTS['near-peer'].name} declined to be ${DEMO_ACCOUNTS.student.name}’s near-peer mentor`)
  await expect(decline).toContainText('I am on my away rotations until March.')
})

test('an admin opening /advising lands on the advisors page and checks a CSV before applying it, problems listed by row and column', async ({ page }) => {
  await loginAs(page, 'admin')
  await page.goto('/advising')
  await expect(page.getByRole('heading', { level: 1, name: 'Advisors of students' })).toBeVisible()
  // One obvious next action (docs/design-system.md): assigning the selected students.
  const primaries = page.locator(PRIMARY_BUTTONS)
  await expect(page.getByRole('button', { name: /^Assign \d+ selected/ })).toBeVisible()
  await expect(primaries).toHaveCount(1)
  // Hundreds of students, fifty a page; a name finds one.
  await expect(page.getByRole('navigation', { name: 'Pages of students' })).toContainText(/1–50 of \d{3} students/)
  await page.getByLabel('Find a student').fill(DEMO_ACCOUNTS.student.name)
  await expect(page.getByText('1 student matches, 0 selected.')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Students and their advisors' }).getByRole('row')).toHaveCount(2)
  await page
    .getByLabel('Or paste the rows')
    .fill(`student_email,advisor_email\n${DEMO_ACCOUNTS.student.email},admin@demo.example.edu\nnobody@demo.example.edu,${DEMO_ACCOUNTS.advisor.email}`)
  await page.getByRole('button', { name: 'Check the file' }).click()
  const results = page.getByRole('table', { name: 'Import results, row by row' })
  await expect(results).toBeVisible()
  await expect(page.getByText(/Checked, nothing saved yet/)).toBeVisible()
  await expect(results.getByRole('row').filter({ hasText: 'nobody@demo.example.edu' })).toContainText('student_email')
  await expect(primaries).toHaveCount(1)
  await expectNoAxeViolations(page)
})
