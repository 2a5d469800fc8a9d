import { expect, expectNoAxeViolations, loginAs, mainNav, pressUntilFocused, test } from './fixtures.ts'

test('a student requests a letter with the keyboard alone', async ({ page }) => {
  test.setTimeout(60_000)
  const stamp = Date.now()
  const writerName = `Dr. Keyboard Writer ${stamp}`
  await loginAs(page, 'student')

  // The menu's groups are disclosure buttons: Enter opens one, Escape closes it and keeps focus.
  const careerPlan = mainNav(page).getByRole('button', { name: 'Career plan' })
  await pressUntilFocused(page, careerPlan)
  await expect(careerPlan).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Enter')
  await expect(careerPlan).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Escape')
  await expect(careerPlan).toHaveAttribute('aria-expanded', 'false')
  await expect(careerPlan).toBeFocused()
  await expect(mainNav(page).getByRole('link', { name: 'Letters', exact: true })).toBeHidden()
  await page.keyboard.press('Enter')
  await pressUntilFocused(page, mainNav(page).getByRole('link', { name: 'Letters', exact: true }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'My letters' })).toBeFocused()
  await pressUntilFocused(page, page.getByRole('link', { name: 'Request a letter' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Request a letter' })).toBeFocused()
  await expectNoAxeViolations(page)

  // Sending too early: the summary takes focus and each entry leads to its field.
  await pressUntilFocused(page, page.getByRole('button', { name: 'Send request' }))
  await page.keyboard.press('Enter')
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Tab')
  await expect(summary.getByRole('link').first()).toBeFocused()
  await page.keyboard.press('Enter')
  const mentorMode = page.getByRole('radio', { name: /A mentor in Preceptor/ })
  await expect(mentorMode).toBeFocused()

  // Arrow keys move between the choices of a radio group, as in any form.
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: /Someone outside Preceptor/ })).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Writer’s name')).toBeFocused()
  await page.keyboard.type(writerName)
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Writer’s e-mail')).toBeFocused()
  await page.keyboard.type(`keyboard.writer.${stamp}@example.org`)

  await page.keyboard.press('Tab')
  await expect(page.getByRole('radio', { name: 'Applications in a specialty' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: 'General use' })).toBeChecked()

  await page.keyboard.press('Tab')
  await expect(page.getByRole('radio', { name: /^Standard letter/ })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByRole('radio', { name: /^Standard letter/ })).toBeChecked()

  // A due date ten days away, typed into the date field segment by segment, earns the short-notice warning.
  const due = new Date(Date.now() + 10 * 86_400_000)
  await page.keyboard.press('Tab')
  const dueField = page.getByLabel('Due date')
  await expect(dueField).toBeFocused()
  await page.keyboard.type(`${String(due.getMonth() + 1).padStart(2, '0')}${String(due.getDate()).padStart(2, '0')}${due.getFullYear()}`)
  const expected = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`
  await expect(dueField).toHaveValue(expected)
  await expect(page.getByText(/Short notice:/)).toBeVisible()

  await pressUntilFocused(page, page.getByLabel('Talking points (optional)'))
  await page.keyboard.type('We worked together on the free clinic’s diabetes programme.')

  await pressUntilFocused(page, page.getByRole('radio', { name: /Yes, I waive my right/ }))
  await page.keyboard.press('Space')
  await expect(page.getByRole('radio', { name: /Yes, I waive my right/ })).toBeChecked()
  await expectNoAxeViolations(page)

  await pressUntilFocused(page, page.getByRole('button', { name: 'Send request' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'My letters' })).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: `Your request was sent to ${writerName}` })).toContainText('Writers usually need at least four weeks')
  await expect(page.getByRole('article', { name: new RegExp(writerName) })).toContainText('Requested')
  await expectNoAxeViolations(page)

  // Withdrawing asks first, and the keyboard reaches both answers.
  const card = page.getByRole('article', { name: new RegExp(writerName) })
  await pressUntilFocused(page, card.getByRole('button', { name: `Withdraw the request to ${writerName}` }))
  await page.keyboard.press('Enter')
  await expect(card.getByRole('button', { name: 'Keep request' })).toBeFocused()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Shift+Tab')
  await expect(card.getByRole('button', { name: 'Yes, withdraw request' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: `Your request to ${writerName} was withdrawn.` })).toBeVisible()
  await expect(page.getByRole('region', { name: /Declined or withdrawn/ }).getByRole('article', { name: new RegExp(writerName) })).toContainText('Withdrawn')
})
