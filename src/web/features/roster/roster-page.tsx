import { usePageTitle } from '../../components/page-title.ts'
import { HouseAdvisorsSection } from './house-advisors-section.tsx'
import { RolloverSection } from './rollover-section.tsx'
import { RosterImportSection } from './roster-import-section.tsx'
import './roster.css'

/** Admins: the class roster of record (import a CSV, checked first) and the year-end rollover. */
export function RosterPage() {
  usePageTitle('Class roster')
  return (
    <div className="page roster-page">
      <div className="page-header">
        <h1 tabIndex={-1}>Class roster</h1>
        <p className="lead">
          The school’s list of students: who is in which class, their track and their advisory dean or house. Students cannot change these themselves.
        </p>
      </div>
      <RosterImportSection />
      <RolloverSection />
      <HouseAdvisorsSection />
    </div>
  )
}
