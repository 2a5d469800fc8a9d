import { useState } from 'react'
import { Loading, LiveStatus, QueryError } from '../../components/feedback.tsx'
import { plural } from '../../components/format.ts'
import { useHouseAdvisors, useSetHouseAdvisor } from './roster-api.ts'

/**
 * Each house's advisory dean (decision 030). Choosing one changes nobody yet: the next roster
 * applied gives the house's students that dean, after its check lists who would change.
 */
export function HouseAdvisorsSection() {
  const houses = useHouseAdvisors()
  const setDean = useSetHouseAdvisor()
  const [status, setStatus] = useState<string | null>(null)

  return (
    <section className="card" aria-labelledby="house-deans">
      <h2 id="house-deans">Houses and their advisory deans</h2>
      <p className="field-hint">
        The next roster you apply gives each student their house’s dean. A dean you chose by hand on the advisors page is kept; the check lists who would change
        first.
      </p>
      {houses.isPending ? <Loading /> : null}
      {houses.isError ? <QueryError error={houses.error} onRetry={() => void houses.refetch()} /> : null}
      {houses.data ? (
        houses.data.houses.length === 0 ? (
          <p className="empty-state">No student has a house on record yet: import a roster with a house column.</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="visually-hidden">Houses, their students and their advisory deans</caption>
              <thead>
                <tr>
                  <th scope="col">House</th>
                  <th scope="col">Students</th>
                  <th scope="col">Advisory dean</th>
                </tr>
              </thead>
              <tbody>
                {houses.data.houses.map((h) => (
                  <tr key={h.house}>
                    <td data-label="House">{h.house}</td>
                    <td data-label="Students">{plural(h.students, 'student', 'students')}</td>
                    <td data-label="Advisory dean">
                      <label className="visually-hidden" htmlFor={`dean-${h.house}`}>
                        Advisory dean of {h.house}
                      </label>
                      <select
                        id={`dean-${h.house}`}
                        value={h.advisor?.id ?? ''}
                        disabled={setDean.isPending}
                        onChange={(e) => {
                          const advisorId = e.currentTarget.value || null
                          setDean.mutate(
                            { house: h.house, advisorId },
                            { onSuccess: () => setStatus(advisorId ? `${h.house}: dean saved.` : `${h.house}: no dean now; students keep theirs.`) },
                          )
                        }}
                      >
                        <option value="">No dean</option>
                        {houses.data.deans.map((d) => (
                          <option key={d.id} value={d.id}>
                            {d.name}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <LiveStatus message={status} />
      {setDean.isError ? <QueryError error={setDean.error} /> : null}
    </section>
  )
}
