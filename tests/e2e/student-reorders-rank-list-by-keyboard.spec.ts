import { callApi, expect, expectNoAxeViolations, loginAs, navLink, pressUntilFocused, test } from './fixtures.ts'

type Program = { id: string; name: string; city: string }

test('a student reorders their rank order list with the keyboard alone, and the order stays after a reload', async ({ page }) => {
  await loginAs(page, 'student')

  // Four programs on Maya's list (no other journey touches her rank list).
  const found = await callApi<{ items: Program[] }>(page, 'GET', '/api/rank-lists/programs?q=Internal%20Medicine')
  const programs = found.items.filter((p, i, all) => all.findIndex((q) => q.name === p.name) === i).slice(0, 4)
  expect(programs).toHaveLength(4)
  const mine = await callApi<{ version: number }>(page, 'GET', '/api/rank-lists/me')
  await callApi(page, 'PUT', '/api/rank-lists/me', { expectedVersion: mine.version, primary: programs.map((p) => ({ programId: p.id, note: '' })) })
  const [first, second, third, fourth] = programs as [Program, Program, Program, Program]

  await (await navLink(page, 'Rank order list')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My rank order list' })).toBeVisible()
  await expect(page.getByText('Rank programs in the order you want them.')).toBeVisible()
  const list = page.getByRole('list', { name: 'Your rank order list, first choice first' })
  await expect(list.getByRole('listitem')).toHaveCount(4)
  await expectNoAxeViolations(page)

  // Tab to the first program's "Move down" button and press Enter: it moves to rank 2.
  await pressUntilFocused(page, page.getByRole('button', { name: `Move down: ${first.name}`, exact: true }))
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Moved ${first.name} to rank 2 of 4.`)).toBeVisible()
  await expect(page.getByRole('button', { name: `Move down: ${first.name}`, exact: true })).toBeFocused()

  // Alt+Arrow Down anywhere in the line moves it again.
  await page.keyboard.press('Alt+ArrowDown')
  await expect(page.getByText(`Moved ${first.name} to rank 3 of 4.`)).toBeVisible()
  await expect(page.getByText('All changes saved')).toBeVisible()
  await expect(page.getByText(/version \d+/)).toHaveCount(0)
  const expected = [second, third, first, fourth].map((p) => p.name)
  await expect(list.locator('.rol-program-name')).toHaveText(expected)
  await expectNoAxeViolations(page)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'My rank order list' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Your rank order list, first choice first' }).locator('.rol-program-name')).toHaveText(expected)
  await expectNoAxeViolations(page)

  // Remove by keyboard: focus moves to Undo (not to the next Remove), and Undo puts the line back in place.
  await page.getByRole('button', { name: `Remove: ${third.name}`, exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Removed ${third.name} from the list. Undo puts it back.`)).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(3)
  const undo = page.getByRole('button', { name: 'Undo' })
  await expect(undo).toBeFocused()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Enter')
  await expect(list.locator('.rol-program-name')).toHaveText(expected)
  await expect(undo).toHaveCount(0)

  // Find another program by words from different fields, in any order: its city and its specialty.
  const emergency = await callApi<{ items: Program[] }>(page, 'GET', '/api/rank-lists/programs?q=emergency')
  const target = emergency.items.find((p) => p.city && !p.name.toLowerCase().includes(p.city.toLowerCase())) ?? emergency.items[0]
  expect(target).toBeTruthy()
  await page.getByLabel('Find another program').fill(`${target!.city.split(' ')[0]} emergency`)
  await expect(page.getByRole('button', { name: `Add ${target!.name} to my list` })).toBeVisible()

  // No advisor comment yet: the student writes to their advisor, not "replies".
  await expect(page.getByLabel('Ask your advisor about your list')).toBeVisible()
})
