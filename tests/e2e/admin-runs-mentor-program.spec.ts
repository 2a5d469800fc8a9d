import type { Page } from '@playwright/test'
import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

const DEMO_EMAILS = new Set<string>(Object.values(DEMO_ACCOUNTS).map((a) => a.email))

type Person = { id: string; email: string; name: string; roles: string[]; status: string }

/**
 * People from the demo school who hold one role only and are no demo account, taken from the
 * end of the list so this journey's mentorships do not meet the people other journeys use.
 */
async function pick(page: Page, role: 'student' | 'mentor', n: number): Promise<Person[]> {
  const response = await page.request.get(`/api/admin/people?role=${role}&status=active&pageSize=100&page=2`)
  expect(response.ok()).toBe(true)
  const { items } = (await response.json()) as { items: Person[] }
  const only = items.filter((p) => p.roles.length === 1 && !DEMO_EMAILS.has(p.email))
  expect(only.length).toBeGreaterThanOrEqual(n)
  if (role === 'student') return only.slice(-n)
  // Mentors with two open places, so the pairing can seat all three students.
  const roomy: Person[] = []
  for (const person of only.reverse()) {
    const entry = await page.request.get(`/api/directory/mentors/${person.id}`)
    if (entry.ok() && ((await entry.json()) as { openPlaces: number }).openPlaces >= 2) roomy.push(person)
    if (roomy.length === n) break
  }
  expect(roomy).toHaveLength(n)
  return roomy
}

test('an admin creates a mentor program, runs the pairing, changes a pair and publishes', async ({ page }) => {
  test.setTimeout(120_000)
  await loginAs(page, 'admin')
  const students = await pick(page, 'student', 3)
  const mentors = await pick(page, 'mentor', 2)
  const [ada, ben] = students as [Person, Person, Person]
  const [ames, baird] = mentors as [Person, Person]
  const name = `Journey near-peer mentoring ${Date.now()}`

  await (await navLink(page, 'Mentor programs')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mentor programs' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'M1 near-peer mentoring 2027' })).toBeVisible()
  await expectNoAxeViolations(page)

  // Create: a wrong e-mail is refused at its line; nothing is created.
  await page.getByRole('link', { name: 'New program' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New mentor program' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByRole('radio', { name: /Best total fit/ }).check()
  await page.getByLabel('Most students per mentor').fill('2')
  await page.getByLabel('More students (optional)').fill([...students.map((s) => s.email), 'nobody@demo.example.edu'].join('\n'))
  await page.getByLabel('Mentors', { exact: true }).fill(mentors.map((m) => `${m.email}, 2`).join('\n'))
  await page.getByRole('button', { name: 'Create program' }).click()
  await expect(page.getByText('Line 4: nobody@demo.example.edu: no active student has this e-mail.').first()).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByLabel('More students (optional)').fill(students.map((s) => s.email).join('\n'))
  await page.getByRole('button', { name: 'Create program' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Program created.' })).toBeVisible()
  await expectNoAxeViolations(page)

  // A conflict: Dr. Ames grades Ada; a line naming a stranger is reported, not fatal.
  await page.getByLabel('Add conflicts').fill(`${ada.email}, ${ames.email}, grades this student\nstranger@demo.example.edu, ${ames.email}`)
  await page.getByRole('button', { name: 'Add conflicts' }).click()
  await expect(page.getByText('1 conflict added; 1 line refused:')).toBeVisible()
  await expect(page.getByText(/Line 2 .*not a student of this program/)).toBeVisible()
  await expectNoAxeViolations(page)

  // Run: progress while it works, then the draft with every student and why.
  await page.getByRole('button', { name: 'Run pairing' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Pairing done: 3 of 3 students paired.' })).toBeVisible()
  const table = page.getByRole('table', { name: 'Draft pairs, one row per student' })
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(table.getByRole('row').filter({ hasText: ada.name })).toContainText(baird.name)
  await expectNoAxeViolations(page)
  await table.getByRole('button', { name: /Fit/ }).click()
  await expect(table.getByRole('columnheader', { name: /Fit/ })).toHaveAttribute('aria-sort', 'descending')

  // Change a pair: the conflict is refused and named; then Ben moves with a reason.
  await table.getByRole('button', { name: `Change the mentor of ${ada.name}` }).click()
  const dialog = page.getByRole('dialog', { name: `Change the mentor of ${ada.name}` })
  const amesLabel = await dialog.getByLabel('Mentor', { exact: true }).locator('option', { hasText: ames.name }).textContent()
  await dialog.getByLabel('Mentor', { exact: true }).selectOption({ label: amesLabel ?? '' })
  await dialog.getByLabel('Why').fill('Asked for this mentor at the fair')
  await dialog.getByRole('button', { name: 'Save pair' }).click()
  await expect(dialog.getByText('Conflict: grades this student. This pair must never be made.').first()).toBeVisible()
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  const benRow = table.getByRole('row').filter({ hasText: ben.name })
  const benMentor = (await benRow.textContent())?.includes(ames.name) ? ames : baird
  const other = benMentor === ames ? baird : ames
  await benRow.getByRole('button', { name: `Change the mentor of ${ben.name}` }).click()
  const benDialog = page.getByRole('dialog', { name: `Change the mentor of ${ben.name}` })
  const target = other
  const targetLabel = (await benDialog.getByLabel('Mentor', { exact: true }).locator('option', { hasText: target.name }).textContent()) ?? ''
  // The other mentor may have no seat left; then Ben is left unpaired instead, which is also a change.
  const full = targetLabel.endsWith('full')
  if (full) await benDialog.getByLabel('Mentor', { exact: true }).selectOption({ index: 0 })
  else await benDialog.getByLabel('Mentor', { exact: true }).selectOption({ label: targetLabel })
  await benDialog.getByLabel('Why').fill('Prefers a mentor at the children’s hospital')
  await benDialog.getByRole('button', { name: 'Save pair' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: full ? `${ben.name} is now unpaired.` : `${ben.name} is now paired with ${target.name}.` }),
  ).toBeVisible()
  await expect(table.getByRole('row').filter({ hasText: ben.name })).toContainText('Prefers a mentor at the children’s hospital')
  await expectNoAxeViolations(page)

  // Publish, with a confirmation that says what will happen.
  await page.getByRole('button', { name: 'Publish pairs…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Publish these pairs?' })
  await expect(confirm).toContainText('e-mails')
  await expectNoAxeViolations(page)
  await confirm.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /Published: \d+ mentorships? started/ })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Published pairs' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Publish pairs…' })).toHaveCount(0)
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'All programs' }).click()
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Published')
  await expectNoAxeViolations(page)
})

test('a student ranks a program’s mentors with the keyboard alone', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  await loginAs(page, 'admin')
  const mentors = await pick(page, 'mentor', 3)
  const name = `Journey ranking ${Date.now()}`
  const created = await page.request.post('/api/mentor-programs', {
    headers: { origin: baseURL ?? '' },
    data: {
      name,
      pairingMethod: 'student-ranks',
      maxPerMentor: 1,
      studentEmails: [DEMO_ACCOUNTS.student.email],
      mentors: mentors.map((m) => ({ email: m.email })),
    },
  })
  expect(created.status()).toBe(201)
  const { id } = (await created.json()) as { id: string }
  expect((await page.request.post(`/api/mentor-programs/${id}/open-ranking`, { headers: { origin: baseURL ?? '' } })).status()).toBe(200)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await loginAs(page, 'student')

  await (await navLink(page, 'Mentor programs')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My mentor programs' })).toBeVisible()
  await expectNoAxeViolations(page)
  // The demo's M3 program, which this student is in, is still a draft: the Office's alone.
  await expect(page.getByRole('link', { name: `Rank mentors for ${name}` })).toBeVisible()
  await expect(page.getByText('M3 specialty mentoring 2026')).toHaveCount(0)
  await page.getByRole('link', { name: `Rank mentors for ${name}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Rank your mentors' })).toBeVisible()
  await expectNoAxeViolations(page)

  // Add two mentors with Enter; focus moves to the next mentor's Add button.
  const addButtons = page.getByRole('button', { name: /^Add to my list: / })
  const first = ((await addButtons.nth(0).getAttribute('aria-label')) ?? '').replace('Add to my list: ', '')
  const second = ((await addButtons.nth(1).getAttribute('aria-label')) ?? '').replace('Add to my list: ', '')
  await addButtons.nth(0).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: `Add to my list: ${second}` })).toBeFocused()
  await page.keyboard.press('Enter')
  const order = page.getByRole('region', { name: 'Your order' }).getByRole('listitem')
  await expect(order).toHaveCount(2)
  await expect(order.nth(0)).toContainText(first)

  // Move the second up: it becomes first and keeps focus on its Down button (Up is now disabled).
  await page.getByRole('button', { name: `Move up: ${second}` }).focus()
  await page.keyboard.press('Enter')
  await expect(order.nth(0)).toContainText(second)
  await expect(page.getByRole('button', { name: `Move down: ${second}` })).toBeFocused()
  await expect(page.getByText(`${second} moved to choice 1 of 2.`)).toBeAttached()

  await page.getByRole('button', { name: 'Save my order' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Your order is saved: 2 mentors.' })).toBeVisible()
  await expectNoAxeViolations(page)
})
