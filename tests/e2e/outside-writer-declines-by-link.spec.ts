import { expect, expectNoAxeViolations, findOnOutbox, loginAs, navLink, test } from './fixtures.ts'

/** A date `days` from today on the browser's calendar, as a date field takes it. */
function dateIn(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

test('an outside writer reads the e-mail, follows the link and declines; the student sees why; the Office sees the writer’s address', async ({ page }) => {
  test.setTimeout(180_000)
  const stamp = Date.now()
  const writerName = `Dr. Sam Okoye ${stamp}`
  const writerEmail = `sam.okoye.${stamp}@example.org`

  await loginAs(page, 'student')
  await (await navLink(page, 'Letters')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My letters' })).toBeVisible()
  const application = page.getByRole('navigation', { name: 'Your application' })
  await expect(application.getByRole('link', { name: 'Your advising board' })).toHaveAttribute('href', '/advising')
  await expect(application.getByRole('link', { name: 'Your rank order list' })).toHaveAttribute('href', '/residency/rank-list')

  await page.getByRole('link', { name: 'Request a letter' }).click()
  await page.getByRole('radio', { name: /Someone outside Preceptor/ }).check()
  // A name is a name: a web address in it is refused at the field.
  await page.getByLabel('Writer’s name').fill('Dr. Prize https://win.example/claim')
  await page.getByLabel('Writer’s e-mail').fill(writerEmail)
  await page.getByRole('radio', { name: 'General use' }).check()
  await page.getByRole('radio', { name: /Standard letter/ }).check()
  await page.getByLabel('Due date').fill(dateIn(270))
  await page.getByRole('radio', { name: /No, I keep/ }).check()
  await page.getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByRole('link', { name: /Writer’s name: Give a name only/ })).toBeVisible()
  await page.getByLabel('Writer’s name').fill(writerName)
  await page.getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My letters' })).toBeVisible()
  const card = page.getByRole('article', { name: new RegExp(writerName) })
  // No nudge the minute a request is sent: the page says when one becomes possible.
  await expect(card.getByRole('button', { name: /Nudge/ })).toHaveCount(0)
  await expect(card).toContainText(`Give ${writerName} a week to answer`)
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await loginAs(page, 'admin')
  await (await navLink(page, 'Outbox')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible()
  const email = await findOnOutbox(page, writerEmail)
  await expect(email).toBeVisible()
  // Dates in words, and a link that lasts past the due date nine months away.
  await expect(email).not.toContainText(/\d{4}-\d{2}-\d{2}/)
  await expect(email).toContainText(/due (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}/)
  await expect(email).toContainText(/decline/)
  const href = await email
    .getByRole('link', { name: /\/letters\/upload\// })
    .first()
    .getAttribute('href')
  const uploadPath = new URL(href ?? '').pathname

  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.goto(uploadPath)
  await expect(page.getByRole('heading', { level: 1, name: 'Upload a letter of recommendation' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByLabel(/Message to .* \(optional\)/).fill('I am on sabbatical this year; please ask Dr. Reyes.')
  await page.getByRole('button', { name: 'Decline the request' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'You declined the request' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.goto(uploadPath)
  await expect(page.getByRole('heading', { level: 1, name: 'This upload link can’t be used' })).toBeVisible()

  await loginAs(page, 'student')
  await (await navLink(page, 'Letters')).click()
  const declined = page.getByRole('region', { name: /Declined or withdrawn/ }).getByRole('article', { name: new RegExp(writerName) })
  await expect(declined).toContainText('Declined')
  await expect(declined).toContainText('I am on sabbatical this year')

  await page.getByRole('button', { name: 'Sign out' }).click()
  await loginAs(page, 'admin')
  await page.goto('/admin/letters?status=declined')
  await expect(page.getByRole('heading', { level: 1, name: 'Letter delivery' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: writerName })).toContainText(writerEmail)
  await expectNoAxeViolations(page)
})
