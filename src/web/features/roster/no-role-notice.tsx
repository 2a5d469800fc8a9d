import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from 'react-router'
import type { AlumniMentoringStatus } from '#shared/contracts/roster.ts'
import { api, errorMessage } from '../../api/client.ts'

/**
 * The home page of someone with no role. A graduate (the year-end rollover took the student role,
 * decision 020) is asked whether they would like to stay on as an alumni mentor — their choice
 * alone; anyone else is told the office will set their account up.
 */
export function NoRoleNotice() {
  const client = useQueryClient()
  const navigate = useNavigate()
  const status = useQuery({
    queryKey: ['roster', 'alumni-mentoring'],
    queryFn: ({ signal }) => api<AlumniMentoringStatus>('/api/roster/alumni-mentoring', { signal }),
  })
  const join = useMutation({
    mutationFn: () => api<AlumniMentoringStatus>('/api/roster/alumni-mentoring', { method: 'POST', json: { mentor: true } }),
    // The session now holds the mentor role: every page reads it afresh, and the new mentor goes
    // to the profile form to fill in the mentor part.
    onSuccess: async () => {
      await client.invalidateQueries()
      await navigate('/profile/edit')
    },
  })
  if (status.data?.graduate) {
    return (
      <section className="card" aria-labelledby="alumni-title">
        <h2 id="alumni-title">You have graduated: congratulations</h2>
        <p>Your account stays open. Would you like to stay on as an alumni mentor for the school’s students? You choose how many students and when.</p>
        {join.error ? (
          <div role="alert" className="notice notice-error">
            <p>{errorMessage(join.error)}</p>
          </div>
        ) : null}
        {status.data.mentor ? (
          <p>
            You are an alumni mentor. <Link to="/profile/edit">Fill in your mentor profile</Link> and switch on “accepting students” when you are ready.
          </p>
        ) : (
          <button type="button" className="button" disabled={join.isPending} onClick={() => join.mutate()}>
            Yes, I’ll be an alumni mentor
          </button>
        )}
      </section>
    )
  }
  return status.isPending ? null : <p className="notice notice-info">Your account has no role yet. The Office of Student Affairs will set it up.</p>
}
