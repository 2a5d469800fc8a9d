import { expect, expectNoAxeViolations, findOnOutbox, homeHeading, loginAs, navLink, test } from './fixtures.ts'

test('an admin invites a new person, who accepts from the e-mail and lands on their home', async ({ page }) => {
  // Nine steps, each with an axe scan; on a busy machine that is more than the default minute.
  test.slow()
  const stamp = Date.now()
  const name = `Rosa Invitee${stamp}`
  const email = `rosa.invitee.${stamp}@demo.example.edu`

  await loginAs(page, 'admin')
  await (await navLink(page, 'Manage people')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Manage people' })).toBeVisible()
  await expectNoAxeViolations(page)

  const invite = page.getByRole('region', { name: 'Invite someone' })
  await invite.getByRole('button', { name: 'Send invitation' }).click()
  await expect(invite.getByRole('heading', { name: 'Please fix the following' })).toBeVisible()
  await expectNoAxeViolations(page)

  await invite.getByLabel('Full name').fill(name)
  await invite.getByLabel('E-mail').fill(email)
  await invite.getByRole('checkbox', { name: 'Student' }).check()
  await invite.getByRole('button', { name: 'Send invitation' }).click()
  await expect(invite.getByRole('status')).toContainText(`Invitation sent to ${name}`)

  // The new person is listed as invited.
  await page.getByRole('searchbox', { name: 'Name or e-mail' }).fill(email)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  const row = page.getByRole('row').filter({ hasText: email })
  await expect(row).toContainText('Invited')
  await expectNoAxeViolations(page)

  await (await navLink(page, 'Outbox')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible()
  const message = await findOnOutbox(page, email)
  await expect(message).toBeVisible()
  await expectNoAxeViolations(page)
  const link = message.getByRole('link', { name: /\/auth\/invite\?token=/ })
  const href = await link.getAttribute('href')
  expect(href).toBeTruthy()
  // The e-mail carries the server's public address; follow its path on the app under test.
  const invitePath = new URL(href ?? '').pathname + new URL(href ?? '').search

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()

  await page.goto(invitePath)
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Preceptor' })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByLabel('New password').fill('short')
  await page.getByRole('button', { name: 'Set password and continue' }).click()
  await expect(page.getByRole('link', { name: /New password: Use at least 12 characters/ })).toBeVisible()
  await expectNoAxeViolations(page)

  const password = 'a calm and memorable passphrase'
  await page.getByLabel('New password').fill(password)
  await page.getByLabel('Confirm password').fill(password)
  await page.getByRole('button', { name: 'Set password and continue' }).click()

  await expect(homeHeading(page, 'Rosa')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Your account is ready' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText(name)
  await expect(page.getByRole('heading', { level: 2, name: 'As a student' })).toBeVisible()
  await expectNoAxeViolations(page)

  // The link worked once; opening it again explains why it no longer does.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await page.goto(invitePath)
  await page.getByLabel('New password').fill(password)
  await page.getByLabel('Confirm password').fill(password)
  await page.getByRole('button', { name: 'Set password and continue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'This invitation can’t be used' })).toBeVisible()
  await expectNoAxeViolations(page)
})
