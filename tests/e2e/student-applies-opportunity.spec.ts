import type { Page } from '@playwright/test'
import type { OpportunityView } from '#shared/contracts/opportunities.ts'
import { callApi, expect, expectNoAxeViolations, findOnOutbox, loginAs, navLink, test, type DemoRole } from './fixtures.ts'

async function switchTo(page: Page, role: DemoRole) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Preceptor' })).toBeVisible()
  await loginAs(page, role)
}

test('a student finds a research project by its facets, saves it, applies, is accepted by its poster, follows the e-mail and sees it in their experience record', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const title = `Myocardial strain in endurance athletes ${Date.now()}`

  // The demo mentor posts a one-place research project for every class year.
  await loginAs(page, 'mentor')
  const posted = await callApi<OpportunityView>(page, 'POST', '/api/opportunities', {
    kind: 'research-project',
    title,
    description: 'Speckle-tracking echocardiography in marathon runners before and after the season.',
    specialtyId: 'internal-medicine',
    places: 1,
    timeCommitment: '3 hours a week',
    expectedOutput: 'An abstract',
    applyBy: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  })

  // The student searches the board and opens the project (with a CV of theirs in Materials to send along).
  await switchTo(page, 'student')
  const cvTitle = `CV for research ${Date.now()}`
  await callApi(page, 'POST', '/api/materials/documents', {
    kind: 'cv',
    title: cvTitle,
    body: 'Maya Robinson\n\nEducation: BS Biology.\n\nCross-country, 4 years.',
  })
  await (await navLink(page, 'Opportunities')).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Opportunities' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search opportunities' }).fill('myocardial strain athletes')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: '“myocardial strain athletes”' })).toBeVisible()
  // The filters live in the address, so the radio turns on once the page has navigated: click, then wait for it.
  const researchProjects = page.getByRole('radio', { name: /Research project/ })
  await researchProjects.click()
  await expect(researchProjects).toBeChecked()
  await expect(page.getByRole('button', { name: 'Remove filter Kind: Research project' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'with 1 filter' })).toBeVisible()
  // A second facet, the time it takes; then the student saves the project from its card and finds it under Saved, with its deadline.
  const fewHours = page.getByRole('radio', { name: /A few hours a week/ })
  await fewHours.click()
  await expect(fewHours).toBeChecked()
  await expect(page.getByRole('status').filter({ hasText: 'with 2 filters' })).toBeVisible()
  await page.getByRole('button', { name: `Save ${title}` }).click()
  await expect(page.getByRole('button', { name: `Saved ${title}` })).toHaveAttribute('aria-pressed', 'true')
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: /^Saved \(\d+\)$/ }).click()
  const savedCard = page.getByRole('list', { name: 'Saved opportunities' }).getByRole('listitem').filter({ hasText: title })
  await expect(savedCard).toContainText('Closes in 3 days')
  await expectNoAxeViolations(page)
  await savedCard.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true')

  // An empty statement is refused beside its field; then the student applies.
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await expect(page.getByLabel('Why you want to join')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Why you want to join').fill('I ran cross-country in college and have read about athlete’s heart; I can give three hours a week.')
  await page.getByLabel('Attach a document (optional)').selectOption({ label: `CV: ${cvTitle} (version 1)` })
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Your application' })).toBeVisible()
  await expect(page.getByText('Applied', { exact: true })).toBeVisible()
  await expect(page.getByText(`You attached your CV: ${cvTitle}, version 1`)).toBeVisible()
  await expectNoAxeViolations(page)

  // The poster's home says students are waiting on them (the demo mentor already had applicants
  // on another project) and leads to their postings; they accept from the applicants list.
  await switchTo(page, 'mentor')
  const needs = page.getByRole('region', { name: 'Needs you now' })
  const waiting = needs.getByRole('listitem').filter({ hasText: /\d+ applications to answer for \d+ of your opportunities/ })
  await expect(waiting).toBeVisible()
  await waiting.getByRole('link', { name: 'See your opportunities' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My postings' })).toBeVisible()
  await page.getByRole('link', { name: `1 application to answer for ${title}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Applicants: ${title}` })).toBeVisible()
  // The CV sent with the application opens as the version the student attached.
  await page.getByRole('link', { name: `Read Maya Robinson’s CV: ${cvTitle}, version 1` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Maya Robinson’s CV: ${cvTitle}` })).toBeVisible()
  await expect(page.getByText('Cross-country, 4 years.')).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: '← Applicants' }).click()
  await page.getByLabel('Message to Maya Robinson (optional)').fill('Welcome! We meet on Mondays at 7 AM in the echo lab.')
  await page.getByRole('button', { name: 'Accept Maya Robinson' }).click()
  await expect(page.getByText('Accepted', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Confirm experience of Maya Robinson' })).toBeVisible()
  await expectNoAxeViolations(page)

  // The student is e-mailed a link to the project.
  await switchTo(page, 'admin')
  const email = await findOnOutbox(page, `Accepted: ${title}`)
  const link = (await email.textContent())?.match(/https?:\/\/\S+\/opportunities\/[0-9a-f-]{36}/)?.[0]
  expect(link, 'the e-mail links to the opportunity').toBeTruthy()
  expect(new URL(link!).pathname).toBe(`/opportunities/${posted.id}`)

  await switchTo(page, 'student')
  await page.goto(new URL(link!).pathname)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Accepted', { exact: true })).toBeVisible()
  await expect(page.getByText('Welcome! We meet on Mondays at 7 AM in the echo lab.')).toBeVisible()
  await expectNoAxeViolations(page)

  // And it is in their experience record, waiting for the poster to confirm the hours.
  await (await navLink(page, 'Experience record')).click()
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(entry).toContainText('Research')
  await expect(entry).toContainText('Waiting for the poster to confirm')
  await expectNoAxeViolations(page)

  // The student records the abstract that came of it; an empty citation is refused at its field.
  await entry.getByRole('button', { name: `Add an abstract, poster, presentation or publication to ${title}` }).click()
  const outputForm = page.getByRole('form', { name: `Add to ${title}` })
  await outputForm.getByLabel('Kind').selectOption('abstract')
  await outputForm.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(outputForm.getByLabel('Citation')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)
  await outputForm.getByLabel('Citation').fill('Robinson M, Okafor D. Myocardial strain in marathon runners. Student Research Day; 2027.')
  await outputForm.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(entry.getByRole('listitem').filter({ hasText: 'Myocardial strain in marathon runners' })).toContainText('Abstract')

  // The ERAS draft proposes the record's entries, typed; the student rewrites this one within 750 characters and saves the draft to Materials.
  await page.getByRole('link', { name: 'Draft my ERAS experiences' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Draft my ERAS experiences' })).toBeVisible()
  const drafted = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) })
  await expect(drafted.getByLabel('ERAS experience type')).toHaveValue('research')
  await expect(drafted).toContainText('Myocardial strain in marathon runners')
  await drafted
    .getByLabel('Description')
    .fill('Measured myocardial strain by echocardiography in 40 marathon runners; presented the abstract at Student Research Day.')
  await expect(drafted).toContainText('118 of 750 characters, spaces included.')
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: /experiences? to my materials$/ }).click()
  await expect(page.getByRole('status').filter({ hasText: /Saved to your Materials: \d+ documents? written/ })).toBeFocused()

  // The application profile offers the record's count of research items instead of typing it again.
  // (Not saved: the list builder's own journey starts from a profile never filled in.)
  await page.goto('/residency/profile')
  await expect(page.getByRole('heading', { level: 1, name: 'Application profile' })).toBeVisible()
  await page.getByRole('button', { name: 'Use 1 as your research items, from your experience record' }).click()
  await expect(page.getByLabel('Research items')).toHaveValue('1')
  await expect(page.getByText('Matches your experience record.').first()).toBeVisible()
  await expectNoAxeViolations(page)
})
