import { useEffect, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { APPLICANT_TYPE_VALUES, ApplicationProfileInput, PROGRAM_SETTING_VALUES, type ApplicationProfileView } from '#shared/contracts/list-builder.ts'
import { US_REGION_LABELS, US_REGIONS } from '#shared/enums.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { Checkbox, CheckboxGroup, RadioGroup, SelectField, TextField } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useExperiences } from '../opportunities/api.ts'
import { countsFromRecord } from './from-experience-record.ts'
import { useApplicationProfile, useProgramList, useSaveApplicationProfile } from './list-builder-api.ts'
import { APPLICANT_TYPE_LABELS, SETTING_LABELS } from './list-builder-format.ts'
import './list-builder.css'
import { ResidencyNav } from './residency-nav.tsx'

type Draft = {
  applicantType: string
  step2: string
  step1Kind: 'none' | 'pass' | 'fail' | 'score'
  step1Score: string
  researchItems: string
  alphaOmegaAlpha: boolean
  goldHumanism: boolean
  clerkshipHonors: string
  experiences: string
  awayRotationProgramIds: string[]
  preferredSpecialtyId: string
  backupSpecialtyId: string
  preferredStates: string
  preferredRegions: string[]
  tieStates: string
  tieRegions: string[]
  settingPreferences: string[]
  needsVisa: boolean
  signalsAvailable: string
  targetChance: string
}

const LABELS: Record<string, string> = {
  applicantType: 'Applicant type',
  step2: 'Step 2 CK score',
  step1: 'Step 1',
  researchItems: 'Research items',
  clerkshipHonors: 'Clerkship honors',
  experiences: 'Experiences',
  awayRotationProgramIds: 'Away rotations',
  preferredSpecialtyId: 'Preferred specialty',
  backupSpecialtyId: 'Backup specialty',
  preferredStates: 'States you would like to train in',
  preferredRegions: 'Regions you would like to train in',
  tieStates: 'States you have ties to',
  tieRegions: 'Regions you have ties to',
  settingPreferences: 'Program settings',
  needsVisa: 'Visa',
  signalsAvailable: 'Signals available',
  targetChance: 'Target chance of matching',
}
const KEYS = Object.keys(LABELS)
const idFor = (field: string) => `profile-${KEYS.includes(field) ? field : 'applicantType'}`

const TARGETS = ['0.7', '0.75', '0.8', '0.85', '0.9', '0.95']

function draftFrom(view: ApplicationProfileView): Draft {
  return {
    applicantType: view.applicantType,
    step2: view.step2 === null ? '' : String(view.step2),
    step1Kind: view.step1 === null ? 'none' : typeof view.step1 === 'number' ? 'score' : view.step1,
    step1Score: typeof view.step1 === 'number' ? String(view.step1) : '',
    researchItems: String(view.researchItems),
    alphaOmegaAlpha: view.alphaOmegaAlpha,
    goldHumanism: view.goldHumanism,
    clerkshipHonors: String(view.clerkshipHonors),
    experiences: String(view.experiences),
    awayRotationProgramIds: view.awayRotationProgramIds,
    preferredSpecialtyId: view.preferredSpecialtyId ?? '',
    backupSpecialtyId: view.backupSpecialtyId ?? '',
    preferredStates: view.preferredStates.join(', '),
    preferredRegions: view.preferredRegions,
    tieStates: view.tieStates.join(', '),
    tieRegions: view.tieRegions,
    settingPreferences: view.settingPreferences,
    needsVisa: view.needsVisa,
    signalsAvailable: String(view.signalsAvailable),
    targetChance: TARGETS.includes(String(view.targetChance)) ? String(view.targetChance) : '0.9',
  }
}

const states = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean)

/** A whole number from a text box; '' and junk stay as they are so the contract names the field. */
const wholeNumber = (text: string): number | string => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : text.trim() === '' ? Number.NaN : text)

function inputFrom(d: Draft): unknown {
  return {
    applicantType: d.applicantType,
    step2: d.step2.trim() === '' ? null : wholeNumber(d.step2),
    step1: d.step1Kind === 'none' ? null : d.step1Kind === 'score' ? wholeNumber(d.step1Score) : d.step1Kind,
    researchItems: wholeNumber(d.researchItems),
    alphaOmegaAlpha: d.alphaOmegaAlpha,
    goldHumanism: d.goldHumanism,
    clerkshipHonors: wholeNumber(d.clerkshipHonors),
    experiences: wholeNumber(d.experiences),
    awayRotationProgramIds: d.awayRotationProgramIds,
    preferredSpecialtyId: d.preferredSpecialtyId || null,
    backupSpecialtyId: d.backupSpecialtyId || null,
    preferredStates: states(d.preferredStates),
    preferredRegions: d.preferredRegions,
    tieStates: states(d.tieStates),
    tieRegions: d.tieRegions,
    settingPreferences: d.settingPreferences,
    needsVisa: d.needsVisa,
    signalsAvailable: wholeNumber(d.signalsAvailable),
    targetChance: Number(d.targetChance),
  }
}

/**
 * Beside a count the experience record also knows: the record's figure, and a button that puts
 * it in the field (the student still saves). Silent until the record has loaded.
 */
function FromRecord({ recorded, typed, what, onUse }: { recorded: number | null; typed: string; what: string; onUse: () => void }) {
  if (recorded === null) return null
  if (typed.trim() === String(recorded))
    return (
      <p className="lb-from-record">
        Matches your <Link to="/experiences">experience record</Link>.
      </p>
    )
  return (
    <p className="lb-from-record">
      Your <Link to="/experiences">experience record</Link> lists {recorded}.{' '}
      <button type="button" className="button button-secondary button-small" onClick={onUse}>
        Use {recorded}
        <span className="visually-hidden"> as your {what}, from your experience record</span>
      </button>
    </p>
  )
}

const specialtyOptions = SPECIALTIES.map((s) => ({ value: s.id, label: s.name })).sort((a, b) => a.label.localeCompare(b.label))
const regionOptions = US_REGIONS.map((r) => ({ value: r, label: US_REGION_LABELS[r] }))

/**
 * The student's residency application profile: what the list builder reads. Grouped, each
 * field saying why it matters; saved as a whole with errors named at their fields.
 */
export function ApplicationProfilePage() {
  usePageTitle('Application profile')
  const profile = useApplicationProfile()
  const list = useProgramList()
  const save = useSaveApplicationProfile()
  const record = useExperiences()
  const recorded = record.data ? countsFromRecord(record.data.experiences) : null
  const [draft, setDraft] = useState<Draft | null>(null)
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [saved, setSaved] = useState<string | null>(null)

  useEffect(() => {
    if (profile.data && !draft) setDraft(draftFrom(profile.data))
  }, [profile.data, draft])

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d))
  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    setSaved(null)
    const result = validate(ApplicationProfileInput, inputFrom(draft))
    if (!result.ok) return fail({ message: null, fields: result.errors as FieldErrors })
    setProblem({ message: null, fields: {} })
    try {
      const next = await save.mutateAsync(result.data)
      setDraft(draftFrom(next))
      setSaved('Profile saved. The list builder now uses it.')
    } catch (cause) {
      fail(problemFrom(cause, KEYS))
    }
  }

  const awayOptions = (() => {
    const fromList = (list.data?.items ?? []).map((i) => ({ value: i.programId, label: `${i.name} (${i.city ? `${i.city}, ` : ''}${i.state})` }))
    const known = new Set(fromList.map((o) => o.value))
    const saved = (profile.data?.awayRotationPrograms ?? []).filter((p) => !known.has(p.id)).map((p) => ({ value: p.id, label: p.name }))
    return [...saved, ...fromList]
  })()

  return (
    <div className="page page-narrow">
      <ResidencyNav />
      <div className="page-header">
        <h1 tabIndex={-1}>Application profile</h1>
        <p className="lead">
          What you tell us here is what the <Link to="/residency/list-builder">list builder</Link> uses to estimate your chances. Only you and your assigned
          advisor can see it. You can save it half-filled and come back.
        </p>
      </div>
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <QueryError error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      <LiveStatus message={saved} />
      {draft ? (
        <>
          <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
          <form noValidate className="form lb-profile-form" onSubmit={(e) => void onSubmit(e)} aria-label="Application profile">
            <fieldset className="card lb-group">
              <legend>Specialty and goal</legend>
              <SelectField
                id="profile-preferredSpecialtyId"
                label="Preferred specialty"
                hint="The list builder shows this specialty's programs first."
                options={specialtyOptions}
                placeholder="Not chosen yet"
                value={draft.preferredSpecialtyId}
                onChange={(e) => set('preferredSpecialtyId', e.currentTarget.value)}
                error={problem.fields.preferredSpecialtyId}
              />
              <SelectField
                id="profile-backupSpecialtyId"
                label="Backup specialty (optional)"
                hint="Used for a backup plan if your chance in the preferred specialty stays low."
                options={specialtyOptions}
                placeholder="None"
                value={draft.backupSpecialtyId}
                onChange={(e) => set('backupSpecialtyId', e.currentTarget.value)}
                error={problem.fields.backupSpecialtyId}
              />
              <TextField
                id="profile-signalsAvailable"
                label="Preference signals you have for this specialty"
                hint="ERAS gives each specialty its own number of signals; check this year's number for yours. Enter 0 if it has none."
                inputMode="numeric"
                autoComplete="off"
                value={draft.signalsAvailable}
                onChange={(e) => set('signalsAvailable', e.currentTarget.value)}
                error={problem.fields.signalsAvailable}
              />
              <SelectField
                id="profile-targetChance"
                label="Target chance of matching"
                hint="The list builder finds the smallest list that reaches it. Higher targets need longer lists."
                options={TARGETS.map((t) => ({ value: t, label: `${Math.round(Number(t) * 100)}\u00a0%` }))}
                value={draft.targetChance}
                onChange={(e) => set('targetChance', e.currentTarget.value)}
                error={problem.fields.targetChance}
              />
            </fieldset>

            <fieldset className="card lb-group">
              <legend>You and your scores</legend>
              <SelectField
                id="profile-applicantType"
                label="Applicant type"
                hint="Programs treat U.S. MD, DO and international graduates differently; national match rates differ by type."
                options={APPLICANT_TYPE_VALUES.map((v) => ({ value: v, label: APPLICANT_TYPE_LABELS[v] }))}
                value={draft.applicantType}
                onChange={(e) => set('applicantType', e.currentTarget.value)}
                error={problem.fields.applicantType}
              />
              <TextField
                id="profile-step2"
                label="Step 2 CK score (leave empty if you have not taken it)"
                hint="Compared with each program's typical range. Without it, the list builder assumes a typical score and its figures are less sure."
                inputMode="numeric"
                autoComplete="off"
                value={draft.step2}
                onChange={(e) => set('step2', e.currentTarget.value)}
                error={problem.fields.step2}
              />
              <RadioGroup
                id="profile-step1"
                name="step1"
                label="Step 1"
                hint="Only a failed first attempt changes the estimate."
                options={[
                  { value: 'none', label: 'Not taken yet' },
                  { value: 'pass', label: 'Pass' },
                  { value: 'fail', label: 'Fail' },
                  { value: 'score', label: 'A three-digit score (before 2022)' },
                ]}
                value={draft.step1Kind}
                onChange={(v) => set('step1Kind', v as Draft['step1Kind'])}
                error={problem.fields.step1}
              />
              {draft.step1Kind === 'score' ? (
                <TextField
                  id="profile-step1Score"
                  label="Step 1 score"
                  inputMode="numeric"
                  autoComplete="off"
                  value={draft.step1Score}
                  onChange={(e) => set('step1Score', e.currentTarget.value)}
                />
              ) : null}
              <Checkbox
                id="profile-needsVisa"
                label="I will need a visa to train in the United States"
                hint="Programs that do not sponsor visas are then very unlikely to interview you."
                checked={draft.needsVisa}
                onChange={(e) => set('needsVisa', e.currentTarget.checked)}
                error={problem.fields.needsVisa}
              />
            </fieldset>

            <fieldset className="card lb-group">
              <legend>Your application</legend>
              <TextField
                id="profile-researchItems"
                label="Research items"
                hint="Abstracts, posters, presentations and publications. Counts most at research-heavy programs."
                inputMode="numeric"
                autoComplete="off"
                value={draft.researchItems}
                onChange={(e) => set('researchItems', e.currentTarget.value)}
                error={problem.fields.researchItems}
              />
              <FromRecord
                recorded={recorded?.researchItems ?? null}
                typed={draft.researchItems}
                what="research items"
                onUse={() => set('researchItems', String(recorded?.researchItems ?? 0))}
              />
              <TextField
                id="profile-clerkshipHonors"
                label="Clerkship honors"
                hint="How many core clerkships you honored. Typical is about 2 to 3."
                inputMode="numeric"
                autoComplete="off"
                value={draft.clerkshipHonors}
                onChange={(e) => set('clerkshipHonors', e.currentTarget.value)}
                error={problem.fields.clerkshipHonors}
              />
              <TextField
                id="profile-experiences"
                label="Experiences"
                hint="Work, volunteer and leadership experiences on your application."
                inputMode="numeric"
                autoComplete="off"
                value={draft.experiences}
                onChange={(e) => set('experiences', e.currentTarget.value)}
                error={problem.fields.experiences}
              />
              <FromRecord
                recorded={recorded?.experiences ?? null}
                typed={draft.experiences}
                what="experiences"
                onUse={() => set('experiences', String(recorded?.experiences ?? 0))}
              />
              <Checkbox
                id="profile-alphaOmegaAlpha"
                label="Alpha Omega Alpha (AOA)"
                checked={draft.alphaOmegaAlpha}
                onChange={(e) => set('alphaOmegaAlpha', e.currentTarget.checked)}
              />
              <Checkbox
                id="profile-goldHumanism"
                label="Gold Humanism Honor Society"
                checked={draft.goldHumanism}
                onChange={(e) => set('goldHumanism', e.currentTarget.checked)}
              />
              {awayOptions.length > 0 ? (
                <CheckboxGroup
                  id="profile-awayRotationProgramIds"
                  name="awayRotations"
                  label="Away rotations"
                  hint="Programs where you did or will do an away rotation, from your program list. A rotation raises your chance there."
                  options={awayOptions}
                  values={draft.awayRotationProgramIds}
                  onChange={(v) => set('awayRotationProgramIds', v)}
                  columns={false}
                  error={problem.fields.awayRotationProgramIds}
                />
              ) : (
                <p className="muted" id="profile-awayRotationProgramIds">
                  Away rotations: add the programs to <Link to="/residency/my-programs">your program list</Link> first, then tick them here.
                </p>
              )}
            </fieldset>

            <fieldset className="card lb-group">
              <legend>Places and settings</legend>
              <p className="field-hint">
                A tie (where you grew up, studied or have family) counts more than a preference. Leave empty if you have no preference.
              </p>
              <TextField
                id="profile-tieStates"
                label="States you have ties to"
                hint="Two-letter codes separated by commas, such as OH, PA."
                autoComplete="off"
                value={draft.tieStates}
                onChange={(e) => set('tieStates', e.currentTarget.value)}
                error={problem.fields.tieStates}
              />
              <CheckboxGroup
                id="profile-tieRegions"
                name="tieRegions"
                label="Regions you have ties to"
                options={regionOptions}
                values={draft.tieRegions}
                onChange={(v) => set('tieRegions', v)}
                error={problem.fields.tieRegions}
              />
              <TextField
                id="profile-preferredStates"
                label="States you would like to train in"
                hint="Two-letter codes separated by commas."
                autoComplete="off"
                value={draft.preferredStates}
                onChange={(e) => set('preferredStates', e.currentTarget.value)}
                error={problem.fields.preferredStates}
              />
              <CheckboxGroup
                id="profile-preferredRegions"
                name="preferredRegions"
                label="Regions you would like to train in"
                options={regionOptions}
                values={draft.preferredRegions}
                onChange={(v) => set('preferredRegions', v)}
                error={problem.fields.preferredRegions}
              />
              <CheckboxGroup
                id="profile-settingPreferences"
                name="settings"
                label="Program settings you prefer"
                hint="Used to mark programs that fit you; it does not change your chances."
                options={PROGRAM_SETTING_VALUES.map((v) => ({ value: v, label: SETTING_LABELS[v] }))}
                values={draft.settingPreferences}
                onChange={(v) => set('settingPreferences', v)}
                error={problem.fields.settingPreferences}
              />
            </fieldset>

            <div className="button-row">
              <button type="submit" className="button" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : 'Save profile'}
              </button>
              <Link className="button button-secondary" to="/residency/list-builder">
                Open the list builder
              </Link>
            </div>
          </form>
        </>
      ) : null}
    </div>
  )
}
