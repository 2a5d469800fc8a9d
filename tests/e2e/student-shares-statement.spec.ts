import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, loginAs, navLink, pressUntilFocused, test, type DemoRole } from './fixtures.ts'

async function switchTo(page: Page, role: DemoRole) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await loginAs(page, role)
}

const OPENING = 'My first patient'
const STATEMENT = `${OPENING} taught me patience on a long night in the emergency department.

I stayed until she was admitted, and I learned that listening is a procedure too.`

test('a student writes a statement and shares it; the mentor comments on a range by keyboard and suggests new words; the student accepts and compares versions', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const title = `Emergency medicine statement ${Date.now()}`

  // The student writes the first version, with a live count and preview.
  await loginAs(page, 'student')
  await (await navLink(page, 'Application documents')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Application documents' })).toBeVisible()
  await page.getByLabel('Kind of document').selectOption({ label: 'Personal statement' })
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('For a specialty or program (optional)').fill('Emergency Medicine')
  await page.getByLabel('Text', { exact: true }).fill(STATEMENT)
  await expect(page.getByText(`${STATEMENT.length} of 28,000 characters, spaces included.`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Preview' }).getByText('I stayed until she was admitted', { exact: false })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Save the first version' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()

  // It is shared with the mentor, found by name, with a question and a due date.
  await page.getByLabel('Find a reviewer by name').fill('Okafor')
  await page.getByRole('button', { name: 'Add Daniel Okafor' }).click()
  await expect(page.getByText('Chosen: 1 reviewer.')).toBeVisible()
  const due = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10)
  await page.getByLabel('Comments wanted by').fill(due)
  await page.getByLabel('Your question for them').fill('Is my opening too long?')
  await page.getByRole('button', { name: 'Share version 1' }).click()
  await expect(page.getByText('Shared version 1 with Daniel Okafor.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Reviews asked for' }).getByText('Daniel Okafor')).toBeVisible()
  await expectNoAxeViolations(page)

  // The mentor finds the request on their home page, with its due date.
  await switchTo(page, 'mentor')
  await expect(page.getByText('Documents to review:')).toBeVisible()
  await page.getByRole('link', { name: 'See documents to review' }).click()
  await page
    .getByRole('link', { name: /Maya Robinson: personal statement, version 1/ })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Robinson’s personal statement, version 1' })).toBeVisible()
  await expect(page.getByText('Is my opening too long?')).toBeVisible()
  await expectNoAxeViolations(page)

  // By keyboard: into the text, select the opening words with Shift+arrows, comment on the selection.
  const text = page.getByRole('textbox', { name: 'Text' })
  await pressUntilFocused(page, text)
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < OPENING.length; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Comment on selection' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('form', { name: 'New comment' }).locator('blockquote')).toHaveText(`On the words: ${OPENING}`)
  await expect(page.getByLabel('Comment', { exact: true })).toBeFocused()
  await page.keyboard.type('Name her: a person is stronger than “my first patient”.')
  await page.getByLabel('Suggest new wording for these words').check()
  await page.getByLabel('Suggested wording').fill('Mrs. Alvarez, my first patient,')
  await page.getByRole('button', { name: 'Add comment' }).click()
  await expect(page.getByRole('heading', { name: /Comment 1 of 1, by you \(open\)/ })).toBeVisible()
  // Jump to the comment, then show its words in the text.
  await page.getByRole('button', { name: 'Next comment' }).click()
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Comment 1 of 1/ }) })).toBeFocused()
  await page.getByRole('button', { name: /Show in text/ }).click()
  expect(await text.evaluate((box: HTMLTextAreaElement) => box.value.slice(box.selectionStart, box.selectionEnd))).toBe(OPENING)
  await expectNoAxeViolations(page)

  // The student accepts the suggestion into version 2 and compares the versions.
  await switchTo(page, 'student')
  await (await navLink(page, 'Application documents')).click()
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('link', { name: 'Version 1', exact: true }).click()
  await expect(page.getByRole('heading', { name: /Comment 1 of 1, by Daniel Okafor/ })).toBeVisible()
  await page.getByLabel(/“My first patient” → “Mrs. Alvarez, my first patient,”/).check()
  await page.getByRole('button', { name: 'Accept into a new version' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${title}, version 2` })).toBeVisible()
  await expect(page.getByText('accepted into version 2')).toBeVisible()
  await page.getByRole('link', { name: 'Compare with the version before' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Version 1 compared with version 2' })).toBeVisible()
  const changes = page.getByRole('region', { name: 'Changes' })
  await expect(changes.locator('.materials-diff-text ins').first()).toContainText('Mrs. Alvarez')
  await expect(changes.locator('.materials-diff-text del').first()).toContainText('My')
  await expect(page.getByText(/Daniel Okafor suggested/)).toBeVisible()
  await expectNoAxeViolations(page)

  // At phone width the comparison fits without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
})
