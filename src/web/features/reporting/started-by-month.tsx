import type { StartedInMonth } from '#shared/contracts/season-reports.ts'
import { PairedColumnChart } from '../../components/charts/paired-column-chart.tsx'

const monthName = (month: string, style: 'short' | 'long') =>
  new Date(`${month}-01T12:00:00Z`).toLocaleDateString(undefined, { month: style, ...(style === 'long' ? { year: 'numeric' } : {}), timeZone: 'UTC' })

/** Mentorships and coffee chats started per month: a chart to look at, the table to read. */
export function StartedByMonth({ months, scopeName }: { months: readonly StartedInMonth[]; scopeName: string }) {
  const mentorships = months.reduce((n, m) => n + m.mentorships, 0)
  const chats = months.reduce((n, m) => n + m.coffeeChats, 0)
  const title = `Mentorships and coffee chats started per month, ${scopeName}`
  return (
    <PairedColumnChart
      title={title}
      description={`Over the last ${months.length} months, ${mentorships} mentorships and ${chats} coffee chats started. The table below gives each month.`}
      columns={months.map((m) => ({ label: monthName(m.month, 'short').slice(0, 3), first: m.mentorships, second: m.coffeeChats }))}
      firstName="Mentorships"
      secondName="Coffee chats"
    >
      <table className="table report-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Mentorships</th>
            <th scope="col">Coffee chats</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{monthName(m.month, 'long')}</th>
              <td>{m.mentorships}</td>
              <td>{m.coffeeChats}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PairedColumnChart>
  )
}
