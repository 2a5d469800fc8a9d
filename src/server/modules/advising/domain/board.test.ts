import { describe, expect, it } from 'vitest'
import { computeBoard, declaredSpecialtyOf, monthYear, suggestionsForSlot, type BoardInputs, type SuggestionCandidate } from './board.ts'

const student = { id: 's1', name: 'Maya Robinson', specialtyInterests: ['dermatology', 'internal-medicine'] }
const march = new Date('2026-03-10T12:00:00Z')

function inputs(overrides: Partial<BoardInputs> = {}): BoardInputs {
  return { student, officeAdvisors: [], assignments: [], mentorships: [], ...overrides }
}

function mentorship(
  id: string,
  mentorKind: BoardInputs['mentorships'][number]['mentorKind'],
  extra: Partial<BoardInputs['mentorships'][number]> = {},
): BoardInputs['mentorships'][number] {
  return {
    id: `m-${id}`,
    kind: 'ongoing',
    startedAt: march,
    mentor: { id, name: `Mentor ${id}` },
    mentorKind,
    mentorSpecialtyId: null,
    mentorOffers: [],
    mentorAdvisesSpecialtyId: null,
    ...extra,
  }
}

const slot = (board: ReturnType<typeof computeBoard>, name: string) => {
  const found = board.slots.find((s) => s.slot === name)
  if (!found) throw new Error(`no slot ${name}`)
  return found
}

describe('declaredSpecialtyOf', () => {
  it('is the first specialty interest, by name', () => {
    expect(declaredSpecialtyOf(['dermatology', 'neurology'])).toEqual({ id: 'dermatology', name: 'Dermatology' })
    expect(declaredSpecialtyOf([])).toBeNull()
  })
})

describe('monthYear', () => {
  it('reads in UTC', () => {
    expect(monthYear(new Date('2026-03-31T23:30:00Z'))).toBe('March 2026')
  })
})

describe('computeBoard', () => {
  it('flags every slot of a student with nobody, worded for the audience', () => {
    const board = computeBoard(inputs(), 'student')
    expect(board.emptySlots).toEqual(['advisory-dean', 'specialty-advisor', 'research-mentor', 'near-peer', 'resident-or-alumni'])
    expect(slot(board, 'specialty-advisor').label).toBe('Dermatology advisor')
    expect(slot(board, 'specialty-advisor').flag).toMatch(/No Dermatology advisor yet/)
    expect(computeBoard(inputs(), 'staff').slots[1]?.flag).toBe('No Dermatology advisor.')
  })

  it('asks a student with no specialty interest to declare one', () => {
    const board = computeBoard(inputs({ student: { ...student, specialtyInterests: [] } }), 'student')
    expect(board.declaredSpecialty).toBeNull()
    expect(slot(board, 'specialty-advisor').flag).toMatch(/No specialty declared yet/)
    expect(slot(board, 'specialty-advisor').directoryQuery).toBeNull()
  })

  it('fills the advisory dean from Office assignments of Student Affairs advisors only', () => {
    const board = computeBoard(
      inputs({
        officeAdvisors: [
          { person: { id: 'a1', name: 'Elena Vargas' }, advisesSpecialtyId: null, assignedAt: march },
          { person: { id: 'a2', name: 'Derm Advisor' }, advisesSpecialtyId: 'dermatology', assignedAt: march },
        ],
      }),
      'student',
    )
    expect(slot(board, 'advisory-dean').holders.map((h) => [h.person.name, h.source, h.why])).toEqual([
      ['Elena Vargas', 'office-assignment', 'Assigned by the Office of Student Affairs in March 2026'],
    ])
    expect(slot(board, 'specialty-advisor').holders.map((h) => h.person.id)).toEqual(['a2'])
    expect(board.emptySlots).not.toContain('advisory-dean')
    expect(board.emptySlots).not.toContain('specialty-advisor')
  })

  it('fills slots from active mentorships by mentor kind, specialty and offers', () => {
    const board = computeBoard(
      inputs({
        mentorships: [
          mentorship('f-derm', 'faculty', { mentorSpecialtyId: 'dermatology', mentorOffers: ['research'] }),
          mentorship('np', 'near-peer', { kind: 'coffee-chat' }),
          mentorship('fel', 'fellow'),
          mentorship('f-neuro', 'faculty', { mentorSpecialtyId: 'neurology' }),
        ],
      }),
      'student',
    )
    expect(slot(board, 'specialty-advisor').holders.map((h) => h.person.id)).toEqual(['f-derm'])
    expect(slot(board, 'specialty-advisor').holders[0]?.why).toBe('Faculty, Dermatology; active mentorship since March 2026')
    expect(slot(board, 'research-mentor').holders.map((h) => h.person.id)).toEqual(['f-derm'])
    expect(slot(board, 'resident-or-alumni').holders.map((h) => h.person.id)).toEqual(['fel'])
    // A one-off coffee chat fills no slot; it is listed with the others in the student's corner.
    expect(slot(board, 'near-peer').holders).toEqual([])
    expect(board.emptySlots).toEqual(['advisory-dean', 'near-peer'])
    // A faculty mentor of another specialty fills no slot, and is never said to have left one.
    expect(slot(board, 'specialty-advisor').former).toEqual([])
    expect(board.others.map((o) => [o.person.id, o.why])).toEqual([
      ['np', 'Near-peer student; coffee chat since March 2026'],
      ['f-neuro', 'Faculty, Neurology; active mentorship since March 2026'],
    ])
  })

  it('places a mentor of one of the student’s other specialty interests in the corner, without "no longer in this slot"', () => {
    // The program-paired case: declared Emergency Medicine all along, paired with Internal Medicine faculty.
    const em = { ...student, specialtyInterests: ['emergency-medicine', 'internal-medicine'] }
    const board = computeBoard(inputs({ student: em, mentorships: [mentorship('f-im', 'faculty', { mentorSpecialtyId: 'internal-medicine' })] }), 'student')
    expect(slot(board, 'specialty-advisor').former).toEqual([])
    expect(board.others.map((o) => o.why)).toEqual(['Faculty, Internal Medicine (one of your specialty interests); active mentorship since March 2026'])
    const staff = computeBoard(inputs({ student: em, mentorships: [mentorship('f-im', 'faculty', { mentorSpecialtyId: 'internal-medicine' })] }), 'staff')
    expect(staff.others[0]?.why).toBe('Faculty, Internal Medicine (one of Maya’s specialty interests); active mentorship since March 2026')
  })

  it('does not demand a near-peer of a final-year student', () => {
    const board = computeBoard(inputs({ student: { ...student, classYear: 'M4' } }), 'student')
    const nearPeer = slot(board, 'near-peer')
    expect(nearPeer.isRequired).toBe(false)
    expect(nearPeer.flag).toBeNull()
    expect(board.emptySlots).not.toContain('near-peer')
    expect(slot(computeBoard(inputs({ student: { ...student, classYear: 'M3' } }), 'student'), 'near-peer').isRequired).toBe(true)
  })

  it('fills assignable slots from explicit assignments, and a specialty assignment only for its specialty', () => {
    const board = computeBoard(
      inputs({
        assignments: [
          { id: 'as1', slot: 'research-mentor', person: { id: 'r', name: 'Research Person' }, specialtyId: null, assignedAt: march, agreedAt: march },
          { id: 'as2', slot: 'specialty-advisor', person: { id: 'd', name: 'Derm Person' }, specialtyId: 'dermatology', assignedAt: march, agreedAt: march },
        ],
      }),
      'student',
    )
    expect(slot(board, 'research-mentor').holders[0]).toMatchObject({
      source: 'board-assignment',
      assignmentId: 'as1',
      why: 'Assigned as research mentor in March 2026',
    })
    expect(slot(board, 'specialty-advisor').holders[0]).toMatchObject({ person: { id: 'd' }, why: 'Assigned as Dermatology advisor in March 2026' })
  })

  it('shows an assignment awaiting the person’s agreement to staff only, and never as a former holder', () => {
    const asked = inputs({
      assignments: [
        { id: 'as1', slot: 'research-mentor', person: { id: 'r', name: 'Dr. Research' }, specialtyId: null, assignedAt: march, agreedAt: null },
        { id: 'as2', slot: 'specialty-advisor', person: { id: 'd', name: 'Derm Person' }, specialtyId: 'internal-medicine', assignedAt: march, agreedAt: null },
      ],
    })
    const forStudent = computeBoard(asked, 'student')
    expect(slot(forStudent, 'research-mentor').holders).toEqual([])
    expect(slot(forStudent, 'research-mentor').isEmpty).toBe(true)
    expect(slot(forStudent, 'specialty-advisor').former).toEqual([])

    const forStaff = computeBoard(asked, 'staff')
    expect(slot(forStaff, 'research-mentor').holders[0]).toMatchObject({
      assignmentId: 'as1',
      awaitingAgreement: true,
      why: 'Asked in March 2026 to be research mentor; awaiting Dr. Research’s agreement',
    })
    expect(slot(forStaff, 'research-mentor').isEmpty).toBe(false)
    expect(forStaff.emptySlots).not.toContain('research-mentor')
    expect(slot(forStaff, 'specialty-advisor').former).toEqual([])

    const agreed = computeBoard({ ...asked, assignments: asked.assignments.map((a) => ({ ...a, agreedAt: march })) }, 'student')
    expect(slot(agreed, 'research-mentor').holders[0]).toMatchObject({ awaitingAgreement: false, why: 'Assigned as research mentor in March 2026' })
  })

  it('follows a change of declared specialty: an assignment made for the old one becomes former, the slot empties', () => {
    const before = inputs({
      officeAdvisors: [{ person: { id: 'a2', name: 'Derm Advisor' }, advisesSpecialtyId: 'dermatology', assignedAt: march }],
      assignments: [
        { id: 'as2', slot: 'specialty-advisor', person: { id: 'd', name: 'Derm Person' }, specialtyId: 'dermatology', assignedAt: march, agreedAt: march },
      ],
      mentorships: [mentorship('f-derm', 'faculty', { mentorSpecialtyId: 'dermatology' })],
    })
    expect(slot(computeBoard(before, 'student'), 'specialty-advisor').holders).toHaveLength(3)

    const after = computeBoard({ ...before, student: { ...student, specialtyInterests: ['internal-medicine', 'dermatology'] } }, 'student')
    const specialty = slot(after, 'specialty-advisor')
    expect(after.declaredSpecialty?.name).toBe('Internal Medicine')
    expect(specialty.label).toBe('Internal Medicine advisor')
    expect(specialty.holders).toEqual([])
    expect(specialty.isEmpty).toBe(true)
    expect(specialty.flag).toMatch(/No Internal Medicine advisor yet/)
    expect(specialty.directoryQuery).toContain('specialty=internal-medicine')
    // Only the board assignment recorded the specialty declared when it was made: it alone proves a change.
    expect(specialty.former.map((f) => [f.person.id, f.why])).toEqual([
      ['d', 'Assigned as your Dermatology advisor; your declared specialty is now Internal Medicine.'],
    ])
    expect(specialty.former.find((f) => f.person.id === 'd')?.assignmentId).toBe('as2')
    expect(after.others.map((o) => [o.person.id, o.why])).toEqual([
      ['a2', 'Dermatology specialty advisor (one of your specialty interests); assigned by the Office in March 2026'],
      ['f-derm', 'Faculty, Dermatology (one of your specialty interests); active mentorship since March 2026'],
    ])
    expect(
      computeBoard({ ...before, student: { ...student, specialtyInterests: ['internal-medicine', 'dermatology'] } }, 'staff').slots[1]?.former[0]?.why,
    ).toBe('Assigned as Maya’s Dermatology advisor; Maya’s declared specialty is now Internal Medicine.')
    // Still an advisor the Office assigned: the advisory dean slot is not filled by a specialty advisor.
    expect(after.emptySlots).toContain('advisory-dean')
  })

  it('counts a person once per slot, whatever the number of reasons', () => {
    const board = computeBoard(
      inputs({
        assignments: [{ id: 'as1', slot: 'near-peer', person: { id: 'np', name: 'NP' }, specialtyId: null, assignedAt: march, agreedAt: march }],
        mentorships: [mentorship('np', 'near-peer')],
      }),
      'student',
    )
    expect(slot(board, 'near-peer').holders).toHaveLength(1)
    expect(slot(board, 'near-peer').holders[0]?.source).toBe('board-assignment')
  })

  it('lets a mentor who is also a specialty advisor fill the slot whatever their mentor kind', () => {
    const board = computeBoard(inputs({ mentorships: [mentorship('x', 'alumni', { mentorAdvisesSpecialtyId: 'dermatology' })] }), 'staff')
    expect(slot(board, 'specialty-advisor').holders[0]?.why).toBe('Dermatology specialty advisor; active mentorship since March 2026')
    expect(slot(board, 'resident-or-alumni').holders).toHaveLength(1)
  })
})

describe('suggestionsForSlot', () => {
  const candidate = (id: string, kind: SuggestionCandidate['kind'], extra: Partial<SuggestionCandidate> = {}): SuggestionCandidate => ({
    id,
    name: `Person ${id}`,
    kind,
    specialtyName: null,
    offers: [],
    openPlaces: 1,
    reasons: ['a reason'],
    ...extra,
  })
  const recommended = [
    candidate('np1', 'near-peer'),
    candidate('fd', 'faculty', { specialtyName: 'Dermatology', offers: ['research'] }),
    candidate('fn', 'faculty', { specialtyName: 'Neurology' }),
    candidate('res', 'resident'),
    candidate('alu', 'alumni', { offers: ['research'] }),
    candidate('np2', 'near-peer'),
  ]
  const derm = { id: 'dermatology', name: 'Dermatology' }

  it('keeps the recommendations order, filtered to the slot', () => {
    expect(suggestionsForSlot('near-peer', derm, recommended, [], new Set()).map((s) => s.person.id)).toEqual(['np1', 'np2'])
    expect(suggestionsForSlot('research-mentor', derm, recommended, [], new Set()).map((s) => s.person.id)).toEqual(['fd', 'alu'])
    expect(suggestionsForSlot('resident-or-alumni', derm, recommended, [], new Set()).map((s) => s.person.id)).toEqual(['res', 'alu'])
  })

  it('suggests for the declared specialty only, its specialty advisors first', () => {
    const out = suggestionsForSlot('specialty-advisor', derm, recommended, [{ id: 'adv', name: 'Derm Adviser' }], new Set())
    expect(out.map((s) => [s.person.id, s.action])).toEqual([
      ['adv', 'ask-advisor'],
      ['fd', 'request'],
    ])
    expect(suggestionsForSlot('specialty-advisor', null, recommended, [], new Set())).toEqual([])
  })

  it('lets the student ask a specialty advisor directly when they are also a listed mentor with a place', () => {
    const out = suggestionsForSlot('specialty-advisor', derm, recommended, [{ id: 'fd', name: 'Person fd' }], new Set())
    expect(out.map((s) => [s.person.id, s.action, s.openPlaces, s.headline])).toEqual([['fd', 'request', 1, 'Dermatology specialty advisor']])
  })

  it('suggests near-peers a year or two ahead only, none to a final-year student', () => {
    const peers = [
      candidate('m1', 'near-peer', { classYear: 'M1' }),
      candidate('m2', 'near-peer', { classYear: 'M2' }),
      candidate('m3', 'near-peer', { classYear: 'M3' }),
      candidate('m4', 'near-peer', { classYear: 'M4' }),
      candidate('x', 'near-peer'),
    ]
    const ids = (classYear: 'M1' | 'M2' | 'M3' | 'M4') =>
      suggestionsForSlot('near-peer', derm, peers, [], new Set(), 5, { studentClassYear: classYear }).map((s) => s.person.id)
    expect(ids('M1')).toEqual(['m2', 'm3'])
    expect(ids('M2')).toEqual(['m3', 'm4'])
    expect(ids('M3')).toEqual(['m4'])
    expect(ids('M4')).toEqual([])
  })

  it('puts a mentor the student already asked first, marked pending, never offered again', () => {
    const out = suggestionsForSlot('resident-or-alumni', derm, recommended, [], new Set(), 3, { pendingRequests: new Map([['alu', 'req-1']]) })
    expect(out.map((s) => [s.person.id, s.pendingRequestId])).toEqual([
      ['alu', 'req-1'],
      ['res', null],
    ])
  })

  it('leaves out people already on the board, and stops at the limit', () => {
    expect(suggestionsForSlot('near-peer', derm, recommended, [], new Set(['np1'])).map((s) => s.person.id)).toEqual(['np2'])
    expect(suggestionsForSlot('resident-or-alumni', derm, recommended, [], new Set(), 1)).toHaveLength(1)
    expect(suggestionsForSlot('advisory-dean', derm, recommended, [], new Set())).toEqual([])
  })
})
