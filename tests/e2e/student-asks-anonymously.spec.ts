import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, loginAs, navLink, test, type DemoRole } from './fixtures.ts'

async function switchTo(page: Page, role: DemoRole) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await loginAs(page, role)
}

test('a student asks anonymously, a mentor answers without ever seeing who asked, and the student accepts the answer', async ({ page }) => {
  test.setTimeout(90_000)
  const title = `Is it fine to take a research year before applying? ${Date.now()}`

  await loginAs(page, 'student')
  await (await navLink(page, 'Community')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Community' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: 'Ask a question' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ask a question' })).toBeVisible()

  // An empty question is refused at its fields.
  await page.getByRole('button', { name: 'Post question' }).click()
  await expect(page.getByRole('heading', { name: 'Please fix the following' })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByLabel('Board').selectOption({ label: 'Research' })
  await page.getByLabel('Your question').fill(title)
  await page.getByLabel('Details').fill('My scores are average and I worry a gap year looks bad.')
  const anonymous = page.getByRole('radio', { name: /Ask anonymously/ })
  await expect(anonymous).toHaveAccessibleDescription(/only an administrator can look it up/)
  await anonymous.check()
  await page.getByRole('button', { name: 'Post question' }).click()

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('You asked this anonymously')).toBeVisible()
  const questionPath = new URL(page.url()).pathname

  // The mentor finds it on the board and answers; nothing on the page names the student.
  await switchTo(page, 'mentor')
  await (await navLink(page, 'Community')).click()
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Anonymous student')).toBeVisible()
  await expect(page.getByText('Maya Robinson')).toHaveCount(0)
  await page.getByLabel('Your answer').fill('A research year is common in competitive specialties; say what you learned from it.')
  await page.getByRole('button', { name: 'Post answer' }).click()
  await expect(page.getByRole('heading', { name: '1 answer' })).toBeVisible()
  await expect(page.locator('main')).not.toContainText('Maya Robinson')
  await expectNoAxeViolations(page)

  // The student accepts the answer.
  await switchTo(page, 'student')
  await page.goto(questionPath)
  await page.getByRole('button', { name: 'Accept this answer' }).click()
  await expect(page.getByText('Accepted answer: this helped the asker')).toBeVisible()
  await expect(page.getByText('Daniel Okafor')).toBeVisible()

  // At phone width the question, its answer and the answer form fit without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  await expectNoAxeViolations(page)
})
