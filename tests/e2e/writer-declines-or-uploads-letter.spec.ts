import { makePdf } from '../setup/pdf.ts'
import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, loginAs, navLink, test, type DemoRole } from './fixtures.ts'
import type { Page } from '@playwright/test'

function dateIn(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

const pdfFile = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) })

async function switchTo(page: Page, role: DemoRole) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await loginAs(page, role)
}

/** The demo student asks the demo mentor through the form: the demo data has no letter requests. */
async function requestFromDemoMentor(page: Page, programName: string, waive: boolean) {
  const mentor = DEMO_ACCOUNTS.mentor.name
  await page.goto('/letters/new')
  await expect(page.getByRole('heading', { level: 1, name: 'Request a letter' })).toBeVisible()
  await page.getByRole('radio', { name: /A mentor in Preceptor/ }).check()
  await page.getByLabel('Find a mentor').fill(mentor)
  await page
    .getByRole('group', { name: 'Mentor' })
    .getByRole('radio', { name: new RegExp(`^${mentor}`) })
    .check()
  await expectNoAxeViolations(page)
  await page.getByRole('radio', { name: 'A named program' }).check()
  await page.getByLabel('Program', { exact: true }).fill(programName)
  await page.getByRole('radio', { name: /Standard letter/ }).check()
  await page.getByLabel('Due date').fill(dateIn(50))
  await page.getByLabel('Talking points (optional)').fill('Cardiology sub-internship; the heart failure readmissions project.')
  await page.getByRole('radio', { name: waive ? /Yes, I waive/ : /No, I keep/ }).check()
  await page.getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Your request was sent to ${mentor}` })).toBeVisible()
}

test('the demo mentor declines one request, accepts another and uploads the letter from their Letters page', async ({ page }) => {
  test.setTimeout(90_000)
  const stamp = Date.now()
  const declined = `Lakeside Internal Medicine ${stamp}`
  const accepted = `Riverside Internal Medicine ${stamp}`
  const student = DEMO_ACCOUNTS.student.name
  const mentor = DEMO_ACCOUNTS.mentor.name

  await loginAs(page, 'student')
  await requestFromDemoMentor(page, declined, true)
  await requestFromDemoMentor(page, accepted, false)

  await switchTo(page, 'mentor')
  await expect(page.getByText(/Letters:.*letter requests? \(\d+ to answer\), next due/)).toBeVisible()
  await (await navLink(page, 'Letters to write')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Letters to write' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /Your letters this season/ })).toBeVisible()
  // The counts above the lists count what the lists hold.
  const load = page.getByRole('region', { name: /Your letters this season/ })
  const toAnswer = await page
    .getByRole('region', { name: /Waiting for your answer/ })
    .getByRole('article')
    .count()
  const toWrite = await page
    .getByRole('region', { name: /To write/ })
    .getByRole('article')
    .count()
  await expect(load.getByRole('definition').nth(1)).toHaveText(String(toAnswer + toWrite))
  await expectNoAxeViolations(page)

  const waiting = page.getByRole('region', { name: /Waiting for your answer/ })
  const first = waiting.getByRole('article').filter({ hasText: declined })
  await first.getByLabel(`Message to ${student} (optional)`).fill('I am away that month; please ask Dr. Rivera.')
  await first.getByRole('button', { name: `Decline ${student}’s request` }).click()
  await expect(page.getByRole('status').filter({ hasText: `You declined ${student}’s request` })).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: /Declined or withdrawn/ })
      .getByRole('article')
      .filter({ hasText: declined }),
  ).toContainText('Declined')

  const second = waiting.getByRole('article').filter({ hasText: accepted })
  await expect(second).toContainText('did not waive the right to read this letter')
  await second.getByRole('button', { name: `Accept ${student}’s request` }).click()
  await expect(page.getByRole('status').filter({ hasText: `You accepted ${student}’s request` })).toBeVisible()
  const writing = page
    .getByRole('region', { name: /To write/ })
    .getByRole('article')
    .filter({ hasText: accepted })
  await writing.getByRole('button', { name: `Mark in progress for ${student}` }).click()
  await expect(writing).toContainText('In progress')
  await expectNoAxeViolations(page)

  // An encrypted PDF passes the browser's first look; the server refuses it and says why at the field.
  const field = writing.getByLabel(`Upload the letter for ${student}`)
  await field.setInputFiles(pdfFile('letter.pdf', makePdf({ encrypted: true })))
  await writing.getByRole('button', { name: `Submit letter for ${student}` }).click()
  await expect(writing.getByRole('alert')).toContainText('password-protected or encrypted')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)

  await field.setInputFiles(pdfFile('letter.pdf', makePdf({ text: `Letter for ${student}` })))
  await writing.getByRole('button', { name: `Submit letter for ${student}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `Your letter for ${student} is submitted` })).toBeVisible()
  const done = page
    .getByRole('region', { name: /^Submitted/ })
    .getByRole('article')
    .filter({ hasText: accepted })
  await expect(done).toContainText('Submitted')
  await expect(done.getByRole('link', { name: /Download the letter you submitted/ })).toBeVisible()
  await expectNoAxeViolations(page)

  // A replacement that is not a PDF: the field keeps saying what is wrong with the chosen file.
  await done
    .getByLabel(`Replace the letter for ${student}`)
    .setInputFiles({ name: 'letter.docx', mimeType: 'application/pdf', buffer: Buffer.from('not a PDF at all') })
  await expect(done.getByRole('alert')).toContainText('This file is not a PDF')
  await done.getByRole('button', { name: `Replace letter for ${student}` }).click()
  await expect(done.getByRole('alert')).toContainText('This file is not a PDF')
  await expect(done.getByRole('alert')).not.toContainText('Choose the letter as a PDF first')

  // The student kept the right to read this one: they see the writer's answers and may download it.
  await switchTo(page, 'student')
  await expect(page.getByText(/Letters:.*submitted — thank/)).toBeVisible()
  await (await navLink(page, 'Letters')).click()
  const declinedCard = page
    .getByRole('region', { name: /Declined or withdrawn/ })
    .getByRole('article')
    .filter({ hasText: declined })
  await expect(declinedCard).toContainText('I am away that month')
  const submitted = page
    .getByRole('region', { name: /Submitted or delivered/ })
    .getByRole('article')
    .filter({ hasText: accepted })
  await expect(submitted).toContainText('You kept your right to read this letter.')
  await expect(submitted.getByRole('link', { name: new RegExp(`Download the letter from ${mentor}`) })).toBeVisible()
  await expectNoAxeViolations(page)
})
