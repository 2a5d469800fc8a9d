import { useEffect, useState } from 'react'
import { UpdateRolesRequest } from '#shared/contracts/admin.ts'
import type { PersonSummary } from '#shared/contracts/profiles.ts'
import { CLASS_YEAR_LABELS, CLASS_YEARS, ROLE_LABELS, ROLES, type ClassYear } from '#shared/enums.ts'
import { errorMessage } from '../../api/client.ts'
import { useDisablePerson, useEnablePerson, useResendInvite, useSetClassYear, useSetEnrollment, useSetSchoolWide, useUpdateRoles } from '../../api/admin.ts'
import { useSession } from '../../api/identity.ts'
import { Dialog } from '../../components/dialog.tsx'
import { CheckboxGroup, optionsFrom, SelectField } from '../../components/fields.tsx'
import { validate } from '../../components/form-errors.ts'
import { StatusTag } from './people-list.tsx'

export function ManagePersonDialog({ person, onClose }: { person: PersonSummary | null; onClose: () => void }) {
  return (
    <Dialog open={person !== null} title={person ? `Manage ${person.name}` : 'Manage'} onClose={onClose}>
      {person ? <ManagePerson key={person.id} person={person} /> : null}
    </Dialog>
  )
}

function ManagePerson({ person }: { person: PersonSummary }) {
  const { data: session } = useSession()
  const updateRoles = useUpdateRoles()
  const disable = useDisablePerson()
  const enable = useEnablePerson()
  const resend = useResendInvite()
  const setSchoolWide = useSetSchoolWide()
  const setClassYear = useSetClassYear()
  const [classYear, setClassYearChoice] = useState<ClassYear | ''>('')
  const setEnrollment = useSetEnrollment()
  const [enrollment, setEnrollmentChoice] = useState<'enrolled' | 'leave' | ''>('')
  const [roles, setRoles] = useState<string[]>(person.roles)
  const [rolesError, setRolesError] = useState<string | undefined>()
  const [confirmingDisable, setConfirmingDisable] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const isSelf = session?.person.id === person.id

  useEffect(() => setRoles(person.roles), [person.roles])

  const done = (message: string) => {
    setFailure(null)
    setStatus(message)
  }
  const failed = (error: unknown) => {
    setStatus(null)
    setFailure(errorMessage(error))
  }

  const saveRoles = () => {
    const result = validate(UpdateRolesRequest, { roles })
    if (!result.ok) return setRolesError(result.errors.roles)
    setRolesError(undefined)
    updateRoles.mutate(
      { personId: person.id, ...result.data },
      {
        onSuccess: () => done(`Roles saved: ${result.data.roles.map((role) => ROLE_LABELS[role]).join(', ')}.`),
        onError: (error) => {
          const fieldError = error instanceof Error && 'fields' in error ? (error as { fields?: Record<string, string> }).fields?.roles : undefined
          if (fieldError) setRolesError(fieldError)
          else failed(error)
        },
      },
    )
  }

  return (
    <div className="manage-person">
      <p className="manage-person-meta">
        {person.email} · <StatusTag status={person.status} />
      </p>

      <div role="status" className="live-status">
        {status ? <p className="notice notice-success">{status}</p> : null}
      </div>
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}

      <section aria-labelledby="manage-roles" className="manage-block">
        <h3 id="manage-roles">Roles</h3>
        <CheckboxGroup
          id="manage-roles-choices"
          name="manage-roles"
          label={`Roles for ${person.name}`}
          options={optionsFrom(ROLES, ROLE_LABELS)}
          values={roles}
          onChange={setRoles}
          error={rolesError}
          columns={false}
        />
        <button type="button" className="button" onClick={saveRoles} disabled={updateRoles.isPending}>
          {updateRoles.isPending ? 'Saving…' : 'Save roles'}
        </button>
      </section>

      {person.roles.includes('student') ? (
        <section aria-labelledby="manage-class-year" className="manage-block">
          <h3 id="manage-class-year">Class year</h3>
          <p>The school sets a student’s class year; the student cannot change it.</p>
          <SelectField
            id="manage-class-year-choice"
            label={`Class year of ${person.name}`}
            placeholder="Choose a year…"
            options={optionsFrom(CLASS_YEARS, CLASS_YEAR_LABELS)}
            value={classYear}
            onChange={(e) => setClassYearChoice(e.currentTarget.value as ClassYear | '')}
          />
          <button
            type="button"
            className="button button-secondary"
            disabled={setClassYear.isPending || classYear === ''}
            onClick={() => {
              if (classYear === '') return
              setClassYear.mutate(
                { personId: person.id, classYear },
                { onSuccess: () => done(`${person.name} is now in ${CLASS_YEAR_LABELS[classYear]}.`), onError: failed },
              )
            }}
          >
            Set class year
          </button>
          <SelectField
            id="manage-enrollment-choice"
            label={`Status of ${person.name}`}
            hint="A student on leave stays in their class at the year-end rollover."
            placeholder="Choose a status…"
            options={[
              { value: 'enrolled', label: 'Enrolled' },
              { value: 'leave', label: 'On leave' },
            ]}
            value={enrollment}
            onChange={(e) => setEnrollmentChoice(e.currentTarget.value as 'enrolled' | 'leave' | '')}
          />
          <button
            type="button"
            className="button button-secondary"
            disabled={setEnrollment.isPending || enrollment === ''}
            onClick={() => {
              if (enrollment === '') return
              setEnrollment.mutate(
                { personId: person.id, enrollment },
                { onSuccess: () => done(`${person.name} is now ${enrollment === 'leave' ? 'on leave' : 'enrolled'}.`), onError: failed },
              )
            }}
          >
            Set status
          </button>
        </section>
      ) : null}

      {person.roles.includes('advisor') ? (
        <section aria-labelledby="manage-scope" className="manage-block">
          <h3 id="manage-scope">Students they advise</h3>
          <p>
            {person.schoolWide === true
              ? `${person.name} reads every student’s record (school-wide). Each read is in the audit log.`
              : `${person.name} reads the records of the students assigned to them.`}
          </p>
          <button
            type="button"
            className="button button-secondary"
            disabled={setSchoolWide.isPending}
            onClick={() =>
              setSchoolWide.mutate(
                { personId: person.id, schoolWide: !person.schoolWide },
                {
                  onSuccess: (updated) =>
                    done(updated.schoolWide ? `${person.name} now reads every student’s record.` : `${person.name} now reads their assigned students only.`),
                  onError: failed,
                },
              )
            }
          >
            {person.schoolWide ? 'Limit to assigned students' : 'Let them read every student’s record'}
          </button>
        </section>
      ) : null}

      <section aria-labelledby="manage-account" className="manage-block">
        <h3 id="manage-account">Account</h3>
        {person.status === 'invited' ? (
          <>
            <p>They haven’t accepted their invitation yet. A new e-mail replaces the old link.</p>
            <button
              type="button"
              className="button button-secondary"
              disabled={resend.isPending}
              onClick={() => resend.mutate(person.id, { onSuccess: () => done(`A new invitation was sent to ${person.email}.`), onError: failed })}
            >
              Resend invitation
            </button>
          </>
        ) : null}
        {person.status === 'disabled' ? (
          <>
            <p>This account is disabled: they cannot sign in.</p>
            <button
              type="button"
              className="button"
              disabled={enable.isPending}
              onClick={() => enable.mutate(person.id, { onSuccess: () => done(`${person.name} can sign in again.`), onError: failed })}
            >
              Enable account
            </button>
          </>
        ) : null}
        {person.status !== 'disabled' && !isSelf ? (
          confirmingDisable ? (
            <div className="confirm-box" role="group" aria-labelledby="confirm-disable">
              <p id="confirm-disable">
                <strong>Disable {person.name}?</strong> This ends their sessions at once and stops them signing in. Their profile and history are kept, and you
                can enable the account again later.
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-danger"
                  disabled={disable.isPending}
                  onClick={() =>
                    disable.mutate(person.id, {
                      onSuccess: () => {
                        setConfirmingDisable(false)
                        done(`${person.name} is disabled and signed out everywhere.`)
                      },
                      onError: failed,
                    })
                  }
                >
                  Yes, disable account
                </button>
                {/* biome-ignore lint/a11y/noAutofocus: the confirmation appears in place of the button pressed; focus goes to its safe choice */}
                <button type="button" className="button button-secondary" autoFocus onClick={() => setConfirmingDisable(false)}>
                  Keep it active
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button-danger-outline" onClick={() => setConfirmingDisable(true)}>
              Disable account…
            </button>
          )
        ) : null}
        {isSelf ? <p className="field-hint">You can’t disable your own account.</p> : null}
      </section>
    </div>
  )
}
