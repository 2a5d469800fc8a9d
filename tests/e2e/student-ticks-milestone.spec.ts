import { expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

test('the demo student sees their career timeline, ticks a late milestone, and it moves to done', async ({ page }) => {
  await loginAs(page, 'student')
  // The timeline sits on the home page, right after "Needs you now".
  const home = page.getByRole('region', { name: 'Your career timeline' })
  await expect(home.getByText(/^Class of \d{4}: \d+ of \d+ milestones done/)).toBeVisible()
  await expect(home.getByRole('heading', { name: 'Do now' })).toBeVisible()
  await expectNoAxeViolations(page)

  await (await navLink(page, 'Career timeline')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your career timeline' })).toBeVisible()
  const doNow = page.getByRole('region', { name: 'Do now' })
  // The demo leaves a required milestone late whatever day it is seeded.
  const late = doNow
    .getByRole('listitem')
    .filter({ hasText: 'Late' })
    .filter({ has: page.getByRole('button', { name: /^Mark as done/ }) })
    .first()
  await expect(late).toContainText(/Was due by .+ \(end of \w+ of Year \d\)/)
  const title = (await late.locator('.milestone-title [id]').textContent()) ?? ''
  expect(title).not.toBe('')
  await expectNoAxeViolations(page)

  await late.getByRole('button', { name: `Mark as done: ${title}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `${title}: marked as done.` })).toBeVisible()
  // Gone from "Do now"; done in its year, with the day it was ticked.
  await expect(doNow.getByRole('listitem', { name: title })).toHaveCount(0)
  const done = page.getByRole('listitem', { name: title })
  await expect(done).toContainText('Done')
  await expect(done).toContainText(/Done: you ticked it on /)
  await expect(done.getByRole('button', { name: `Undo: ${title} is not done yet` })).toBeVisible()
  await expectNoAxeViolations(page)

  // At phone width the same page reads top to bottom, without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  await expect(page.getByRole('listitem', { name: title })).toContainText(/Done: you ticked it on /)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await expectNoAxeViolations(page)
})
