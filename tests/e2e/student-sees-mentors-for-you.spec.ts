import { callApi, expect, expectNoAxeViolations, loginAs, mainNav, navLink, test } from './fixtures.ts'

test('a student sees mentors for them on the home page, reads why, and opens a profile', async ({ page }) => {
  await loginAs(page, 'student')
  const section = page.getByRole('region', { name: 'Mentors for you' })
  const top = section.getByRole('list', { name: 'Top five mentors for you' })
  await expect(top.getByRole('listitem').first()).toBeVisible()
  await expect(top.getByRole('listitem')).toHaveCount(5)
  // Each suggestion says why in plain words.
  await expect(top.getByRole('listitem').first()).toContainText(/faculty|resident|near-peer|offers/)
  await expectNoAxeViolations(page)

  await section.getByRole('link', { name: 'See all your suggestions and why' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mentors for you' })).toBeVisible()
  await expect(mainNav(page).getByRole('link', { name: 'Mentors for you', includeHidden: true })).toHaveAttribute('aria-current', 'page')

  // The mentor team comes first: one card per stage the demo student has nobody for, each with why
  // and how to ask. Which stages are empty depends on what earlier journeys on this server did to
  // the demo student's board (the rules themselves are tested against every demo student in
  // seed-demo-school.db.test.ts), so the page is checked against the team the server computed.
  const expected = await callApi<{ stages: { label: string }[] }>(page, 'GET', '/api/recommendations/team')
  expect(expected.stages.length).toBeGreaterThanOrEqual(3)
  const team = page.getByRole('region', { name: 'Your mentor team' }).getByRole('list', { name: 'Your mentor team, one suggestion per stage' })
  const stages = team.getByRole('heading', { level: 3 })
  await expect(stages).toHaveText(expected.stages.map((stage) => stage.label))
  await expect(team.getByText(/your board has no/).first()).toBeVisible()
  await expect(team.getByRole('link', { name: /^Ask \S+ to mentor you \(.+\)$/ }).first()).toBeVisible()
  await expect(page.getByRole('list', { name: 'Opportunities for you, best fit first' }).getByRole('listitem').first()).toContainText(/places? left/)

  const list = page.getByRole('list', { name: 'Mentors for you, best fit first' })
  await expect(list.getByRole('listitem').first()).toBeVisible()
  expect(await list.getByRole('listitem').count()).toBeGreaterThan(5)
  await expectNoAxeViolations(page)

  // "Why this order?" opens from the keyboard and shows the points behind the score.
  const first = list.getByRole('listitem').first()
  const why = first.getByText('Why this order?')
  await why.focus()
  await page.keyboard.press('Enter')
  const table = first.getByRole('table', { name: /score adds up/ })
  await expect(table).toBeVisible()
  await expect(table.getByRole('rowheader', { name: 'Total' })).toBeVisible()
  await expectNoAxeViolations(page)

  // "Challenge me", from the keyboard: kept in the address; the team still has its stages.
  const challenge = page.getByRole('checkbox', { name: /Prefer mentors who will challenge me/ })
  await challenge.focus()
  await page.keyboard.press('Space')
  await expect(page).toHaveURL(/challenge=true/)
  await expect(page.getByRole('status').filter({ hasText: 'Searching…' })).toHaveCount(0)
  await expect(stages).toHaveCount(expected.stages.length)
  await expect(team.getByText(/says they will challenge you/).first()).toBeVisible()

  // The name leads to the mentor's directory profile.
  const name = first.getByRole('heading', { level: 3 }).getByRole('link')
  const mentorName = (await name.textContent()) ?? ''
  await name.click()
  await expect(page).toHaveURL(/\/mentors\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { level: 1, name: mentorName })).toBeVisible()
  await expectNoAxeViolations(page)
  // Back to the list it was opened from, not to the directory.
  await page.getByRole('link', { name: '← Back to Mentors for you' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mentors for you' })).toBeVisible()
})

test('an admin reads the weights behind the suggestions', async ({ page }) => {
  await loginAs(page, 'admin')
  await (await navLink(page, 'Recommendations')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Recommendation weights' })).toBeVisible()
  const table = page.getByRole('table', { name: 'Weights of “Mentors for you”' })
  await expect(table.getByRole('row', { name: /Specialty 30/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /Load 10 Subtracts/ })).toBeVisible()
  await expectNoAxeViolations(page)
})
