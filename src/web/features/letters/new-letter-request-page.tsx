import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { CreateLetterRequest, MAX_PACKET_DOCUMENT_BYTES } from '#shared/contracts/letters.ts'
import { LETTER_TYPE_LABELS, LETTER_TYPES, type LetterPacketDocument, type LetterType } from '#shared/enums.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { errorMessage, isAppError } from '../../api/client.ts'
import { useCreateLetterRequest, useMentorSearch, useMyLetters, useUploadPacketDocument, type MentorChoice } from '../../api/letters.ts'
import { ErrorSummary, Notice } from '../../components/feedback.tsx'
import { RadioGroup, SelectField, TextAreaField, TextField, type Option } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { formatDateTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { SPECIALTY_OPTIONS } from '../profiles/labels.ts'
import { daysUntil, formatDueDate, relativeDays } from './letter-format.ts'
import type { CreatedState } from './my-letters-page.tsx'
import { PdfFileField } from './pdf-file-field.tsx'

/** The order fields appear in, so the error summary reads top to bottom. */
const FIELD_ORDER = [
  'writerMode',
  'writerPersonId',
  'writerName',
  'writerEmail',
  'purpose',
  'specialtyId',
  'programName',
  'letterType',
  'dueDate',
  'erasLetterId',
  'cv',
  'personalStatement',
  'talkingPoints',
  'waivedRightOfAccess',
] as const

const LABELS: Record<string, string> = {
  writerMode: 'Writer',
  writerPersonId: 'Mentor',
  writerName: 'Writer’s name',
  writerEmail: 'Writer’s e-mail',
  purpose: 'What the letter is for',
  specialtyId: 'Specialty',
  programName: 'Program',
  letterType: 'Kind of letter',
  dueDate: 'Due date',
  erasLetterId: 'ERAS Letter ID',
  cv: 'CV',
  personalStatement: 'Personal statement',
  talkingPoints: 'Talking points',
  waivedRightOfAccess: 'Right to read the letter',
}

const fieldId = (field: string) => `letter-${field}`

function ordered(fields: FieldErrors): FieldErrors {
  const result: FieldErrors = {}
  for (const key of FIELD_ORDER) if (fields[key]) result[key] = fields[key]
  for (const [key, value] of Object.entries(fields)) result[key] ??= value
  return result
}

const WRITER_MODES: Option[] = [
  { value: 'mentor', label: 'A mentor in Preceptor', description: 'They get an e-mail and answer from their Letters page.' },
  { value: 'outside', label: 'Someone outside Preceptor', description: 'They get an e-mail with a private link to upload the letter; no account needed.' },
]

const PURPOSES: Option[] = [
  { value: 'specialty', label: 'Applications in a specialty' },
  { value: 'program', label: 'A named program' },
  { value: 'general', label: 'General use' },
]

const TYPE_DESCRIPTIONS: Record<LetterType, string> = {
  standard: 'A letter in the writer’s own words: the usual kind.',
  sloe: 'A form some specialties ask for, such as emergency medicine; the writer fills it in.',
  chair: 'From the chair of the department, when programs in the specialty ask for one.',
}
const TYPE_OPTIONS: Option[] = LETTER_TYPES.map((value) => ({ value, label: LETTER_TYPE_LABELS[value], description: TYPE_DESCRIPTIONS[value] }))

const WAIVER_OPTIONS: Option[] = [
  {
    value: 'waive',
    label: 'Yes, I waive my right to read this letter',
    description: 'The letter stays confidential. You will never be able to read it, but you will always see its status.',
  },
  {
    value: 'keep',
    label: 'No, I keep my right to read this letter',
    description: 'You may read the letter once it is submitted. Some programs give such letters less weight.',
  },
]

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

function MentorPicker({
  chosen,
  onChoose,
  error,
  onUnavailable,
}: {
  chosen: MentorChoice | null
  onChoose: (mentor: MentorChoice | null) => void
  error: string | undefined
  onUnavailable: () => void
}) {
  const [query, setQuery] = useState('')
  const q = useDebounced(query.trim(), 250)
  const search = useMentorSearch(q)
  const unavailable = search.isError && (isAppError(search.error, 'NOT_FOUND') || isAppError(search.error, 'FORBIDDEN'))
  useEffect(() => {
    if (unavailable) onUnavailable()
  }, [unavailable, onUnavailable])
  const results = q.length >= 2 ? (search.data?.results ?? []) : []
  const options: Option[] = results.map((mentor) => ({
    value: mentor.id,
    label: mentor.name,
    description: [mentor.specialtyName, mentor.departmentName].filter(Boolean).join(' · ') || 'Mentor',
  }))
  if (chosen && !options.some((o) => o.value === chosen.id)) {
    options.unshift({
      value: chosen.id,
      label: chosen.name,
      description: [chosen.specialtyName, chosen.departmentName].filter(Boolean).join(' · ') || 'Mentor',
    })
  }
  const resultText =
    q.length < 2
      ? 'Results appear as you type.'
      : search.isFetching
        ? 'Searching…'
        : search.isError
          ? errorMessage(search.error)
          : results.length === 0
            ? 'No mentor matches. Try another spelling, or ask someone outside Preceptor.'
            : `${results.length} ${results.length === 1 ? 'mentor matches' : 'mentors match'}. Choose one below.`

  return (
    <div className="mentor-picker">
      <TextField
        id="letter-mentor-search"
        type="search"
        label="Find a mentor"
        hint="A whole first or last name, or a specialty, for example: Okafor, cardiology."
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        error={options.length === 0 ? error : undefined}
        onKeyDown={(e) => {
          // Enter searches as typed; it must not send the whole form.
          if (e.key === 'Enter') e.preventDefault()
        }}
      />
      <div role="status" className="field-hint mentor-results-status">
        <p>{resultText}</p>
      </div>
      {q.length >= 2 && results.length === 0 && search.data?.didYouMean ? (
        <p>
          <button type="button" className="button button-ghost button-small" onClick={() => setQuery(search.data?.didYouMean ?? '')}>
            Did you mean {search.data.didYouMean}?
          </button>
        </p>
      ) : null}
      {options.length > 0 ? (
        <RadioGroup
          id={fieldId('writerPersonId')}
          name="writerPersonId"
          label="Mentor"
          options={options}
          value={chosen?.id ?? ''}
          onChange={(id) => onChoose(results.find((m) => m.id === id) ?? chosen)}
          error={error}
        />
      ) : null}
    </div>
  )
}

type Files = Record<LetterPacketDocument, File | null>

export function NewLetterRequestPage() {
  usePageTitle('Request a letter')
  const navigate = useNavigate()
  const create = useCreateLetterRequest()
  const uploadPacket = useUploadPacketDocument()
  const mine = useMyLetters()
  const [writerMode, setWriterMode] = useState('')
  const [mentor, setMentor] = useState<MentorChoice | null>(null)
  const [directoryMissing, setDirectoryMissing] = useState(false)
  const [writerName, setWriterName] = useState('')
  const [writerEmail, setWriterEmail] = useState('')
  const [purpose, setPurpose] = useState('')
  const [specialtyId, setSpecialtyId] = useState('')
  const [programName, setProgramName] = useState('')
  const [letterType, setLetterType] = useState('')
  const [dueDate, setDueDate] = useState('')
  const [erasLetterId, setErasLetterId] = useState('')
  const [talkingPoints, setTalkingPoints] = useState('')
  const [files, setFiles] = useState<Files>({ cv: null, 'personal-statement': null })
  const [fileErrors, setFileErrors] = useState<Record<string, string>>({})
  const [waiver, setWaiver] = useState('')
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [sending, setSending] = useState(false)
  const onUnavailable = useRef(() => {
    setDirectoryMissing(true)
    setWriterMode('outside')
  }).current

  const fields = ordered({ ...fileErrors, ...problem.fields })
  const error = (field: string) => fields[field]
  const days = dueDate ? daysUntil(dueDate) : null
  const revokedAt = mine.data?.waiverRevokedAt ?? null

  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }

  const setFile = (document: LetterPacketDocument, key: string) => (file: File | null, fileProblem: string | null) => {
    setFiles((current) => ({ ...current, [document]: file }))
    setFileErrors((current) => {
      const next = { ...current }
      if (fileProblem) next[key] = fileProblem
      else delete next[key]
      return next
    })
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const input = {
      ...(writerMode === 'mentor' && mentor ? { writerPersonId: mentor.id } : {}),
      ...(writerMode === 'outside' ? { writerName: writerName.trim() || undefined, writerEmail: writerEmail.trim() || undefined } : {}),
      purpose: purpose || undefined,
      ...(purpose === 'specialty' && specialtyId ? { specialtyId } : {}),
      ...(purpose === 'program' ? { programName: programName.trim() || undefined } : {}),
      letterType: letterType || undefined,
      dueDate,
      ...(erasLetterId.trim() ? { erasLetterId: erasLetterId.trim() } : {}),
      ...(talkingPoints.trim() ? { talkingPoints } : {}),
      waivedRightOfAccess: waiver === 'waive' ? true : waiver === 'keep' ? false : undefined,
    }
    const result = validate(CreateLetterRequest, input)
    const local: FieldErrors = {}
    // The contract's cross-field rules run only once the rest passes; say everything at once.
    if (!writerMode) local.writerMode = 'Choose a mentor in Preceptor or someone outside it.'
    if (writerMode === 'mentor' && !mentor) local.writerPersonId = 'Search for the mentor and choose them.'
    if (writerMode === 'outside' && !writerName.trim()) local.writerName = 'Give the writer’s name.'
    if (writerMode === 'outside' && !writerEmail.trim()) local.writerEmail = 'Give the writer’s e-mail address.'
    if (purpose === 'specialty' && !specialtyId) local.specialtyId = 'Choose the specialty.'
    if (purpose === 'program' && !programName.trim()) local.programName = 'Name the program.'
    if (!dueDate) local.dueDate = 'Choose the date the letter is due.'
    if (dueDate && days !== null && days < 0) local.dueDate = 'This date has passed. Choose today or a later date.'
    const errors: FieldErrors = { ...(result.ok ? {} : result.errors), ...local }
    if (writerMode === '') delete errors.writerPersonId
    if (!result.ok || Object.keys(local).length > 0 || Object.keys(fileErrors).length > 0) {
      return fail({ message: null, fields: errors })
    }
    setProblem({ message: null, fields: {} })
    setSending(true)
    try {
      const response = await create.mutateAsync(result.data)
      const writer = response.request.writer.name
      const failed: string[] = []
      for (const document of ['cv', 'personal-statement'] as const) {
        const file = files[document]
        if (!file) continue
        try {
          await uploadPacket.mutateAsync({ id: response.request.id, document, file })
        } catch (cause) {
          failed.push(`${document === 'cv' ? 'Your CV' : 'Your personal statement'} could not be attached: ${errorMessage(cause)}`)
        }
      }
      const state: CreatedState = {
        created: {
          writerName: writer,
          warning: response.dueDateWarning,
          packetProblem: failed.length ? `${failed.join(' ')} Add it from the request below.` : null,
        },
      }
      void navigate('/letters', { state })
    } catch (cause) {
      fail(problemFrom(cause, FIELD_ORDER))
    } finally {
      setSending(false)
    }
  }

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <p className="breadcrumb">
          <Link to="/letters">My letters</Link>
        </p>
        <h1 tabIndex={-1}>Request a letter</h1>
        <p className="lead">
          Ask someone who knows your work well, at least four weeks before the letter is due. Give them what they need: your deadline, CV, personal statement
          and a few talking points.
        </p>
      </div>
      <ErrorSummary
        message={problem.message}
        fields={fields}
        idFor={(field) => (field === 'writerPersonId' ? 'letter-mentor-search' : fieldId(field))}
        labels={LABELS}
        attempt={attempt}
      />
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="form letter-form">
        <section className="card form" aria-labelledby="letter-writer-title">
          <h2 id="letter-writer-title">Who will write it</h2>
          {directoryMissing ? (
            <Notice tone="info">
              <p>Searching for mentors is not available yet. Ask your writer by name and e-mail below; they do not need an account.</p>
            </Notice>
          ) : (
            <RadioGroup
              id={fieldId('writerMode')}
              name="writerMode"
              label="Your writer is"
              options={WRITER_MODES}
              value={writerMode}
              onChange={setWriterMode}
              error={error('writerMode')}
            />
          )}
          {writerMode === 'mentor' ? <MentorPicker chosen={mentor} onChoose={setMentor} error={error('writerPersonId')} onUnavailable={onUnavailable} /> : null}
          {writerMode === 'outside' ? (
            <div className="form-grid">
              <TextField
                id={fieldId('writerName')}
                label="Writer’s name"
                autoComplete="off"
                hint="As they sign letters, for example Dr. Ana Lopez."
                value={writerName}
                onChange={(e) => setWriterName(e.currentTarget.value)}
                error={error('writerName')}
              />
              <TextField
                id={fieldId('writerEmail')}
                label="Writer’s e-mail"
                type="email"
                autoComplete="off"
                hint="The writer’s own address (not yours, not a student address). The private upload link goes here."
                value={writerEmail}
                onChange={(e) => setWriterEmail(e.currentTarget.value)}
                error={error('writerEmail')}
              />
            </div>
          ) : null}
        </section>

        <section className="card form" aria-labelledby="letter-what-title">
          <h2 id="letter-what-title">The letter</h2>
          <RadioGroup
            id={fieldId('purpose')}
            name="purpose"
            label="What is the letter for?"
            options={PURPOSES}
            value={purpose}
            onChange={setPurpose}
            error={error('purpose')}
          />
          {purpose === 'specialty' ? (
            <SelectField
              id={fieldId('specialtyId')}
              label="Specialty"
              placeholder="Choose a specialty…"
              options={SPECIALTY_OPTIONS}
              value={specialtyId}
              onChange={(e) => setSpecialtyId(e.currentTarget.value)}
              error={error('specialtyId')}
            />
          ) : null}
          {purpose === 'program' ? (
            <TextField
              id={fieldId('programName')}
              label="Program"
              hint="For example: Riverside Internal Medicine Residency."
              value={programName}
              onChange={(e) => setProgramName(e.currentTarget.value)}
              error={error('programName')}
            />
          ) : null}
          <RadioGroup
            id={fieldId('letterType')}
            name="letterType"
            label="Kind of letter"
            options={TYPE_OPTIONS}
            value={letterType}
            onChange={setLetterType}
            error={error('letterType')}
          />
          <div className="form-grid">
            <TextField
              id={fieldId('dueDate')}
              type="date"
              label="Due date"
              hint="When the letter must be uploaded to ERAS or sent to the program."
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={error('dueDate')}
              aria-describedby={`${fieldId('dueDate')}-hint${error('dueDate') ? ` ${fieldId('dueDate')}-error` : ''}${days !== null && days >= 0 && days < 28 ? ` ${fieldId('dueDate')}-warning` : ''}`}
            />
            <TextField
              id={fieldId('erasLetterId')}
              label="ERAS Letter ID (optional)"
              hint="From the ERAS letter request, if you have one."
              autoComplete="off"
              value={erasLetterId}
              onChange={(e) => setErasLetterId(e.currentTarget.value)}
              error={error('erasLetterId')}
            />
          </div>
          {days !== null && days >= 0 && days < 28 ? (
            <div id={`${fieldId('dueDate')}-warning`} className="notice notice-warning">
              <p>
                <strong>Short notice:</strong> {formatDueDate(dueDate)} is {relativeDays(days)}. Writers usually need at least four weeks. You can still ask;
                say in your talking points why it is soon, and check that the date works for them.
              </p>
            </div>
          ) : null}
        </section>

        <section className="card form" aria-labelledby="letter-packet-title">
          <h2 id="letter-packet-title">Your packet</h2>
          <p className="section-intro">Optional, but writers write better letters with it. You can add or replace these later.</p>
          <PdfFileField
            id={fieldId('cv')}
            label="CV (optional)"
            hint="PDF, up to 5 MB."
            maxBytes={MAX_PACKET_DOCUMENT_BYTES}
            error={error('cv')}
            onChoose={setFile('cv', 'cv')}
          />
          <PdfFileField
            id={fieldId('personalStatement')}
            label="Personal statement (optional)"
            hint="PDF, up to 5 MB. A draft is fine."
            maxBytes={MAX_PACKET_DOCUMENT_BYTES}
            error={error('personalStatement')}
            onChoose={setFile('personal-statement', 'personalStatement')}
          />
          <TextAreaField
            id={fieldId('talkingPoints')}
            label="Talking points (optional)"
            hint="What you did together, what you are proud of, what you hope they can speak to."
            maxLength={5000}
            value={talkingPoints}
            onChange={(e) => setTalkingPoints(e.currentTarget.value)}
            error={error('talkingPoints')}
          />
        </section>

        <section className="card form" aria-labelledby="letter-waiver-title">
          <h2 id="letter-waiver-title">Your right to read the letter</h2>
          <div className="waiver-explainer">
            <p>
              A federal law (FERPA) gives you the right to read letters written about you. You can give up — <em>waive</em> — that right for this letter. You
              decide; you can send the request either way.
            </p>
            <ul>
              <li>Programs often give waived letters more weight, because the writer could speak freely.</li>
              <li>If you waive, you will never be able to read this letter, in Preceptor or anywhere else.</li>
              <li>Either way, you can always see who is writing it and its status: requested, accepted, submitted, delivered.</li>
            </ul>
            {revokedAt ? (
              <p>You revoked your waiver for future letters on {formatDateTime(revokedAt)}. Answer again for this letter; nothing is chosen for you.</p>
            ) : null}
          </div>
          <RadioGroup
            id={fieldId('waivedRightOfAccess')}
            name="waivedRightOfAccess"
            label="Do you waive your right to read this letter?"
            hint="Required. Neither answer stops the request."
            options={WAIVER_OPTIONS}
            value={waiver}
            onChange={setWaiver}
            error={error('waivedRightOfAccess')}
          />
        </section>

        <div className="form-actions">
          <button type="submit" className="button" disabled={sending}>
            {sending ? 'Sending…' : 'Send request'}
          </button>
          <Link className="button button-secondary" to="/letters">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  )
}
