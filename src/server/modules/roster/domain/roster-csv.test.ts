import { describe, expect, it } from 'vitest'
import { checkRosterCsv } from './roster-csv.ts'

const at = (text: string) => checkRosterCsv(text, 2026)
const problemsOf = (text: string) => at(text).problems.map((p) => `Row ${p.row}, ${p.column}: ${p.message}`)

describe('checkRosterCsv', () => {
  it('reads a roster whatever the header words, with the class year, track and status in the school’s own words', () => {
    const check = at(
      '\uFEFFStudent ID,Full name,E-mail address,Year,Graduation year,Track,Advisory dean,Enrollment\n' +
        'A1,Ana Ruiz,Ana.Ruiz@School.example.edu,Year 2,2029,MD/PhD,Dean Osler,on leave\n' +
        'A2,Ben Ode,ben@school.example.edu,research,,,,\n',
    )
    expect(check.problems).toEqual([])
    expect(check.rows).toEqual([
      {
        row: 2,
        schoolId: 'A1',
        name: 'Ana Ruiz',
        email: 'ana.ruiz@school.example.edu',
        classYear: 'M2',
        expectedGraduation: 2029,
        track: 'MD-PhD',
        house: 'Dean Osler',
        enrollment: 'leave',
      },
      {
        row: 3,
        schoolId: 'A2',
        name: 'Ben Ode',
        email: 'ben@school.example.edu',
        classYear: 'research',
        expectedGraduation: null,
        track: 'MD',
        house: '',
        enrollment: 'enrolled',
      },
    ])
  })

  it('leaves what the file does not have a column for as it is (null)', () => {
    const [row] = at('name,email,class_year\nAna Ruiz,ana@school.example.edu,1').rows
    expect(row).toMatchObject({ schoolId: null, track: null, house: null, enrollment: null, expectedGraduation: null })
  })

  it('names every problem by row and column in plain words', () => {
    expect(
      problemsOf(
        [
          'school_id,name,email,class_year,expected_graduation,track,house',
          'S1,Ana Ruiz,ana@school,1,2030,MD,',
          'S2,,ben@school.example.edu,5,30,Dentistry,@SUM(1)',
          'S1,Cy Lee,ana@school.example.edu,1,2040,MD,',
          'S3,Dee www.example.com,dee@school.example.edu,1,2029,MD,',
          'S4,Ed,ed@school.example.edu,1,2029,MD,,extra',
        ].join('\n'),
      ),
    ).toEqual([
      'Row 2, email: "ana@school" is not an address.',
      'Row 3, name: is empty; give the student’s name.',
      'Row 3, class_year: "5" is not a class year; use 1, 2, 3, 4 or research.',
      'Row 3, expected_graduation: "30" is not a year; use four digits, e.g. 2028.',
      'Row 3, track: "Dentistry" is not a track; use one of MD, MD-PhD, MD-MPH, MD-MBA, primary-care-scholars, rural-health.',
      'Row 3, house: starts with "@", which a spreadsheet would run as a formula; remove it.',
      'Row 4, school_id: S1 is already on row 2; each student once.',
      'Row 4, expected_graduation: 2040 is out of range; use a year from 2026 to 2034.',
      'Row 5, name: give a name only, without a web or e-mail address.',
      'Row 6, null: This row has 8 values but the header has 7 columns. Check for a comma inside a value that is not in quotes.',
    ])
  })

  it('says which required column is missing, and that an empty file is empty', () => {
    expect(problemsOf('name,class_year\nAna,1')).toEqual(['Row 1, email: The column "email" is missing. Required: name, email, class_year.'])
    expect(problemsOf('')).toEqual(['Row 1, null: The file is empty: the first row must name the columns (name, email, class_year, …).'])
    expect(problemsOf('name,email,class_year\n\n')).toEqual(['Row 2, null: The file has a header but no student rows.'])
  })

  it('keeps the good rows apart from the bad, and a repeated e-mail is a problem of the later row', () => {
    const check = at('name,email,class_year\nAna,ana@school.example.edu,1\nAna Two,ANA@school.example.edu,2\nBen,ben@school.example.edu,2')
    expect(check.rows.map((r) => r.row)).toEqual([2, 4])
    expect(check.problems).toEqual([{ row: 3, column: 'email', message: 'ana@school.example.edu is already on row 2; each student once.' }])
  })
})
