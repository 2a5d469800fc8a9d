import { Link } from 'react-router'

/**
 * One line of links to the rest of a student's application: board, program list, rank order
 * list. `studentId` set: the staff pages of that student (their assigned advisor's view).
 */
export function ApplicationLinks({ studentId, studentName }: { studentId?: string; studentName?: string }) {
  const whose = studentName ? `${studentName}’s` : 'Your'
  const links = studentId
    ? [
        { to: `/advising/students/${studentId}`, label: `${whose} advising board` },
        { to: `/residency/students/${studentId}/list-builder`, label: `${whose} program list` },
        { to: `/residency/students/${studentId}/rank-list`, label: `${whose} rank order list` },
      ]
    : [
        { to: '/advising', label: 'Your advising board' },
        { to: '/residency/list-builder', label: 'Your program list' },
        { to: '/residency/rank-list', label: 'Your rank order list' },
      ]
  return (
    <nav aria-label={studentName ? `${studentName}’s application` : 'Your application'}>
      <ul className="link-list link-list-inline">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
