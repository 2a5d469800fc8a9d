import { describe, expect, it } from 'vitest'
import {
  agreementNeed,
  applicationsToAnswerNeed,
  boardNeed,
  byUrgency,
  gapNeed,
  letterToWriteNeed,
  primaryAnswerId,
  studentsMissingSlotsNeed,
  urgencyOf,
  waitingOnOthersNeed,
  type NeedItem,
} from './needs-you-now.ts'
import { MS_PER_DAY } from '#shared/time.ts'

const NOW = Date.parse('2026-12-05T12:00:00Z')
const inDays = (days: number) => new Date(NOW + days * MS_PER_DAY).toISOString()
const dated = (id: string, at: string): NeedItem => ({ id, urgency: urgencyOf(at, NOW), at, title: id, detail: '', action: { to: '/', label: 'Go' } })

describe('what needs you now', () => {
  it('calls late and same-day things most urgent, then this week, then later', () => {
    expect(urgencyOf(inDays(-2), NOW)).toBe(0)
    expect(urgencyOf(inDays(0.5), NOW)).toBe(0)
    expect(urgencyOf(inDays(3), NOW)).toBe(1)
    expect(urgencyOf(inDays(30), NOW)).toBe(2)
  })

  it('orders by urgency, then by date, and puts undated gaps last in their given order', () => {
    const items = [
      gapNeed('board', 'Board', '', { to: '/advising', label: 'x' }),
      dated('letter-in-a-month', inDays(30)),
      dated('meeting-tomorrow-ish', inDays(2)),
      gapNeed('outbox', 'Outbox', '', { to: '/admin/outbox', label: 'x' }),
      dated('request-closing-today', inDays(0.2)),
      dated('meeting-in-5-days', inDays(5)),
    ]
    expect(byUrgency(items).map((item) => item.id)).toEqual([
      'request-closing-today',
      'meeting-tomorrow-ish',
      'meeting-in-5-days',
      'letter-in-a-month',
      'board',
      'outbox',
    ])
  })

  it('asks a writer to answer a new letter request, and to upload an accepted one', () => {
    const student = { name: 'Maya Robinson' }
    expect(letterToWriteNeed({ id: 'a', dueDate: '2026-12-06', status: 'requested', student }, NOW)).toMatchObject({
      urgency: 0,
      title: 'Maya Robinson asked you for a letter',
    })
    expect(letterToWriteNeed({ id: 'b', dueDate: '2027-02-01', status: 'accepted', student }, NOW)).toMatchObject({
      urgency: 2,
      title: 'Letter for Maya Robinson',
    })
  })

  it('puts a slot someone was asked to take on with this week’s items, above standing gaps, with the answer on the card', () => {
    const agreement = agreementNeed({
      assignmentId: 'a1',
      student: { id: 's1', name: 'Maya Robinson' },
      slotLabel: 'research mentor',
      askedBy: { id: 'd1', name: 'Dr. Dean' },
      askedAt: inDays(-1),
      note: '',
    })
    expect(agreement.title).toBe('Be Maya Robinson’s research mentor?')
    expect(agreement.agreement?.assignmentId).toBe('a1')
    const items = [
      gapNeed('board', 'Board', '', { to: '/advising', label: 'x' }),
      dated('letter-in-a-month', inDays(30)),
      agreement,
      dated('today', inDays(0.2)),
    ]
    expect(byUrgency(items).map((item) => item.id)).toEqual(['today', 'agreement-a1', 'letter-in-a-month', 'board'])
  })

  it('counts only the board slots a student must fill: an optional near-peer slot in the final year is not a gap', () => {
    const slot = (label: string, isEmpty: boolean, isRequired = true) => ({ label, isEmpty, isRequired })
    const finalYear = [slot('Advisory dean', false), slot('Pediatrics advisor', true), slot('Near-peer mentor', true, false), slot('Research mentor', true)]
    expect(boardNeed(finalYear)).toMatchObject({ title: '2 empty slots on your advising board', detail: 'Still to fill: pediatrics advisor, research mentor.' })
    expect(boardNeed([slot('Advisory dean', false), slot('Near-peer mentor', true, false)])).toBeNull()
  })

  it('shows an advisor the board requests still waiting, with a nudge once the reminder went unanswered', () => {
    const asked = {
      assignmentId: 'a2',
      student: { id: 's1', name: 'Maya Robinson' },
      person: { id: 'p1', name: 'Dr. Okafor' },
      slotLabel: 'research mentor',
      askedAt: '2026-11-20T12:00:00Z',
      remindedAt: null,
      lapsesAt: null,
    }
    const day = (iso: string) => iso.slice(5, 10)
    const fresh = waitingOnOthersNeed(asked, true, day)
    expect(fresh.title).toBe('Waiting for Dr. Okafor to agree')
    expect(fresh.detail).toBe('Asked 11-20 to be Maya Robinson’s research mentor.')
    expect(fresh.action).toEqual({ to: '/advising/students/s1', label: 'Open Maya’s board' })
    const reminded = waitingOnOthersNeed({ ...asked, remindedAt: '2026-11-27T12:00:00Z', lapsesAt: '2026-12-11T12:00:00Z' }, false, day)
    expect(reminded.detail).toMatch(/No answer since the reminder of 11-27; the request lapses on 12-11: you may want to ask someone else\.$/)
    expect(reminded.action.to).toBe('/admin/advisors')
  })

  it('gives the page one primary answer: the most urgent card answered in place', () => {
    const agreement = agreementNeed({
      assignmentId: 'a1',
      student: { id: 's1', name: 'Maya Robinson' },
      slotLabel: 'research mentor',
      askedBy: null,
      askedAt: inDays(-1),
      note: '',
    })
    const late = dated('letter-late', inDays(-1))
    expect(primaryAnswerId(byUrgency([gapNeed('board', 'Board', '', { to: '/advising', label: 'x' }), agreement, late]))).toBe('agreement-a1')
    expect(primaryAnswerId([late])).toBeNull()
  })

  it("counts an advisor's students with empty slots once, in one sentence", () => {
    expect(studentsMissingSlotsNeed(0, 55)).toBeNull()
    expect(studentsMissingSlotsNeed(12, 55)?.title).toBe('12 of your 55 students have empty advising-board slots')
    expect(studentsMissingSlotsNeed(1, 55)?.title).toBe('1 of your 55 students has empty advising-board slots')
    expect(studentsMissingSlotsNeed(55, 55)?.title).toBe('All 55 of your students have empty advising-board slots')
    expect(studentsMissingSlotsNeed(1, 1)?.title).toBe('Your one student has empty advising-board slots')
    for (const need of [studentsMissingSlotsNeed(55, 55), studentsMissingSlotsNeed(12, 55)]) expect(need?.detail).not.toMatch(/\d/)
  })

  describe('applications waiting on the poster of an opportunity', () => {
    const posted = (id: string, title: string, applicationCounts: Record<string, number>) =>
      ({ id, title, applicationCounts }) as unknown as Parameters<typeof applicationsToAnswerNeed>[0][number]

    it('says nothing when every application is answered', () => {
      expect(applicationsToAnswerNeed([])).toBeNull()
      expect(applicationsToAnswerNeed([posted('a', 'Cardiac imaging', { accepted: 2, declined: 3, withdrawn: 1 })])).toBeNull()
    })

    it('counts received and shortlisted applications, and links one opportunity to its applicants', () => {
      const need = applicationsToAnswerNeed([posted('a', 'Cardiac imaging', { submitted: 2, shortlisted: 1, accepted: 4 }), posted('b', 'Clinic', {})])
      expect(need).toMatchObject({ urgency: 1, title: '3 applications to answer for Cardiac imaging', action: { to: '/opportunities/a/applicants' } })
      expect(applicationsToAnswerNeed([posted('a', 'Clinic', { submitted: 1 })])?.title).toBe('1 application to answer for Clinic')
    })

    it('sums several opportunities and links to the list of them', () => {
      const need = applicationsToAnswerNeed([posted('a', 'Cardiac imaging', { submitted: 2 }), posted('b', 'Clinic', { shortlisted: 1 })])
      expect(need).toMatchObject({ title: '3 applications to answer for 2 of your opportunities', action: { to: '/opportunities/posted' } })
    })
  })
})
