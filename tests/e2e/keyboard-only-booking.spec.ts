import type { Page } from '@playwright/test'
import { DEMO_ACCOUNTS, callApi, expect, expectNoAxeViolations, loginAs, mainNav, pressUntilFocused, test, type DemoRole } from './fixtures.ts'

async function signInFresh(page: Page, role: DemoRole) {
  await page.context().clearCookies()
  await loginAs(page, role)
}

type Person = { id: string; name: string }
type Summary = { id: string; status: string; student: Person; mentor: Person }

// The demo student and the near-peer mentor: a pair no other journey uses, so the one-open-request-per-pair
// rule never meets the other journeys' requests. The set-up goes through the API; the booking is the keyboard's.
test('a student books a free time with the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000)
  const mentor = DEMO_ACCOUNTS['near-peer'].name

  // The near-peer mentor opens a weekly time every day.
  await signInFresh(page, 'near-peer')
  const mentorId = (await callApi<{ person: { id: string } }>(page, 'GET', '/api/auth/session')).person.id
  await callApi(page, 'PUT', '/api/availability/me', {
    timeZone: 'UTC',
    slots: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      startTime: '15:00',
      durationMinutes: 30,
      locationKind: 'video',
      locationDetail: 'Link in the invitation',
    })),
    exceptions: [],
  })

  // The student asks, unless an earlier run left the two in an active mentorship; the mentor accepts.
  await signInFresh(page, 'student')
  const mine = await callApi<{ asStudent: Summary[] }>(page, 'GET', '/api/mentorships/mine')
  let mentorship = mine.asStudent.find((m) => m.mentor.id === mentorId && m.status === 'active')
  if (!mentorship) {
    const request = await callApi<{ id: string }>(page, 'POST', '/api/mentorship-requests', {
      mentorId,
      kind: 'ongoing',
      message: 'I would like to talk about how you chose pediatrics and how to plan my fourth year.',
      goals: '',
      helpWanted: ['career-advice'],
    })
    await signInFresh(page, 'near-peer')
    const accepted = await callApi<{ mentorshipId: string | null }>(page, 'POST', `/api/mentorship-requests/${request.id}/accept`)
    expect(accepted.mentorshipId).not.toBeNull()
    await signInFresh(page, 'student')
    mentorship = (await callApi<{ asStudent: Summary[] }>(page, 'GET', '/api/mentorships/mine')).asStudent.find((m) => m.id === accepted.mentorshipId)
  }
  expect(mentorship).toBeDefined()
  await page.reload()
  await expect(mainNav(page)).toBeVisible()
  await expectNoAxeViolations(page)

  // From here on, only keys.
  await pressUntilFocused(page, mainNav(page).getByRole('button', { name: 'Mentoring' }))
  await page.keyboard.press('Enter')
  await pressUntilFocused(page, mainNav(page).getByRole('link', { name: 'Mentorships', exact: true }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'My mentorships' })).toBeFocused()
  await expectNoAxeViolations(page)
  await pressUntilFocused(page, page.getByRole('region', { name: /Active mentorships/ }).getByRole('link', { name: mentor }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: `Mentorship with ${mentor}` })).toBeFocused()
  const picker = page.getByRole('group', { name: 'Book a free time' })
  const slots = picker.getByRole('button')
  await expect(slots.first()).toBeVisible()
  await expectNoAxeViolations(page)

  // Tab past the first free time, come back with Shift+Tab, and choose it with Space.
  const first = slots.first()
  await pressUntilFocused(page, first)
  if ((await slots.count()) > 1) {
    await page.keyboard.press('Tab')
    await expect(slots.nth(1)).toBeFocused()
    await page.keyboard.press('Shift+Tab')
    await expect(first).toBeFocused()
  }
  await page.keyboard.press('Space')
  await expect(first).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('status').filter({ hasText: /Chosen:/ })).toHaveCount(1)
  await expectNoAxeViolations(page)

  // Enter on the book button confirms the chosen time.
  const book = page.getByRole('button', { name: /^Book / })
  await pressUntilFocused(page, book)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: /^Booked:/ })).toBeVisible()
  const upcoming = page.getByRole('list', { name: 'Upcoming meetings' })
  await expect(upcoming.getByRole('listitem').first()).toContainText('Confirmed')
  await expectNoAxeViolations(page)

  // Leave the pair as the next run expects to find it: no active mentorship.
  await callApi(page, 'POST', `/api/mentorships/${mentorship?.id ?? ''}/close`, { reason: 'other', thankYouNote: '' })
})
