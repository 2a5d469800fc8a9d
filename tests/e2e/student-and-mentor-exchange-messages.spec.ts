import type { Browser, Page } from '@playwright/test'
import { callApi, DEMO_ACCOUNTS, expect, expectNoAxeViolations, loginAs, test } from './fixtures.ts'

type Outbox = { items: { to: string; text: string }[] }

/**
 * A student of their own (invited by the admin through the API) so that no other journey's pair
 * meets this one: the student asks the demo mentor, who accepts, all set up through the API.
 */
async function freshStudentWithMentorship(browser: Browser, mentorPage: Page): Promise<{ student: Page; name: string; mentorshipId: string }> {
  const stamp = Date.now()
  const name = `Ines Messenger ${stamp}`
  const email = `ines.messenger.${stamp}@demo.example.edu`
  const admin = await (await browser.newContext()).newPage()
  await loginAs(admin, 'admin')
  await callApi(admin, 'POST', '/api/admin/people', { name, email, roles: ['student'] })
  const outbox = await callApi<Outbox>(admin, 'GET', '/api/admin/outbox?page=1&pageSize=50')
  const token = /token=([A-Za-z0-9_-]+)/.exec(outbox.items.find((m) => m.to === email)?.text ?? '')?.[1]
  expect(token).toBeTruthy()
  await admin.context().close()

  const student = await (await browser.newContext()).newPage()
  await student.goto('/sign-in')
  await callApi(student, 'POST', '/api/auth/invite/accept', { token, password: 'a long enough password 1' })
  const mentorId = (await callApi<{ person: { id: string } }>(mentorPage, 'GET', '/api/auth/session')).person.id
  const request = await callApi<{ id: string }>(student, 'POST', '/api/mentorship-requests', {
    mentorId,
    kind: 'ongoing',
    message: 'I would value your advice on internal medicine.',
    helpWanted: ['research'],
  })
  const accepted = await callApi<{ mentorshipId: string }>(mentorPage, 'POST', `/api/mentorship-requests/${request.id}/accept`, {})
  return { student, name, mentorshipId: accepted.mentorshipId }
}

test('a student writes to their mentor, who sees it unread, reads and replies; the student sees the reply and "Seen"', async ({ page, browser }) => {
  test.setTimeout(90_000)
  const mentorName = DEMO_ACCOUNTS.mentor.name
  await loginAs(page, 'mentor')
  const { student, name, mentorshipId } = await freshStudentWithMentorship(browser, page)

  // The student writes on the mentorship's page; Enter makes a new line, the button sends.
  await student.goto(`/mentorships/${mentorshipId}`)
  await expect(student.getByRole('heading', { level: 1, name: `Mentorship with ${mentorName}` })).toBeVisible()
  const box = student.getByLabel(`Message to ${mentorName}`)
  await box.fill('Hello! Could we look at my personal statement next week?')
  await box.press('Enter')
  await box.pressSequentially('<script>alert(1)</script>')
  await expect(student.getByRole('list', { name: `Messages with ${mentorName}` })).toHaveCount(0)
  await student.getByRole('button', { name: 'Send message' }).click()
  const studentThread = student.getByRole('list', { name: `Messages with ${mentorName}` })
  await expect(studentThread.getByRole('listitem')).toHaveCount(1)
  await expect(studentThread).toContainText('<script>alert(1)</script>')
  await expectNoAxeViolations(student)

  // The mentor (signed in before the student wrote) comes back to My mentorships: the unread count
  // is there; they open the mentorship, read and reply.
  await page.goto('/mentorships')
  const row = page
    .getByRole('region', { name: /Active mentorships/ })
    .getByRole('listitem')
    .filter({ hasText: name })
  await expect(row.getByText('1 unread message')).toBeVisible()
  await row.getByRole('link', { name }).click()
  const mentorThread = page.getByRole('list', { name: `Messages with ${name}` })
  await expect(mentorThread).toContainText('Could we look at my personal statement next week?')
  await page.getByLabel(`Message to ${name}`).fill('Yes, send it over and we will go through it on Tuesday.')
  await page.getByRole('button', { name: 'Send message' }).click()
  await expect(mentorThread.getByRole('listitem')).toHaveCount(2)
  await expectNoAxeViolations(page)

  // The student sees the reply, newest at the bottom, and their own message marked "Seen".
  await student.reload()
  await expect(studentThread.getByRole('listitem').last()).toContainText('Yes, send it over')
  await expect(studentThread.getByRole('listitem').first().getByText('Seen')).toBeVisible()

  // The bell says so too, and its list leads back to the conversation.
  await student.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click()
  const notice = student.getByRole('link', { name: `New message from ${mentorName}` })
  await notice.click()
  await expect(studentThread.getByRole('listitem').last()).toContainText('Yes, send it over')

  // Leave the demo mentor's places as they were.
  await callApi(student, 'POST', `/api/mentorships/${mentorshipId}/close`, { reason: 'other', thankYouNote: '' })
  await student.context().close()
})
