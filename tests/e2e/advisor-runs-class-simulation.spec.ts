import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

// The demo advisor advises the demo's final-year student (the near-peer account), who has a
// rank order list; the advisor's other final-year students have none yet.
const student = DEMO_ACCOUNTS['near-peer']

test('an advisor runs the class simulation, leaves the page, comes back and reads the results with the chart', async ({ page }) => {
  await loginAs(page, 'advisor')
  await (await navLink(page, 'Class simulation')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Class simulation' })).toBeVisible()
  await expect(page.getByText(/with a rank order list/)).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByLabel('Runs').selectOption('200')
  await expect(page.getByText(/Estimated time for \d+ students?: about/)).toBeVisible()
  await page.getByRole('button', { name: 'Start simulation' }).click()

  // The run's page: a progress bar while it runs (or, on a fast machine, already the results).
  const results = page.getByRole('heading', { level: 1, name: 'Class simulation results' })
  const progress = page.getByRole('progressbar', { name: 'Progress' })
  await expect(progress.or(results)).toBeVisible()
  if (await progress.isVisible()) {
    await expect(page.getByText(/Drawing simulated national markets: \d+ of \d+ ready|of 200 runs|Waiting for another simulation/)).toBeVisible()
    await expectNoAxeViolations(page)
  }

  // Leave and come back through the menu: the run is listed and opens again.
  await (await navLink(page, 'Home')).click()
  await (await navLink(page, 'Class simulation')).click()
  const run = page.getByRole('link', { name: /students, 200 runs$/ }).first()
  await expect(run).toBeVisible()
  await run.click()

  await expect(results).toBeVisible({ timeout: 45_000 })
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: student.name }) })
  await expect(row).toContainText(/\d+ %/)
  await expect(row).toContainText('7 programs')
  // A short list is a risk only while the chance of matching leaves doubt (below 95 %).
  const chance = Number(/(\d+) %/.exec((await row.getByRole('cell').nth(1).textContent()) ?? '')?.[1])
  if (chance < 95) await expect(row).toContainText('Short list')
  else await expect(row).not.toContainText('Short list')
  await expect(page.getByRole('img', { name: /Where students matched on their lists/ })).toBeVisible()
  await expectNoAxeViolations(page)

  // The results download as a CSV file, one row per student.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download the results (CSV)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^class-simulation-\d{4}-\d{2}-\d{2}\.csv$/)
  const { readFile } = await import('node:fs/promises')
  const csv = await readFile((await file.path()) as string, 'utf8')
  expect(csv.split('\r\n')[0]).toBe(
    'student,specialties,list_source,list_length,p_match,p_match_low,p_match_high,p_top3,expected_rank,reach,target,likely,at_risk,flags',
  )
  expect(csv).toContain(`${student.name},`)

  // The chart's figures as a table, and the table sorted by a header button.
  await page.getByText('The figures as a table').first().click()
  await expect(page.getByRole('columnheader', { name: 'Share of student-runs' })).toBeVisible()
  await page.getByRole('button', { name: 'Student', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: /Student/ }).first()).toHaveAttribute('aria-sort', 'ascending')
  await expectNoAxeViolations(page)
})
