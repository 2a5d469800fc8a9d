import { expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

test('a student edits interests and goals, reloads, and sees them', async ({ page }) => {
  await loginAs(page, 'student')
  await (await navLink(page, 'My profile')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Robinson' })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'Edit profile' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Edit your profile' })).toBeVisible()
  await expectNoAxeViolations(page)

  const student = page.getByRole('region', { name: 'Student profile' })
  const interests = student.getByRole('group', { name: 'Specialty interests' })
  const ranked = interests.getByRole('listitem')
  const before = await ranked.count()
  expect(before).toBeLessThan(5)

  await interests.getByLabel('Add a specialty').selectOption({ label: 'Pediatrics' })
  await interests.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(ranked).toHaveCount(before + 1)
  await expect(ranked.last()).toContainText('Pediatrics')

  // Up one place: focus stays on the moved item so a keyboard user can keep going.
  const up = interests.getByRole('button', { name: 'Move up: Pediatrics' })
  await up.click()
  await expect(ranked.nth(before - 1)).toContainText('Pediatrics')
  await expect(up).toBeFocused()

  const goals = `I want to care for children with chronic illness and their families. (${Date.now()})`
  await student.getByLabel('Career goals').fill(goals)
  await student.getByRole('checkbox', { name: 'Mock interviews' }).check()
  await student.getByRole('button', { name: 'Save student profile' }).click()
  await expect(student.getByRole('status')).toContainText('Your student profile was saved')
  await expectNoAxeViolations(page)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Edit your profile' })).toBeVisible()
  const reloaded = page.getByRole('region', { name: 'Student profile' })
  await expect(reloaded.getByLabel('Career goals')).toHaveValue(goals)
  await expect(reloaded.getByRole('checkbox', { name: 'Mock interviews' })).toBeChecked()
  await expect(
    reloaded
      .getByRole('group', { name: 'Specialty interests' })
      .getByRole('listitem')
      .nth(before - 1),
  ).toContainText('Pediatrics')

  await page.getByRole('link', { name: 'My profile' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Robinson' })).toBeVisible()
  await expect(page.getByText(goals)).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: /^Pediatrics$/ })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('a bad value shows its error at the field and in a summary that links to it', async ({ page }) => {
  await loginAs(page, 'student')
  await page.goto('/profile/edit')
  await expect(page.getByRole('heading', { level: 1, name: 'Edit your profile' })).toBeVisible()

  const student = page.getByRole('region', { name: 'Student profile' })
  const year = student.getByRole('textbox', { name: 'Expected graduation year' })
  await year.fill('1800')
  await student.getByRole('button', { name: 'Save student profile' }).click()

  const summary = student.getByRole('heading', { level: 2, name: 'Please fix the following' })
  await expect(summary).toBeVisible()
  const summaryLink = student.getByRole('link', { name: /Expected graduation year: Enter a number of at least 1990/ })
  await expect(summaryLink).toBeVisible()
  await expect(year).toHaveAttribute('aria-invalid', 'true')
  await expect(year).toHaveAccessibleDescription(/Enter a number of at least 1990/)
  await expectNoAxeViolations(page)

  await summaryLink.click()
  await expect(year).toBeFocused()

  // Fixing it clears the error on the next save.
  await year.fill('2028')
  await student.getByRole('button', { name: 'Save student profile' }).click()
  await expect(student.getByRole('status')).toContainText('Your student profile was saved')
  await expect(year).not.toHaveAttribute('aria-invalid', 'true')
})

test('a mentor capacity out of range is shown at its field', async ({ page }) => {
  await loginAs(page, 'mentor')
  await page.goto('/profile/edit#mentor')
  const mentor = page.getByRole('region', { name: 'Mentor profile' })
  await expect(mentor).toBeVisible()
  const capacity = mentor.getByRole('textbox', { name: 'How many mentees can you take?' })
  await capacity.fill('500')
  await mentor.getByRole('button', { name: 'Save mentor profile' }).click()
  await expect(mentor.getByRole('link', { name: /How many mentees|Capacity/ })).toBeVisible()
  await expect(capacity).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)
})

// The smallest valid PNG: one pixel.
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

test('a photo is previewed, saved, and can be removed again', async ({ page }) => {
  await loginAs(page, 'advisor')
  await page.goto('/profile/edit#photo')
  const photo = page.getByRole('region', { name: 'Photo' })
  await photo.getByLabel(/Choose a (new )?photo/).setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG })
  await expect(photo.getByRole('img', { name: 'Preview of your new photo' })).toBeVisible()
  await expectNoAxeViolations(page)

  await photo.getByRole('button', { name: 'Save this photo' }).click()
  await expect(photo.getByRole('status')).toContainText('Your new photo is saved.')
  await expect(photo.getByLabel('Choose a new photo')).toBeFocused()

  await photo.getByRole('button', { name: 'Remove photo' }).click()
  await expect(photo.getByRole('status')).toContainText('Your photo was removed.')
  await expect(photo.getByRole('button', { name: 'Remove photo' })).toHaveCount(0)
})
