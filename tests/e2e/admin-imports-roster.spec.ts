import { expect, expectNoAxeViolations, loginAs, navLink, pressUntilFocused, test } from './fixtures.ts'

const csvFile = (text: string) => ({ name: 'class-roster.csv', mimeType: 'text/csv', buffer: Buffer.from(text) })
const HEADER = 'school_id,name,email,class_year,expected_graduation,track,house'

test('an admin imports a roster with errors, fixes it, applies it, and previews the year-end rollover', async ({ page }) => {
  await loginAs(page, 'admin')
  await (await navLink(page, 'Class roster')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Class roster' })).toBeVisible()

  // A file with problems: each one named by row and column, and nothing can be applied.
  const suffix = Date.now().toString(36)
  const good = (i: number) => `R-${suffix}-${i},Journey Student ${i},journey.${suffix}.${i}@school.example.edu,1,,MD,Osler`
  await page.getByLabel('CSV file').setInputFiles(csvFile([HEADER, good(1), `R-${suffix}-2,Journey Student 2,not-an-address,1,,MD,Osler`, good(3)].join('\n')))
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByRole('heading', { name: 'Checked: the file has problems' })).toBeFocused()
  await expect(page.getByRole('listitem').filter({ hasText: 'Row 3, e-mail: "not-an-address" is not an address.' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0)
  await expectNoAxeViolations(page)

  // Fixed: three students to invite; the students on record who are not in the file are listed and kept.
  await page.getByLabel('CSV file').setInputFiles(csvFile([HEADER, good(1), good(2), good(3)].join('\n')))
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByRole('heading', { name: 'Checked: ready to apply' })).toBeFocused()
  await expect(page.getByText(/On record but not in the file \(kept\) \(\d+\)/)).toBeVisible()
  await page.getByText('Will be invited (3)').click()
  await expect(page.getByRole('row', { name: new RegExp(`journey\\.${suffix}\\.2@school\\.example\\.edu Year 1 \\(M1\\)`) })).toBeVisible()
  await page.getByRole('button', { name: 'Apply: invite 3, change 0' }).click()
  await expect(page.getByRole('heading', { name: 'Roster applied' })).toBeFocused()
  await expect(page.getByText('Done: the roster is up to date')).toBeVisible()

  // The same file again changes nothing.
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByRole('heading', { name: 'Checked: ready to apply' })).toBeFocused()
  await expect(page.getByText('Everyone in the file is already up to date: there is nothing to apply.')).toBeVisible()

  // The year-end rollover, by keyboard: a preview of every class, then a confirmation that Escape cancels.
  await pressUntilFocused(page, page.getByRole('button', { name: 'Preview the rollover' }))
  await page.keyboard.press('Enter')
  const perClass = page.getByRole('table', { name: 'Students per class, before and after' })
  await expect(perClass).toBeVisible()
  await expect(perClass.getByRole('row', { name: /^Graduated \(alumni\) – \d+$/ })).toBeVisible()
  await expectNoAxeViolations(page)
  const run = page.getByRole('button', { name: /^Move the classes up for \d{4}-\d{4}$/ })
  await pressUntilFocused(page, run)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: /Move the classes up for/ })
  await expect(dialog.getByText(/students? move up a year and \d+ students? graduate/)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(run).toBeFocused()
})
