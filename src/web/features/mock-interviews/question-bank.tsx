import { MOCK_QUESTION_KIND_LABELS } from '#shared/enums.ts'
import { useQuestionBank } from './api.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'

/** The school's own questions for the student's specialty, then those asked in every specialty, with their tags. */
export function QuestionBankSection() {
  const bank = useQuestionBank('')
  const data = bank.data
  const ofSpecialty = data?.questions.filter((q) => q.specialtyId !== null) ?? []
  const general = data?.questions.filter((q) => q.specialtyId === null) ?? []
  return (
    <section aria-labelledby="mock-questions" className="mock-section">
      <h2 id="mock-questions">Questions to practise</h2>
      {bank.isPending ? <Loading /> : null}
      {bank.isError ? <QueryError error={bank.error} onRetry={() => void bank.refetch()} /> : null}
      {data ? (
        <>
          <p>
            {data.specialtyName
              ? `The school's own questions for ${data.specialtyName}, your declared specialty, then those asked in every specialty.`
              : 'Questions asked in every specialty. Declare a specialty on your profile to see its own questions too.'}
          </p>
          {[
            { title: data.specialtyName ?? '', list: ofSpecialty },
            { title: 'Every specialty', list: general },
          ]
            .filter((group) => group.list.length > 0)
            .map((group) => (
              <div key={group.title}>
                <h3>{group.title}</h3>
                <ul className="mock-questions">
                  {group.list.map((q) => (
                    <li key={q.id}>
                      {q.text}
                      <span className="mock-tags"> · {[MOCK_QUESTION_KIND_LABELS[q.kind], ...q.tags].join(', ')}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </>
      ) : null}
    </section>
  )
}
