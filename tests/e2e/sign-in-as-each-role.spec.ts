import { DEMO_ACCOUNTS, expect, expectNoAxeViolations, homeHeading, loginAs, mainNav, test, type DemoRole } from './fixtures.ts'

const ALL_LINKS = ['Home', 'My profile', 'People', 'Manage people', 'Audit log', 'Outbox'] as const
const ALL_GROUPS = ['Mentoring', 'Career plan', 'Residency', 'Students', 'Programs', 'Office'] as const

// The menu is grouped by what people do; a near-peer gets the student's and mentor's groups together.
const EXPECTED: Record<DemoRole, { links: readonly string[]; groups: readonly string[]; sections: readonly string[] }> = {
  student: { links: ['Home', 'My profile'], groups: ['Mentoring', 'Career plan', 'Residency'], sections: ['As a student'] },
  mentor: { links: ['Home', 'My profile'], groups: ['Mentoring'], sections: ['As a mentor'] },
  advisor: { links: ['Home', 'My profile', 'People'], groups: ['Students', 'Programs'], sections: ['As an advisor'] },
  admin: { links: ALL_LINKS, groups: ['Students', 'Programs', 'Office'], sections: ['As an administrator'] },
  'near-peer': { links: ['Home', 'My profile'], groups: ['Mentoring', 'Career plan', 'Residency'], sections: ['As a student', 'As a mentor'] },
}

for (const role of Object.keys(EXPECTED) as DemoRole[]) {
  test(`${role} lands on their home with the right navigation, then signs out`, async ({ page }) => {
    const expected = EXPECTED[role]
    await loginAs(page, role)
    await expect(page).toHaveURL(/\/$/)

    for (const section of expected.sections) {
      await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible()
    }
    await expect(page.getByRole('heading', { level: 2, name: 'Needs you now' })).toBeVisible()
    // Every source of the list loads for this role (an admin's once answered 403).
    await expect(page.getByText('Looking for what needs you…')).toHaveCount(0)
    await expect(page.getByText(/Part of this list could not load/)).toHaveCount(0)
    await expect(page.getByText(/^You’re signed in as an? /)).toBeVisible()
    const nav = mainNav(page)
    for (const group of ALL_GROUPS) {
      const button = nav.getByRole('button', { name: group })
      if (expected.groups.includes(group)) await expect(button).toHaveAttribute('aria-expanded', 'false')
      else await expect(button).toHaveCount(0)
    }
    // The whole menu fits on one row at desktop width.
    const rows = await nav.locator(':scope > ul > li').evaluateAll((items) => new Set(items.map((item) => Math.round(item.getBoundingClientRect().top))).size)
    expect(rows).toBe(1)
    for (const link of ALL_LINKS) {
      const locator = nav.getByRole('link', { name: link, exact: true, includeHidden: true })
      if (expected.links.includes(link)) await expect(locator).toHaveCount(1)
      else await expect(locator).toHaveCount(0)
    }
    await expect(nav.getByRole('link', { name: 'Home', exact: true })).toHaveAttribute('aria-current', 'page')
    await expect(page.getByRole('banner')).toContainText(DEMO_ACCOUNTS[role].name)
    await expectNoAxeViolations(page)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'You have signed out.' })).toBeVisible()
    await expectNoAxeViolations(page)

    // Signed out means signed out: the home page sends us back to sign in.
    await page.goto('/')
    await expect(page).toHaveURL(/\/sign-in$/)
  })
}

test('a signed-out visitor is sent to sign in and brought back to the page they asked for', async ({ page }) => {
  await page.goto('/profile/edit')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile%2Fedit$/)
  await expect(page.getByText('Sign in to continue to the page you asked for.')).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByLabel('E-mail').fill(DEMO_ACCOUNTS.advisor.email)
  await page.getByLabel('Password').fill('preceptor-demo')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Edit your profile' })).toBeVisible()
  await expect(page).toHaveURL(/\/profile\/edit$/)
  await expectNoAxeViolations(page)
})

test('a wrong password is explained next to the form, and a student cannot open admin pages', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByLabel('E-mail').fill(DEMO_ACCOUNTS.student.email)
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Please fix the following' })).toBeVisible()
  await expect(page.getByRole('link', { name: /E-mail or password/ })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Password' })).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)

  await loginAs(page, 'student')
  await page.goto('/admin/outbox')
  await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.goto('/no-such-page')
  await expect(page.getByRole('heading', { level: 1, name: 'We can’t find that page' })).toBeVisible()
  await expectNoAxeViolations(page)
  await expect(homeHeading(page, 'Maya')).toHaveCount(0)
})
