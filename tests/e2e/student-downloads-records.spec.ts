import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { SessionResponse } from '#shared/contracts/identity.ts'
import type { CreateLetterResponse } from '#shared/contracts/letters.ts'
import type { RecordsExport } from '#shared/contracts/records.ts'
import { makePdf } from '../setup/pdf.ts'
import { callApi, DEMO_ACCOUNTS, expect, expectNoAxeViolations, loginAs, navLink, test, type DemoRole } from './fixtures.ts'

const WAIVED_CANARY = 'CANARY-e2e-waived-letter-5b17'

async function switchTo(page: Page, role: DemoRole) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await loginAs(page, role)
}

test('a student opts out of the directory, opens My records, downloads them without a waived letter’s content, and reads who accessed them', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000)
  const student = DEMO_ACCOUNTS.student

  // A waived letter with words the student must never read: requested by the student, written by the demo mentor.
  await loginAs(page, 'mentor')
  const mentorId = (await callApi<SessionResponse>(page, 'GET', '/api/auth/session')).person.id
  await switchTo(page, 'student')
  const created = await callApi<CreateLetterResponse>(page, 'POST', '/api/letter-requests', {
    writerPersonId: mentorId,
    purpose: 'general',
    letterType: 'standard',
    dueDate: '2027-09-01',
    talkingPoints: 'My research year in dermatology.',
    waivedRightOfAccess: true,
  })
  const letterId = created.request.id
  await switchTo(page, 'mentor')
  await callApi(page, 'POST', `/api/letter-requests/${letterId}/accept`, {})
  const uploaded = await page.request.put(`/api/letter-requests/${letterId}/letter`, {
    data: Buffer.from(makePdf({ text: WAIVED_CANARY })),
    headers: { 'content-type': 'application/pdf', origin: baseURL ?? '' },
  })
  expect(uploaded.status()).toBe(200)
  // The office reads the student's letters: a read the student will see.
  await switchTo(page, 'admin')
  await callApi(page, 'GET', `/api/letters/students/${created.request.student.id}`)

  // The student holds their directory information on their profile.
  await switchTo(page, 'student')
  await page.goto('/profile/edit')
  const holdSection = page.getByRole('region', { name: 'Directory information' })
  await expect(holdSection.getByText('your advising goes on')).toBeVisible()
  const optOut = holdSection.getByRole('radio', { name: 'Hold my directory information (opt out)' })
  await optOut.click()
  await expect(holdSection.getByRole('status')).toHaveText('Saved. Other students and mentors no longer see you in any list.')
  await expect(optOut).toBeChecked()
  await expectNoAxeViolations(page)

  // My records: every part, the waived letter only named.
  await (await navLink(page, 'My records')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My records' })).toBeVisible()
  const letters = page.getByRole('region', { name: 'Letters of recommendation' })
  await letters.getByText(/Show what is held/).click()
  await expect(letters.getByText(`A confidential letter from ${DEMO_ACCOUNTS.mentor.name}, which you waived the right to read.`)).toBeVisible()
  const access = page.getByRole('table', { name: 'Who read or sent on your records, newest first' })
  await expect(access.getByRole('row').filter({ hasText: DEMO_ACCOUNTS.admin.name }).filter({ hasText: 'Read your letter requests' })).toBeVisible()
  await expectNoAxeViolations(page)

  // The JSON download holds the profile and the hold, and not a word of the waived letter.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as JSON' }).click()])
  expect(download.suggestedFilename()).toBe('my-records.json')
  const text = await readFile((await download.path()) ?? '', 'utf8')
  expect(text).not.toContain(WAIVED_CANARY)
  const records = JSON.parse(text) as RecordsExport
  expect(records.student).toMatchObject({ name: student.name, email: student.email })
  const profile = records.sections.find((s) => s.key === 'profile')
  expect(JSON.stringify(profile)).toContain(student.email)
  expect(records.sections.find((s) => s.key === 'directory-hold')?.items[0]).toMatchObject({ held: true })
  const waived = records.sections.find((s) => s.key === 'letters')?.items.find((l) => l.id === letterId)
  expect(waived).toMatchObject({
    waivedRightOfAccess: true,
    confidentialLetter: `A confidential letter from ${DEMO_ACCOUNTS.mentor.name}, which you waived the right to read.`,
  })
  expect(waived).not.toHaveProperty('letter')
})
