import { expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

const HEADER = 'match_year,graduate_id,applicant_type,specialty,step2,step1,program_id,interviewed,matched_program_id'

const csvFile = (text: string) => ({ name: 'past-outcomes.csv', mimeType: 'text/csv', buffer: Buffer.from(text) })

test('an admin checks a past-outcomes file, imports a year, recalibrates the list builder and reads the report', async ({ page }) => {
  test.setTimeout(120_000)
  await loginAs(page, 'admin')
  await (await navLink(page, 'List builder calibration')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'List builder calibration' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Past outcomes by match year' })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'Import past outcomes (CSV)' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import past outcomes' })).toBeVisible()
  await expectNoAxeViolations(page)

  // A file with problems: each is listed with its row and column, and nothing can be imported.
  await page
    .getByLabel('CSV file')
    .setInputFiles(
      csvFile(
        `${HEADER}\n2015,E-1,us-md,internal-medicine,251,pass,NO-SUCH-PROGRAM,yes,\n2015,E-2,martian,internal-medicine,240,pass,NO-SUCH-PROGRAM,maybe,\n`,
      ),
    )
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByRole('heading', { name: 'Checked: the file has problems' })).toBeFocused()
  const problems = page.getByRole('region', { name: 'Problems found' })
  await expect(problems.getByRole('row', { name: /2 program_id Unknown program id "NO-SUCH-PROGRAM"/ })).toBeVisible()
  await expect(problems.getByRole('row', { name: /3 applicant_type Unknown applicant type "martian"/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0)
  await expectNoAxeViolations(page)

  // A clean file for a year the school has not stored yet: two graduates at real programs.
  const search = await page.request.get('/api/residency-programs?specialty=internal-medicine')
  const ids = ((await search.json()) as { items: { id: string }[] }).items.map((p) => p.id)
  const [a, b] = ids as [string, string]
  const good = [
    HEADER,
    `2015,E-1,us-md,internal-medicine,251,pass,${a},yes,${a}`,
    `2015,E-1,us-md,internal-medicine,251,pass,${b},no,${a}`,
    `2015,E-2,us-do,internal-medicine,236,pass,${b},yes,`,
  ].join('\n')
  await page.getByLabel('CSV file').setInputFiles(csvFile(good))
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByRole('heading', { name: 'Checked: ready to import' })).toBeFocused()
  await expect(page.getByRole('row', { name: /2015 2 3 2 1 nothing \(new year\)/ })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Import 2 graduates' }).click()
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeFocused()

  // Recalibrate on every stored year; the report comes back switched off.
  await page.getByRole('link', { name: 'Recalibrate the list builder' }).click()
  await expect(page.getByRole('row', { name: /^2015 2 3 2 1/ })).toBeVisible()
  await page.getByRole('button', { name: 'Recalibrate' }).click()
  await expect(page.getByText('Calibration ready: the report is below.')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('heading', { level: 2, name: /^Report: calibration of/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: /Brier scores on the held-out years/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /Interviews: predicted against observed by decile/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /Matching: predicted against observed by decile/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Use this calibration in the list builder' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByText('Show the interviews figures as a table').click()
  await expect(page.getByRole('table', { name: /Interviews: predicted against observed by decile/ })).toBeVisible()
  await expectNoAxeViolations(page)
})
