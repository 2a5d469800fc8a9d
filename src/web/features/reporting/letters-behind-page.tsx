import { Link, useSearchParams } from 'react-router'
import { LETTER_MEASURE_LABELS, type LetterListItem } from '#shared/contracts/season-reports.ts'
import { CLASS_YEAR_LABELS, LETTER_STATUS_LABELS } from '#shared/enums.ts'
import { MATERIAL_KIND_LABELS } from '#shared/reference/application-limits.ts'
import { formatMoment, plural } from '../../components/format.ts'
import { BehindFigure } from './behind-figure.tsx'
import { letterMeasureOf } from './report-lists.ts'
import { lettersCsvUrl, useLettersBehind } from './season-reports-api.ts'

const what = (item: LetterListItem) =>
  item.status
    ? `Letter: ${LETTER_STATUS_LABELS[item.status].toLowerCase()}`
    : item.documentKind
      ? `Review of ${MATERIAL_KIND_LABELS[item.documentKind]}`
      : 'Mock interview'

/** A due date (YYYY-MM-DD) or a mock's start, in the viewer's words. */
const when = (due: string) =>
  due.length === 10
    ? formatMoment(`${due}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })
    : formatMoment(due, { dateStyle: 'medium', timeStyle: 'short' })

/** The letters, reviews or mock interviews behind one figure of the letters dashboard, with their students and CSV. */
export function LettersBehindPage() {
  const [params] = useSearchParams()
  const measure = letterMeasureOf(params.get('measure'))
  const writer = params.get('writer') ?? ''
  const query = useLettersBehind(measure, writer)
  const writerName = writer ? query.data?.items[0]?.withName : null
  const title = `${LETTER_MEASURE_LABELS[measure]}${writerName ? ` · ${writerName}` : ''}`
  return (
    <BehindFigure
      title={title}
      query={query}
      loadingLabel="Loading the list…"
      status={(data) => `${plural(data.items.length, 'item', 'items')}${data.scope === 'assigned' ? ' for students assigned to you' : ''}.`}
      csvUrl={lettersCsvUrl(measure, writer)}
      back={{ to: '/reports/letters', label: 'Letters dashboard' }}
    >
      {(data) => (
        <table className="table table-stack report-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Class year</th>
              <th scope="col">With</th>
              <th scope="col">What</th>
              <th scope="col">{measure.startsWith('mocks') ? 'When' : 'Due'}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={`/advising/students/${item.studentId}`}>{item.studentName}</Link>
                </th>
                <td data-label="Class year">{CLASS_YEAR_LABELS[item.classYear]}</td>
                <td data-label="With">{item.withName || 'Unknown'}</td>
                <td data-label="What">{what(item)}</td>
                <td data-label={measure.startsWith('mocks') ? 'When' : 'Due'}>{when(item.due)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </BehindFigure>
  )
}
