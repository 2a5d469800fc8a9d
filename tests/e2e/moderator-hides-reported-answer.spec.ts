import type { Page } from '@playwright/test'
import type { QuestionView } from '#shared/contracts/community.ts'
import { callApi, expect, expectNoAxeViolations, loginAs, navLink, test, type DemoRole } from './fixtures.ts'

async function switchTo(page: Page, role: DemoRole) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await loginAs(page, role)
}

test('a student reports an answer by keyboard, a moderator hides it with a note, and it is gone for everyone but its author', async ({ page }) => {
  test.setTimeout(90_000)
  const title = `Which Step 2 resources did you use? ${Date.now()}`
  const unkind = 'Honestly, if you need to ask this you will not match.'

  await loginAs(page, 'student')
  const asked = await callApi<QuestionView>(page, 'POST', '/api/community/questions', { board: 'topic:application-strategy', title, body: 'Two months out.' })
  await switchTo(page, 'near-peer')
  await callApi(page, 'POST', `/api/community/questions/${asked.id}/answers`, { body: unkind })

  await switchTo(page, 'student')
  await page.goto(`/community/questions/${asked.id}`)
  const answer = page.getByRole('listitem').filter({ hasText: unkind })
  await answer.getByRole('button', { name: 'Report' }).press('Enter')
  const reason = answer.getByLabel('What is wrong with this answer?')
  await expect(reason).toBeFocused()
  await reason.fill('Unkind and discouraging.')
  await answer.getByRole('button', { name: 'Send report' }).click()
  await expect(answer.getByText('Thank you: the moderators will look at it.')).toBeVisible()
  await expectNoAxeViolations(page)

  await switchTo(page, 'advisor')
  await (await navLink(page, 'Community')).click()
  await page.getByRole('link', { name: 'Moderation queue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Community moderation' })).toBeVisible()
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(item).toContainText('Unkind and discouraging.')
  await expectNoAxeViolations(page)
  await item.getByRole('button', { name: 'Hide this answer' }).click()
  await item.getByLabel('Note to the author').fill('Please keep answers kind; say what helped you instead.')
  await item.getByRole('button', { name: 'Hide answer' }).click()
  await expect(page.getByRole('link', { name: title })).toHaveCount(0)

  await switchTo(page, 'student')
  await page.goto(`/community/questions/${asked.id}`)
  await expect(page.getByRole('heading', { name: '0 answers' })).toBeVisible()
  await expect(page.getByText(unkind)).toHaveCount(0)

  await switchTo(page, 'near-peer')
  await page.goto(`/community/questions/${asked.id}`)
  await expect(page.getByText('Hidden by a moderator: Please keep answers kind; say what helped you instead.')).toBeVisible()
})
