import type { Page } from '@playwright/test'
import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, findOnOutbox, loginAs, navLink, test, type DemoRole } from './fixtures.ts'

async function switchTo(page: Page, role: DemoRole) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await loginAs(page, role)
}

/** Finds a mentor through the directory search, as a student would, and opens their page. */
async function openMentorPage(page: Page, name: string) {
  await page.goto(`/mentors?q=${encodeURIComponent(name)}`)
  await page.getByRole('list', { name: 'Mentors' }).getByRole('link', { name }).first().click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

test('a student requests the demo mentor, the mentor sets availability and accepts, the student books a slot and both see the meeting', async ({ page }) => {
  test.setTimeout(240_000)
  const student = DEMO_ACCOUNTS.student.name
  const mentor = DEMO_ACCOUNTS.mentor.name

  // The mentor opens two weekly times every day, so a free slot is always within the next days.
  await loginAs(page, 'mentor')
  await (await navLink(page, 'Mentorships')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My mentorships' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: 'Set my availability' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My availability' })).toBeVisible()
  await expect(page.getByLabel('Time zone', { exact: true })).not.toHaveValue('')
  await expectNoAxeViolations(page)
  for (let day = 1; day <= 7; day++) {
    await page.getByRole('button', { name: 'Add a weekly time', exact: true }).click()
    const slot = page.getByRole('group', { name: new RegExp(`^Weekly time ${day}:`) })
    await slot.getByLabel('Day', { exact: true }).selectOption(String(day))
    await slot.getByLabel('Starts').fill('12:00')
  }
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Save availability' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Your availability is saved: 7 weekly times' })).toBeVisible()
  await page.getByRole('button', { name: 'Make a calendar link' }).click()
  await expect(page.getByLabel('Your calendar link')).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/)
  await expectNoAxeViolations(page)

  // The student asks; a missing kind and message are said at the fields.
  await switchTo(page, 'student')
  await expect(page.getByText(/Mentorships:/)).toBeVisible()
  await openMentorPage(page, mentor)
  await page.getByRole('button', { name: 'Request mentorship' }).click()
  await expect(page.getByRole('heading', { name: `Request mentorship from ${mentor}` })).toBeFocused()
  await page.getByRole('button', { name: 'Send request' }).click()
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: /Message:/ })).toBeVisible()
  await expectNoAxeViolations(page)
  await summary.getByRole('link', { name: /Message:/ }).click()
  await expect(page.getByLabel('Message')).toBeFocused()
  await page.getByRole('radio', { name: /Ongoing mentorship/ }).check()
  await page.getByLabel('Message').fill('I am a third-year student choosing between internal medicine and emergency medicine.')
  await page.getByLabel('Your goals (optional)').fill('Decide on a specialty by spring.')
  await page.getByRole('checkbox', { name: 'Career advice' }).check()
  await page.getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Your request was sent to ${mentor}` })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: 'See my mentorships' }).click()
  const sent = page
    .getByRole('region', { name: /Requests you sent/ })
    .getByRole('article')
    .filter({ hasText: mentor })
  await expect(sent).toContainText('Waiting for an answer')
  await expectNoAxeViolations(page)

  // The mentor sees the line on their home, and accepts.
  await switchTo(page, 'mentor')
  await expect(page.getByText(/Mentorships:.*\d+ requests? waiting for your answer/)).toBeVisible()
  await (await navLink(page, 'Mentorships')).click()
  const waiting = page
    .getByRole('region', { name: /Waiting for your answer/ })
    .getByRole('article')
    .filter({ hasText: student })
  await expect(waiting).toContainText('Decide on a specialty by spring.')
  // The mentor reads their own turn, not the student's wait.
  await expect(waiting).toContainText('Waiting for your answer')
  await expect(waiting).not.toContainText('Seen, waiting')
  await expectNoAxeViolations(page)
  await waiting.getByRole('button', { name: `Accept ${student}’s request` }).click()
  await expect(page.getByRole('status').filter({ hasText: `You accepted ${student}’s request` })).toBeVisible()
  await page
    .getByRole('region', { name: /Active mentorships/ })
    .getByRole('link', { name: student })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: `Mentorship with ${student}` })).toBeVisible()
  // The goals the student wrote are the mentorship's first goals.
  await expect(page.getByText('Decide on a specialty by spring.', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  // The student books the first free slot.
  await switchTo(page, 'student')
  await (await navLink(page, 'Mentorships')).click()
  await page
    .getByRole('region', { name: /Active mentorships/ })
    .getByRole('link', { name: mentor })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: `Mentorship with ${mentor}` })).toBeVisible()
  const picker = page.getByRole('group', { name: 'Book a free time' })
  const firstSlot = picker.getByRole('button').first()
  await expect(firstSlot).toBeVisible()
  await expectNoAxeViolations(page)
  await firstSlot.click()
  await expect(firstSlot).toHaveAttribute('aria-pressed', 'true')
  // The button says the day, not only the time.
  await page.getByRole('button', { name: /^Book (Mon|Tue|Wed|Thu|Fri|Sat|Sun), / }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Booked:/ })).toBeVisible()
  const upcoming = page.getByRole('list', { name: 'Upcoming meetings' })
  await expect(upcoming.getByRole('listitem')).toHaveCount(1)
  await expect(upcoming).toContainText('Confirmed')
  const calendarFile = await page.request.get((await upcoming.getByRole('link', { name: /^Add to calendar/ }).getAttribute('href')) ?? '')
  expect(calendarFile.headers()['content-type']).toContain('text/calendar')
  expect(await calendarFile.text()).toContain('METHOD:PUBLISH')

  // A private note says who sees it.
  await page.getByLabel('New note').fill('Ask about the cardiology elective.')
  await page.getByRole('radio', { name: /Private to me/ }).check()
  await page.getByRole('button', { name: 'Save note' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Private note saved' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Ask about the cardiology elective.' })).toContainText('Only you can see this note')
  await expectNoAxeViolations(page)

  // The mentor sees the meeting, but not the private note.
  await switchTo(page, 'mentor')
  await expect(page.getByText(/Mentorships:.*\d+ active mentees?/)).toBeVisible()
  await (await navLink(page, 'Mentorships')).click()
  const row = page
    .getByRole('region', { name: /Active mentorships/ })
    .getByRole('listitem')
    .filter({ hasText: student })
  await expect(row).not.toContainText('None booked yet')
  await row.getByRole('link', { name: student }).click()
  await expect(page.getByRole('list', { name: 'Upcoming meetings' })).toContainText('Confirmed')
  await expect(page.getByText('Ask about the cardiology elective.')).toHaveCount(0)
  await expectNoAxeViolations(page)

  // The e-mails on the Outbox: the invite is listed as an attachment, and the mentor's request
  // e-mail opens the request on My mentorships for the mentor.
  await switchTo(page, 'admin')
  const invite = await findOnOutbox(page, `Meeting with ${mentor}`)
  await expect(invite.getByRole('link', { name: 'Download invite.ics' })).toBeVisible()
  await expect(invite).toContainText('text/calendar')
  await expect(invite).toContainText(/\d+(\.\d)? (bytes|KB)/)
  await expectNoAxeViolations(page)
  const requestMail = await findOnOutbox(page, `${student} asks you to be their mentor`)
  const href = (await requestMail.getByRole('link').first().getAttribute('href')) ?? ''
  const requestLink = new URL(href)
  expect(requestLink.pathname).toBe('/mentorships')
  await switchTo(page, 'mentor')
  await page.goto(`${requestLink.pathname}${requestLink.search}`)
  // Accepted since: the link opens the mentorship the request became.
  await expect(page.getByRole('heading', { level: 1, name: `Mentorship with ${student}` })).toBeVisible()
})
