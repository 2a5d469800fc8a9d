import { describe, expect, it } from 'vitest'
import { parseAdvisorAssignmentsCsv } from './advisor-assignments-csv.ts'

describe('parseAdvisorAssignmentsCsv', () => {
  it('reads the two columns in any order and case, numbering rows as a spreadsheet does', () => {
    const out = parseAdvisorAssignmentsCsv('\uFEFFAdvisor Email,Name,Student_Email\nA@x.edu,Ann,s1@x.edu\n\nb@x.edu,Bo,S2@X.edu\n')
    expect(out.fileError).toBeNull()
    expect(out.rows).toEqual([
      { row: 2, studentEmail: 's1@x.edu', advisorEmail: 'a@x.edu' },
      { row: 3, studentEmail: 's2@x.edu', advisorEmail: 'b@x.edu' },
    ])
  })

  it('rejects row by row: empty, malformed and repeated pairs', () => {
    const out = parseAdvisorAssignmentsCsv('student_email,advisor_email\n,a@x.edu\nnot-an-email,a@x.edu\ns@x.edu,\ns@x.edu,a@x.edu\ns@x.edu,a@x.edu\n')
    expect(out.rows.map((r) => r.row)).toEqual([5])
    expect(out.rejects.map((r) => [r.row, r.reason])).toEqual([
      [2, 'student_email is empty.'],
      [3, 'student_email "not-an-email" is not an e-mail address.'],
      [4, 'advisor_email is empty.'],
      [6, 'The same pair appears on an earlier row.'],
    ])
  })

  it('refuses a file without the named columns, or that is not CSV', () => {
    expect(parseAdvisorAssignmentsCsv('email,advisor\na,b\n').fileError).toMatch(/student_email and advisor_email/)
    expect(parseAdvisorAssignmentsCsv('student_email,advisor_email\n"unclosed,a@x.edu\n').fileError).toMatch(/not valid CSV/)
  })
})
