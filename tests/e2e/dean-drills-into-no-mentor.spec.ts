import { readFile } from 'node:fs/promises'
import { readCsv } from '#shared/csv/read-csv.ts'
import { expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

// The demo's associate dean holds the school-wide scope (decision 015): the dashboard counts
// every student of the school, and each figure opens the students behind it.
test('the dean opens the school dashboard, drills into third-years with no mentor and exports them', async ({ page }) => {
  await loginAs(page, 'advisor')
  await (await navLink(page, 'School dashboard')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'School dashboard' })).toBeVisible()
  const thirdYears = page.getByRole('row', { name: /^Year 3 \(M3\)/ })
  const noMentor = thirdYears.getByRole('link', { name: /Year 3 \(M3\): no mentor$/ })
  await expect(noMentor).toBeVisible()
  await expect(page.getByRole('rowheader', { name: 'Whole school' })).toBeVisible()
  await expectNoAxeViolations(page)

  const counted = Number(((await noMentor.textContent()) ?? '').match(/^\d+/)?.[0])
  expect(counted).toBeGreaterThan(0)
  await noMentor.click()
  await expect(page.getByRole('heading', { level: 1, name: 'No mentor · Year 3 (M3)' })).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(`${counted} ${counted === 1 ? 'student' : 'students'}.`)
  const rows = page.getByRole('table').getByRole('row')
  await expect(rows).toHaveCount(counted + 1)
  await expect(page.getByRole('cell', { name: 'Year 3 (M3)' })).toHaveCount(counted)
  await expectNoAxeViolations(page)

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Export CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('students-no-mentor-M3.csv')
  const { records, errors } = readCsv(await readFile((await file.path()) as string, 'utf8'))
  expect(errors).toEqual([])
  expect(records[0]).toEqual(['name', 'email', 'class_year', 'mentors', 'empty_board_slots', 'last_meeting'])
  const students = records.slice(1)
  expect(students).toHaveLength(counted)
  expect(new Set(students.map((r) => r[2]))).toEqual(new Set(['M3']))
  expect(new Set(students.map((r) => r[3]))).toEqual(new Set(['0']))
  const shown = await page.getByRole('table').getByRole('rowheader').allInnerTexts()
  expect(students.map((r) => r[0])).toEqual(shown)

  // The same figures by group: the rule is stated, and a hidden group says so rather than showing a number.
  await page.getByRole('main').getByRole('link', { name: 'School dashboard' }).click()
  await page.getByRole('link', { name: 'Equity: the same figures by group' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Equity' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Small groups are not shown' })).toBeVisible()
  await expect(page.getByRole('img', { name: /No mentor: each group against everyone else, the whole school/ })).toBeVisible()
  await expect(page.getByText('not shown', { exact: true }).first()).toBeVisible()
  await expectNoAxeViolations(page)

  // The letters dashboard: status and dates only; "overdue" opens the students behind it when there are any.
  await page.getByRole('main').getByRole('link', { name: 'School dashboard' }).click()
  await page.getByRole('link', { name: 'Letters, reviews and mock interviews' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Letters dashboard' })).toBeVisible()
  await expect(page.getByRole('rowheader', { name: 'Letters overdue' })).toBeVisible()
  await expectNoAxeViolations(page)
  const overdue = page.getByRole('link', { name: /— letters overdue$/ })
  if ((await overdue.count()) > 0) {
    await overdue.click()
    await expect(page.getByRole('heading', { level: 1, name: 'Letters overdue' })).toBeVisible()
    await expectNoAxeViolations(page)
  }
})
