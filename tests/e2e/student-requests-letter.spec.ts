import { makePdf } from '../setup/pdf.ts'
import { expect, expectNoAxeViolations, loginAs, navLink, test } from './fixtures.ts'

/** A date `days` from today on the browser's calendar, as a date field takes it. */
function dateIn(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

const pdfFile = (name: string, text: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(makePdf({ text })) })

test('a student asks an outside writer for a waived letter; the writer uploads through the link; the student sees it submitted and cannot open it', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const stamp = Date.now()
  const writerName = `Dr. Ana Lopez ${stamp}`
  const writerEmail = `ana.lopez.${stamp}@example.org`

  await loginAs(page, 'student')
  await (await navLink(page, 'Letters')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My letters' })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'Request a letter' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Request a letter' })).toBeVisible()
  await expectNoAxeViolations(page)

  // Nothing is chosen for the student, the waiver least of all: sending at once names every missing answer.
  const waiver = page.getByRole('group', { name: 'Do you waive your right to read this letter?' })
  await expect(waiver.getByRole('radio')).toHaveCount(2)
  for (const radio of await waiver.getByRole('radio').all()) await expect(radio).not.toBeChecked()
  await page.getByRole('button', { name: 'Send request' }).click()
  const summary = page.getByRole('heading', { name: 'Please fix the following' })
  await expect(summary).toBeVisible()
  await expect(page.getByRole('link', { name: /Right to read the letter: Say whether you waive/ })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('radio', { name: /Someone outside Preceptor/ }).check()
  await page.getByLabel('Writer’s name').fill(writerName)
  await page.getByLabel('Writer’s e-mail').fill(writerEmail)
  await page.getByRole('radio', { name: 'A named program' }).check()
  await page.getByLabel('Program', { exact: true }).fill('Riverside Emergency Medicine Residency')
  await page.getByRole('radio', { name: /Standardized letter of evaluation/ }).check()
  await page.getByLabel('Due date').fill(dateIn(45))
  await page.getByLabel('ERAS Letter ID (optional)').fill('L-12345')
  // A file that is not a PDF is caught before it is sent.
  await page.getByLabel('CV (optional)').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some text, not a PDF') })
  await expect(page.locator('#letter-cv-error')).toContainText('This file is not a PDF.')
  await page.getByLabel('CV (optional)').setInputFiles(pdfFile('cv.pdf', 'Curriculum vitae'))
  await expect(page.locator('#letter-cv-error')).toHaveCount(0)
  await page.getByLabel('Personal statement (optional)').setInputFiles(pdfFile('statement.pdf', 'Personal statement'))
  await page.getByLabel('Talking points (optional)').fill('Emergency medicine sub-internship; the night we ran two traumas at once.')
  await page.getByRole('radio', { name: /Yes, I waive my right to read this letter/ }).check()
  await page.getByRole('button', { name: 'Send request' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'My letters' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: `Your request was sent to ${writerName}` })).toBeVisible()
  const card = page.getByRole('article', { name: new RegExp(writerName) })
  await expect(card).toContainText('Requested')
  await expect(card).toContainText('You waived your right to read this letter')
  await card.getByText(/Your packet/).click()
  await expect(card.getByRole('link', { name: /Download your cv/i })).toBeVisible()
  await expect(card.getByRole('link', { name: /Download your personal statement/i })).toBeVisible()
  await expectNoAxeViolations(page)

  // The link never reaches the student; the writer gets it by e-mail (read here on the Outbox).
  await page.getByRole('button', { name: 'Sign out' }).click()
  await loginAs(page, 'admin')
  await (await navLink(page, 'Outbox')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible()
  const email = page.getByRole('article').filter({ hasText: writerEmail }).first()
  await expect(email).toBeVisible()
  await expectNoAxeViolations(page)
  const href = await email
    .getByRole('link', { name: /\/letters\/upload\// })
    .first()
    .getAttribute('href')
  expect(href).toBeTruthy()
  const uploadPath = new URL(href ?? '').pathname

  // The outside writer has no account: signed out, the link is all they need.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await page.goto(uploadPath)
  await expect(page.getByRole('heading', { level: 1, name: 'Upload a letter of recommendation' })).toBeVisible()
  await expect(page.getByText('Maya Robinson waived the right to read this letter')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Download the CV (PDF)' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Download the personal statement (PDF)' })).toBeVisible()
  await expect(page.getByText('L-12345')).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByLabel('Letter (PDF)').setInputFiles(pdfFile('letter.pdf', `Confidential letter ${stamp}`))
  await page.getByRole('button', { name: 'Upload letter' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you — your letter is received' })).toBeVisible()
  await expectNoAxeViolations(page)

  // The link worked once.
  await page.goto(uploadPath)
  await expect(page.getByRole('heading', { level: 1, name: 'This upload link can’t be used' })).toBeVisible()
  await expectNoAxeViolations(page)

  await loginAs(page, 'student')
  await (await navLink(page, 'Letters')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My letters' })).toBeVisible()
  const submitted = page.getByRole('region', { name: /Submitted or delivered/ }).getByRole('article', { name: new RegExp(writerName) })
  await expect(submitted).toContainText('Submitted')
  await expect(page.getByRole('region', { name: 'Writers to thank' })).toContainText(writerName)
  await expectNoAxeViolations(page)

  // No way to open the letter: no link or button for it on its card...
  // Scoped to this request: the same demo student may hold other letters (from journeys running
  // beside this one) that they did not waive and may download.
  await expect(submitted.locator('a[href$="/letter"]')).toHaveCount(0)
  await expect(submitted.getByRole('link', { name: /letter/i })).toHaveCount(0)
  await expect(submitted.getByRole('button', { name: /read|open|download|view/i })).toHaveCount(0)
  // ...and the API refuses the student, whose view of the request has no letter section at all.
  const mine = (await (await page.request.get('/api/letters/mine')).json()) as { items: { id: string; writer: { name: string } }[] }
  const request = mine.items.find((item) => item.writer.name === writerName)
  expect(request).toBeTruthy()
  const view = (await (await page.request.get(`/api/letter-requests/${request?.id}`)).json()) as Record<string, unknown>
  expect(view.status).toBe('submitted')
  expect('letter' in view).toBe(false)
  const read = await page.request.get(`/api/letter-requests/${request?.id}/letter`)
  expect(read.status()).toBe(403)
  expect(await read.text()).not.toContain(`Confidential letter ${stamp}`)

  // The thank-you prompt, once.
  await submitted.getByRole('button', { name: `I thanked ${writerName}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `Marked ${writerName} as thanked.` })).toBeVisible()
  await expect(page.getByRole('region', { name: /Submitted or delivered/ }).getByRole('article', { name: new RegExp(writerName) })).toContainText(
    `You thanked ${writerName}`,
  )
  await expectNoAxeViolations(page)
})
