import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { ChangePasswordRequest } from '#shared/contracts/identity.ts'
import {
  UpdateAdvisorProfileRequest,
  UpdateMentorProfileRequest,
  UpdatePersonRequest,
  UpdateStudentProfileRequest,
  type ProfileResponse,
} from '#shared/contracts/profiles.ts'
import {
  ACADEMIC_RANK_LABELS,
  ACADEMIC_RANKS,
  CLASS_YEAR_LABELS,
  IDENTITY_ATTRIBUTE_LABELS,
  IDENTITY_ATTRIBUTES,
  IDENTITY_VISIBILITIES,
  IDENTITY_VISIBILITY_LABELS,
  MENTOR_KIND_LABELS,
  MENTOR_KINDS,
  MENTOR_OFFERING_LABELS,
  MENTOR_OFFERINGS,
  STUDENT_TRACK_LABELS,
  STUDENT_TRACKS,
  type IdentityVisibility,
} from '#shared/enums.ts'
import { useChangePassword } from '../../api/identity.ts'
import { ClockSection } from './clock-section.tsx'
import { EmailPreferencesSection } from '../notifications/email-preferences-section.tsx'
import { DirectoryHoldSection } from '../records/directory-hold-section.tsx'
import { useMyProfile, useUpdateAdvisorProfile, useUpdateMentorProfile, useUpdatePerson, useUpdateStudentProfile } from '../../api/profiles.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { Checkbox, CheckboxGroup, optionsFrom, RadioGroup, SelectField, TextAreaField, TextField, type Option } from '../../components/fields.tsx'
import { problemFrom } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { DEPARTMENT_OPTIONS, SPECIALTY_OPTIONS } from './labels.ts'
import { PhotoSection } from './photo-section.tsx'
import { SpecialtyRanker } from './specialty-ranker.tsx'
import { useSectionForm } from './use-section-form.ts'

const VISIBILITY_DESCRIPTIONS: Record<IdentityVisibility, string> = {
  private: 'No one else sees it, and it is not used to suggest mentors.',
  advisors: 'Only advisors in the Office of Student Affairs see it.',
  'mentors-and-advisors': 'Advisors and mentors see it, which helps identity-based mentorship.',
  everyone: 'Anyone signed in to Preceptor at the school sees it.',
}

const VISIBILITY_OPTIONS: Option[] = IDENTITY_VISIBILITIES.map((value) => ({
  value,
  label: IDENTITY_VISIBILITY_LABELS[value],
  description: VISIBILITY_DESCRIPTIONS[value],
}))

/** Empty inputs are "not given"; anything else becomes a number, and zod judges it. */
const numberOrUndefined = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value.trim()))

/** `secondary` for the sections around the role's own profile, whose save is the page's primary action. */
function SaveRow({ pending, label, secondary = false }: { pending: boolean; label: string; secondary?: boolean }) {
  return (
    <div className="form-actions">
      <button type="submit" className={secondary ? 'button button-secondary' : 'button'} disabled={pending}>
        {pending ? 'Saving…' : label}
      </button>
    </div>
  )
}

function PersonSection({ profile }: { profile: ProfileResponse }) {
  const update = useUpdatePerson()
  const form = useSectionForm(['name', 'pronouns'])
  const [name, setName] = useState(profile.person.name)
  const [pronouns, setPronouns] = useState(profile.person.pronouns ?? '')
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    form.submit(UpdatePersonRequest, { name, pronouns }, update.mutate, 'Your name and pronouns were saved at')
  }
  return (
    <section id="about" className="card edit-section" aria-labelledby="edit-about">
      <h2 id="edit-about">About you</h2>
      <ErrorSummary {...form.problem} idFor={(f) => `person-${f}`} labels={{ name: 'Name', pronouns: 'Pronouns' }} attempt={form.attempt} />
      <form noValidate onSubmit={onSubmit} className="form">
        <div className="form-grid">
          <TextField
            id="person-name"
            label="Name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.problem.fields.name}
          />
          <TextField
            id="person-pronouns"
            label="Pronouns (optional)"
            hint="For example: she/her, he/him, they/them."
            value={pronouns}
            onChange={(e) => setPronouns(e.currentTarget.value)}
            error={form.problem.fields.pronouns}
          />
        </div>
        <p className="field-hint">
          Your e-mail is <strong>{profile.person.email}</strong>. The Office of Student Affairs can change it.
        </p>
        <SaveRow pending={update.isPending} label="Save name and pronouns" secondary />
        <LiveStatus message={form.saved} />
      </form>
    </section>
  )
}

const STUDENT_FIELDS = [
  'classYear',
  'graduationYear',
  'track',
  'specialtyInterests',
  'careerGoals',
  'helpWanted',
  'identity',
  'identityVisibility',
  'wantsIdentityAlignedMentor',
] as const
const STUDENT_LABELS: Record<string, string> = {
  classYear: 'Class year',
  graduationYear: 'Expected graduation year',
  track: 'Track',
  specialtyInterests: 'Specialty interests',
  careerGoals: 'Career goals',
  helpWanted: 'Help you’d like',
  identity: 'Identity',
  identityVisibility: 'Who can see your identity',
  wantsIdentityAlignedMentor: 'Identity-aligned mentor',
}

function StudentSection({ profile }: { profile: ProfileResponse }) {
  const update = useUpdateStudentProfile()
  const form = useSectionForm(STUDENT_FIELDS)
  const initial = profile.student
  const [graduationYear, setGraduationYear] = useState(initial?.graduationYear ? String(initial.graduationYear) : '')
  const [track, setTrack] = useState<string>(initial?.track ?? '')
  const [interests, setInterests] = useState<string[]>(initial?.specialtyInterests ?? [])
  const [careerGoals, setCareerGoals] = useState(initial?.careerGoals ?? '')
  const [helpWanted, setHelpWanted] = useState<string[]>(initial?.helpWanted ?? [])
  const [identity, setIdentity] = useState<string[]>(initial?.identity ?? [])
  const [visibility, setVisibility] = useState<string>(initial?.identityVisibility ?? 'private')
  const [aligned, setAligned] = useState(initial?.wantsIdentityAlignedMentor ?? false)
  const error = (field: string) => form.problem.fields[field]

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const input = {
      ...(graduationYear.trim() ? { graduationYear: numberOrUndefined(graduationYear) } : {}),
      ...(track ? { track } : {}),
      specialtyInterests: interests,
      careerGoals,
      helpWanted,
      identity,
      identityVisibility: visibility,
      wantsIdentityAlignedMentor: aligned,
    }
    form.submit(UpdateStudentProfileRequest, input, update.mutate, 'Your student profile was saved at')
  }

  return (
    <section id="student" className="card edit-section" aria-labelledby="edit-student">
      <h2 id="edit-student">Student profile</h2>
      <p className="section-intro">Mentors and advisors use this to understand where you are and what would help.</p>
      <ErrorSummary {...form.problem} idFor={(f) => `student-${f}`} labels={STUDENT_LABELS} attempt={form.attempt} />
      <form noValidate onSubmit={onSubmit} className="form">
        <div className="form-grid">
          <p className="field" id="student-classYear">
            <strong>Class year:</strong> {initial?.classYear ? CLASS_YEAR_LABELS[initial.classYear] : 'not set yet'}. The Office of Student Affairs sets it; ask
            them if it is wrong.
          </p>
          <TextField
            id="student-graduationYear"
            label="Expected graduation year"
            inputMode="numeric"
            autoComplete="off"
            hint="Four digits, for example 2028."
            value={graduationYear}
            onChange={(e) => setGraduationYear(e.currentTarget.value)}
            error={error('graduationYear')}
          />
          <SelectField
            id="student-track"
            label="Track"
            placeholder="Choose your track…"
            options={optionsFrom(STUDENT_TRACKS, STUDENT_TRACK_LABELS)}
            value={track}
            onChange={(e) => setTrack(e.currentTarget.value)}
            error={error('track')}
          />
        </div>
        <SpecialtyRanker id="student-specialtyInterests" values={interests} onChange={setInterests} max={5} error={error('specialtyInterests')} />
        <TextAreaField
          id="student-careerGoals"
          label="Career goals"
          hint="A few sentences are plenty: what draws you to medicine, what you’d like to explore, what worries you."
          value={careerGoals}
          maxLength={2000}
          onChange={(e) => setCareerGoals(e.currentTarget.value)}
          error={error('careerGoals')}
        />
        <CheckboxGroup
          id="student-helpWanted"
          name="helpWanted"
          label="Help you’d like from a mentor"
          options={optionsFrom(MENTOR_OFFERINGS, MENTOR_OFFERING_LABELS)}
          values={helpWanted}
          onChange={setHelpWanted}
          error={error('helpWanted')}
        />
        <IdentityFields
          prefix="student"
          identity={identity}
          setIdentity={setIdentity}
          visibility={visibility}
          setVisibility={setVisibility}
          errors={form.problem.fields}
        >
          <Checkbox
            id="student-wantsIdentityAlignedMentor"
            label="I’d like to be suggested mentors who share my identity"
            hint="Only then is your identity used to suggest mentors."
            checked={aligned}
            onChange={(e) => setAligned(e.currentTarget.checked)}
            error={error('wantsIdentityAlignedMentor')}
          />
        </IdentityFields>
        <SaveRow pending={update.isPending} label="Save student profile" />
        <LiveStatus message={form.saved} />
      </form>
    </section>
  )
}

function IdentityFields({
  prefix,
  identity,
  setIdentity,
  visibility,
  setVisibility,
  errors,
  children,
}: {
  prefix: string
  identity: string[]
  setIdentity: (values: string[]) => void
  visibility: string
  setVisibility: (value: string) => void
  errors: Record<string, string>
  children?: ReactNode
}) {
  return (
    <div className="identity-block">
      <h3>Identity (optional)</h3>
      <p className="field-hint">
        Sharing any of this is your choice, and you can change it at any time. It helps us suggest mentors with similar experiences. You decide below who can
        see it; it never appears in reports with your name.
      </p>
      <CheckboxGroup
        id={`${prefix}-identity`}
        name={`${prefix}-identity`}
        label="I identify as"
        options={optionsFrom(IDENTITY_ATTRIBUTES, IDENTITY_ATTRIBUTE_LABELS)}
        values={identity}
        onChange={setIdentity}
        error={errors.identity}
      />
      <RadioGroup
        id={`${prefix}-identityVisibility`}
        name={`${prefix}-identityVisibility`}
        label="Who can see this"
        options={VISIBILITY_OPTIONS}
        value={visibility}
        onChange={setVisibility}
        error={errors.identityVisibility}
      />
      {children}
    </div>
  )
}

const MENTOR_FIELDS = [
  'kind',
  'departmentId',
  'specialtyId',
  'subspecialty',
  'academicRank',
  'clinicalSite',
  'city',
  'state',
  'researchInterests',
  'bio',
  'offers',
  'capacity',
  'accepting',
  'languages',
  'identity',
  'identityVisibility',
  'graduationYear',
] as const
const MENTOR_LABELS: Record<string, string> = {
  kind: 'Kind of mentor',
  departmentId: 'Department',
  specialtyId: 'Specialty',
  subspecialty: 'Subspecialty',
  academicRank: 'Academic rank',
  clinicalSite: 'Clinical site',
  city: 'City',
  state: 'State',
  researchInterests: 'Research interests',
  bio: 'Bio',
  offers: 'What you offer',
  capacity: 'Capacity',
  accepting: 'Accepting',
  languages: 'Languages',
  identity: 'Identity',
  identityVisibility: 'Who can see your identity',
  graduationYear: 'Graduation year',
}

function MentorSection({ profile }: { profile: ProfileResponse }) {
  const update = useUpdateMentorProfile()
  const form = useSectionForm(MENTOR_FIELDS)
  const m = profile.mentor ?? {}
  const [kind, setKind] = useState<string>(m.kind ?? '')
  const [departmentId, setDepartmentId] = useState(m.departmentId ?? '')
  const [specialtyId, setSpecialtyId] = useState(m.specialtyId ?? '')
  const [subspecialty, setSubspecialty] = useState(m.subspecialty ?? '')
  const [academicRank, setAcademicRank] = useState<string>(m.academicRank ?? '')
  const [clinicalSite, setClinicalSite] = useState(m.clinicalSite ?? '')
  const [city, setCity] = useState(m.city ?? '')
  const [state, setState] = useState(m.state ?? '')
  const [researchInterests, setResearchInterests] = useState(m.researchInterests ?? '')
  const [bio, setBio] = useState(m.bio ?? '')
  const [offers, setOffers] = useState<string[]>(m.offers ?? [])
  const [capacity, setCapacity] = useState(String(m.capacity ?? 0))
  const [accepting, setAccepting] = useState(m.accepting ?? false)
  const [languages, setLanguages] = useState((m.languages ?? []).join(', '))
  const [identity, setIdentity] = useState<string[]>(m.identity ?? [])
  const [visibility, setVisibility] = useState<string>(m.identityVisibility ?? 'private')
  const [graduationYear, setGraduationYear] = useState(m.graduationYear ? String(m.graduationYear) : '')
  const error = (field: string) => form.problem.fields[field]

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const input = {
      ...(kind ? { kind } : {}),
      departmentId: departmentId || null,
      specialtyId: specialtyId || null,
      subspecialty,
      academicRank: academicRank || null,
      clinicalSite,
      city,
      state: state.trim().toUpperCase(),
      researchInterests,
      bio,
      offers,
      capacity: numberOrUndefined(capacity) ?? 0,
      accepting,
      languages: languages
        .split(',')
        .map((language) => language.trim())
        .filter(Boolean),
      identity,
      identityVisibility: visibility,
      graduationYear: numberOrUndefined(graduationYear) ?? null,
    }
    form.submit(UpdateMentorProfileRequest, input, update.mutate, 'Your mentor profile was saved at')
  }

  return (
    <section id="mentor" className="card edit-section" aria-labelledby="edit-mentor">
      <h2 id="edit-mentor">Mentor profile</h2>
      <p className="section-intro">Students see this when they look for a mentor. A short, specific bio helps them choose you.</p>
      <ErrorSummary {...form.problem} idFor={(f) => `mentor-${f}`} labels={MENTOR_LABELS} attempt={form.attempt} />
      <form noValidate onSubmit={onSubmit} className="form">
        <div className="form-grid">
          <TextField
            id="mentor-capacity"
            label="How many mentees can you take?"
            inputMode="numeric"
            hint="Between 0 and 50 at a time."
            value={capacity}
            onChange={(e) => setCapacity(e.currentTarget.value)}
            error={error('capacity')}
          />
          <div className="field field-align-end">
            <Checkbox
              id="mentor-accepting"
              label="I’m accepting new mentees"
              checked={accepting}
              onChange={(e) => setAccepting(e.currentTarget.checked)}
              error={error('accepting')}
            />
          </div>
        </div>
        <CheckboxGroup
          id="mentor-offers"
          name="offers"
          label="What you offer students"
          options={optionsFrom(MENTOR_OFFERINGS, MENTOR_OFFERING_LABELS)}
          values={offers}
          onChange={setOffers}
          error={error('offers')}
        />
        <TextAreaField
          id="mentor-bio"
          label="Bio"
          hint="Your path, your work, and how you like to mentor."
          value={bio}
          maxLength={4000}
          onChange={(e) => setBio(e.currentTarget.value)}
          error={error('bio')}
        />
        <div className="form-grid">
          <SelectField
            id="mentor-kind"
            label="Kind of mentor"
            placeholder="Choose…"
            options={optionsFrom(MENTOR_KINDS, MENTOR_KIND_LABELS)}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            error={error('kind')}
          />
          <SelectField
            id="mentor-specialtyId"
            label="Specialty"
            placeholder="None"
            options={SPECIALTY_OPTIONS}
            value={specialtyId}
            onChange={(e) => setSpecialtyId(e.currentTarget.value)}
            error={error('specialtyId')}
          />
          <TextField
            id="mentor-subspecialty"
            label="Subspecialty (optional)"
            value={subspecialty}
            onChange={(e) => setSubspecialty(e.currentTarget.value)}
            error={error('subspecialty')}
          />
          <SelectField
            id="mentor-departmentId"
            label="Department"
            placeholder="None"
            options={DEPARTMENT_OPTIONS}
            value={departmentId}
            onChange={(e) => setDepartmentId(e.currentTarget.value)}
            error={error('departmentId')}
          />
          <SelectField
            id="mentor-academicRank"
            label="Academic rank"
            placeholder="None"
            options={optionsFrom(ACADEMIC_RANKS, ACADEMIC_RANK_LABELS)}
            value={academicRank}
            onChange={(e) => setAcademicRank(e.currentTarget.value)}
            error={error('academicRank')}
          />
          <TextField
            id="mentor-clinicalSite"
            label="Clinical site (optional)"
            value={clinicalSite}
            onChange={(e) => setClinicalSite(e.currentTarget.value)}
            error={error('clinicalSite')}
          />
          <TextField
            id="mentor-city"
            label="City (optional)"
            autoComplete="address-level2"
            value={city}
            onChange={(e) => setCity(e.currentTarget.value)}
            error={error('city')}
          />
          <TextField
            id="mentor-state"
            label="State (optional)"
            hint="Two letters, such as OH."
            autoComplete="address-level1"
            maxLength={2}
            value={state}
            onChange={(e) => setState(e.currentTarget.value)}
            error={error('state')}
          />
          <TextField
            id="mentor-graduationYear"
            label="Year you graduated here (alumni)"
            inputMode="numeric"
            value={graduationYear}
            onChange={(e) => setGraduationYear(e.currentTarget.value)}
            error={error('graduationYear')}
          />
          <TextField
            id="mentor-languages"
            label="Languages you mentor in (optional)"
            hint="Separate with commas, for example: English, Spanish."
            value={languages}
            onChange={(e) => setLanguages(e.currentTarget.value)}
            error={error('languages')}
          />
        </div>
        <TextAreaField
          id="mentor-researchInterests"
          label="Research interests (optional)"
          rows={3}
          value={researchInterests}
          maxLength={1000}
          onChange={(e) => setResearchInterests(e.currentTarget.value)}
          error={error('researchInterests')}
        />
        <IdentityFields
          prefix="mentor"
          identity={identity}
          setIdentity={setIdentity}
          visibility={visibility}
          setVisibility={setVisibility}
          errors={form.problem.fields}
        />
        <SaveRow pending={update.isPending} label="Save mentor profile" />
        <LiveStatus message={form.saved} />
      </form>
    </section>
  )
}

function AdvisorSection({ profile }: { profile: ProfileResponse }) {
  const update = useUpdateAdvisorProfile()
  const form = useSectionForm(['title', 'office', 'advisesSpecialtyId'])
  const [title, setTitle] = useState(profile.advisor?.title ?? '')
  const [office, setOffice] = useState(profile.advisor?.office ?? '')
  const [advises, setAdvises] = useState(profile.advisor?.advisesSpecialtyId ?? '')
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    form.submit(UpdateAdvisorProfileRequest, { title, office, advisesSpecialtyId: advises || null }, update.mutate, 'Your advisor profile was saved at')
  }
  return (
    <section id="advisor" className="card edit-section" aria-labelledby="edit-advisor">
      <h2 id="edit-advisor">Advisor profile</h2>
      <ErrorSummary
        {...form.problem}
        idFor={(f) => `advisor-${f}`}
        labels={{ title: 'Title', office: 'Office', advisesSpecialtyId: 'Advises on' }}
        attempt={form.attempt}
      />
      <form noValidate onSubmit={onSubmit} className="form">
        <div className="form-grid">
          <TextField
            id="advisor-title"
            label="Title"
            hint="For example: Assistant Dean for Student Affairs."
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={form.problem.fields.title}
          />
          <TextField
            id="advisor-office"
            label="Office"
            hint="Where students can find you."
            value={office}
            onChange={(e) => setOffice(e.currentTarget.value)}
            error={form.problem.fields.office}
          />
          <SelectField
            id="advisor-advisesSpecialtyId"
            label="Specialty you advise on"
            placeholder="All specialties"
            options={SPECIALTY_OPTIONS}
            value={advises}
            onChange={(e) => setAdvises(e.currentTarget.value)}
            error={form.problem.fields.advisesSpecialtyId}
          />
        </div>
        <SaveRow pending={update.isPending} label="Save advisor profile" />
        <LiveStatus message={form.saved} />
      </form>
    </section>
  )
}

function PasswordSection() {
  const change = useChangePassword()
  const form = useSectionForm(['currentPassword', 'newPassword'])
  const [currentPassword, setCurrent] = useState('')
  const [newPassword, setNew] = useState('')
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    form.submit(
      ChangePasswordRequest,
      { currentPassword, newPassword },
      (input, callbacks) =>
        change.mutate(input, {
          onSuccess: () => {
            setCurrent('')
            setNew('')
            callbacks.onSuccess(undefined as never)
          },
          onError: (error) => form.fail(problemFrom(error, ['currentPassword', 'newPassword'])),
        }),
      'Your new password was saved at',
    )
  }
  return (
    <section id="password" className="card edit-section" aria-labelledby="edit-password">
      <h2 id="edit-password">Change password</h2>
      <ErrorSummary
        {...form.problem}
        idFor={(f) => `password-${f}`}
        labels={{ currentPassword: 'Current password', newPassword: 'New password' }}
        attempt={form.attempt}
      />
      <form noValidate onSubmit={onSubmit} className="form">
        <div className="form-grid">
          <TextField
            id="password-currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={form.problem.fields.currentPassword}
          />
          <TextField
            id="password-newPassword"
            label="New password"
            hint="At least 12 characters."
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={form.problem.fields.newPassword}
          />
        </div>
        <SaveRow pending={change.isPending} label="Change password" secondary />
        <LiveStatus message={form.saved} />
      </form>
    </section>
  )
}

/** A link such as /profile/edit#student-careerGoals lands on that field, ready to type. */
function useFocusFromHash(ready: boolean) {
  const { hash } = useLocation()
  useEffect(() => {
    if (!ready || !hash) return
    const target = document.getElementById(decodeURIComponent(hash.slice(1)))
    if (!target) return
    const control = target.matches('fieldset, section') ? target.querySelector<HTMLElement>('input, select, textarea') : target
    target.scrollIntoView({ block: 'center' })
    ;(control ?? target).focus({ preventScroll: true })
  }, [hash, ready])
}

export function ProfileEditPage() {
  usePageTitle('Edit your profile')
  const profile = useMyProfile()
  useFocusFromHash(Boolean(profile.data))
  const data = profile.data
  const roles = data?.person.roles ?? []

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <p className="breadcrumb">
          <Link to="/profile">My profile</Link>
        </p>
        <h1 tabIndex={-1}>Edit your profile</h1>
        <p className="lead">Each part saves on its own. Everything here can be changed again later.</p>
      </div>
      {profile.isPending ? <Loading label="Loading your profile…" /> : null}
      {profile.isError ? <QueryError error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {data ? (
        <>
          {roles.length > 1 ? (
            <nav aria-label="Parts of your profile" className="section-nav">
              <ul>
                <li>
                  <a href="#about">About you</a>
                </li>
                <li>
                  <a href="#photo">Photo</a>
                </li>
                {roles.includes('student') ? (
                  <li>
                    <a href="#student">Student</a>
                  </li>
                ) : null}
                {roles.includes('mentor') ? (
                  <li>
                    <a href="#mentor">Mentor</a>
                  </li>
                ) : null}
                {roles.includes('advisor') ? (
                  <li>
                    <a href="#advisor">Advisor</a>
                  </li>
                ) : null}
                <li>
                  <a href="#clock">Times</a>
                </li>
                <li>
                  <a href="#email">E-mails</a>
                </li>
                <li>
                  <a href="#password">Password</a>
                </li>
              </ul>
            </nav>
          ) : null}
          <PersonSection profile={data} />
          <PhotoSection profile={data} />
          {roles.includes('student') ? <StudentSection profile={data} /> : null}
          {roles.includes('student') ? <DirectoryHoldSection /> : null}
          {roles.includes('mentor') ? <MentorSection profile={data} /> : null}
          {roles.includes('advisor') ? <AdvisorSection profile={data} /> : null}
          <ClockSection />
          <EmailPreferencesSection />
          <PasswordSection />
          <p>
            <Link to="/profile">See your profile as others see it</Link>
          </p>
        </>
      ) : null}
    </div>
  )
}
