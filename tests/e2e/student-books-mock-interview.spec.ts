import type { Page } from '@playwright/test'
import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, findOnOutbox, loginAs, navLink, test, type DemoRole } from './fixtures.ts'

async function switchTo(page: Page, role: DemoRole) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await loginAs(page, role)
}

/** The page path of the first mock-interview link in an e-mail on the Outbox. */
async function linkIn(page: Page, text: string): Promise<string> {
  const email = await findOnOutbox(page, text)
  const link = (await email.textContent())?.match(/https?:\/\/\S+\/mock-interviews\/bookings\/[0-9a-f-]{36}/)?.[0]
  expect(link, `the e-mail "${text}" links to the mock`).toBeTruthy()
  return new URL(link ?? '').pathname
}

test('a student books a mock, the interviewer scores one on a phone by keyboard, and the student and their advisor read the feedback beside the adjusted score', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const student = DEMO_ACCOUNTS.student.name
  const interviewer = DEMO_ACCOUNTS.mentor.name

  // The student books the soonest free slot of the demo mentor.
  await loginAs(page, 'student')
  await (await navLink(page, 'Mock interviews')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mock interviews' })).toBeVisible()
  await expect(page.getByText(/You have booked \d of the 3 mock interviews/)).toBeVisible()
  await page
    .getByRole('button', { name: new RegExp(`^Book the mock interview with ${interviewer}`) })
    .first()
    .click()
  await expect(page.getByText(/^Booked: .* The invite is in your e-mail\./)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Coming up' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Cancel the mock interview of / })).toBeVisible()
  await expectNoAxeViolations(page)

  // Both sides are e-mailed an invite; each link opens the mock for its reader.
  await switchTo(page, 'admin')
  const forStudent = await linkIn(page, `with ${interviewer},`)
  const forInterviewer = await linkIn(page, `with ${student},`)
  expect(forInterviewer).toBe(forStudent)

  // The interviewer, on a phone: yesterday's mock with the student is waiting for scores.
  await switchTo(page, 'mentor')
  await page.goto(forInterviewer)
  await expect(page.getByRole('heading', { level: 1, name: `Mock interview with ${student}` })).toBeVisible()
  await expect(page.getByText('You can score this mock interview once it has begun.')).toBeVisible()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/mock-interviews/interviewing')
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for your scores' })).toBeVisible()
  await page.getByRole('link', { name: `Score it (mock interview with ${student})` }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Score this mock interview' })).toBeVisible()

  // Saving with nothing chosen names every competency; then each level is chosen by keyboard.
  await page.getByRole('button', { name: 'Save scores and feedback' }).click()
  const summary = page.getByRole('group', { name: 'Please fix the following' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: 'Communication: Choose a level.' })).toBeVisible()
  await expectNoAxeViolations(page)
  const levels: Record<string, string> = {
    'Tell me about yourself': '4 · Strong',
    Communication: '4 · Strong',
    Professionalism: '5 · Outstanding',
    'Insight into the specialty': '3 · Competent',
    'A difficult question': '4 · Strong',
  }
  for (const [competency, level] of Object.entries(levels)) {
    const radio = page.getByRole('group', { name: competency }).getByRole('radio', { name: new RegExp(`^${level}`) })
    await radio.focus()
    await page.keyboard.press('Space')
    await expect(radio).toBeChecked()
  }
  await page
    .getByLabel('Feedback for the student')
    .fill('Your opening was clear and under two minutes. Next time, name one concrete difference between the specialties you considered.')
  await page.getByRole('button', { name: 'Save scores and feedback' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Saved. ${student} can read your scores and feedback now.`)).toBeVisible()

  // The student reads the feedback, the raw score and the score adjusted for the interviewer.
  await page.setViewportSize({ width: 1280, height: 900 })
  await switchTo(page, 'student')
  await (await navLink(page, 'Mock interviews')).click()
  const past = page.getByRole('region', { name: 'Feedback and scores' })
  await past
    .getByRole('link', { name: new RegExp(`with ${interviewer}$`) })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your mock interview' })).toBeVisible()
  await expect(page.getByText('name one concrete difference between the specialties')).toBeVisible()
  await expect(page.getByText('Raw score')).toBeVisible()
  await expect(page.getByRole('definition').first()).toContainText('4.0')
  await expect(page.getByText(new RegExp(`${interviewer} tends to score [0-9.]+ points? above the other interviewers`))).toBeVisible()
  await expectNoAxeViolations(page)

  // The booked one opens from the student's e-mail too.
  await page.goto(forStudent)
  await expect(page.getByRole('heading', { level: 1, name: 'Your mock interview' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancel this mock interview' })).toBeVisible()

  // The student's advisor opens the student from their board and reads the same mocks and feedback (audited).
  await switchTo(page, 'advisor')
  await page.goto('/advising/students')
  await page.getByRole('link', { name: student }).first().click()
  await page.getByRole('link', { name: `See ${student}’s mock interviews` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${student}’s mock interviews` })).toBeVisible()
  await expect(page.getByText('name one concrete difference between the specialties')).toBeVisible()
  await expectNoAxeViolations(page)
})
