/**
 * Every CSV the app writes goes through the one writer (src/shared/csv/write-csv.ts), so every
 * export guards cells a spreadsheet would run as formulas. Each writer is fed a hostile value where
 * it takes text, and no hand-rolled CSV quoting may appear anywhere else in the source.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApplicantProfile } from '#engines/smart-pick/index.ts'
import { toCsv as simulateCsv } from '#cli/commands/simulate-command.ts'
import { readCsv } from '#shared/csv/read-csv.ts'
import { writePastOutcomesCsv } from '#server/modules/calibration/domain/past-outcomes-csv-writer.ts'
import { rankListCsv } from '#server/modules/rank-lists/domain/export.ts'
import { mentorListCsv, studentListCsv } from '#server/modules/reporting/domain/report-csv.ts'
import { auditCsv } from '#server/modules/audit/domain/audit-csv.ts'
import { attendanceCsv } from '#server/modules/events/domain/attendance-csv.ts'
import { writeProgramsCsv } from '#server/modules/residency-programs/domain/programs-csv.ts'
import { classSimulationCsv } from '#web/features/class-simulation/class-simulation-csv.ts'

const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|/C calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1']

/** Every cell of a CSV text that a spreadsheet would run as a formula. */
function formulaCells(text: string): string[] {
  const { records, errors } = readCsv(text)
  expect(errors).toEqual([])
  return records.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell))
}

const profile: ApplicantProfile = {
  applicantType: 'us-md',
  step2: 250,
  step1: 'pass',
  researchItems: 2,
  alphaOmegaAlpha: false,
  goldHumanism: false,
  clerkshipHonors: 3,
  experiences: 5,
  awayRotations: [],
  preferredSpecialty: 'internal-medicine',
  geographicPreferences: { states: [], regions: [] },
  ties: { states: [], regions: [] },
  settingPreferences: [],
  needsVisa: false,
  signalsAvailable: 0,
  signalledProgramIds: [],
}

describe.each(HOSTILE)('every CSV writer guards %j', (hostile) => {
  it('rank order list export', () => {
    const program = { id: 'P1', name: hostile, institution: hostile, track: 'categorical', city: hostile, state: 'OH' }
    expect(formulaCells(rankListCsv({ coupled: true, primary: [{ rank: 1, program, partnerProgram: program, note: hostile }], supplemental: [] }))).toEqual([])
  })

  it('residency programs export', () => {
    const csv = writeProgramsCsv([
      {
        id: 'P1',
        name: hostile,
        institution: hostile,
        specialtyId: 'internal-medicine',
        track: 'categorical',
        city: hostile,
        state: 'OH',
        region: 'midwest',
        positions: 10,
        lengthYears: 3,
        setting: 'academic',
        sponsorsVisa: false,
        step2P25: 240,
        step2P75: 250,
        researchEmphasis: 0.3,
        competitiveness: 0.5,
        traineesMdPercent: null,
        traineesDoPercent: null,
        traineesImgPercent: null,
        interviewDates: [],
        website: hostile,
      },
    ])
    expect(formulaCells(csv)).toEqual([])
  })

  it('past outcomes', () => {
    const csv = writePastOutcomesCsv(
      [
        {
          year: 2024,
          applicant: { ...profile, preferredSpecialty: hostile },
          applications: [{ programId: hostile, interviewed: true }],
          matchedProgramId: hostile,
        },
      ],
      () => hostile,
    )
    expect(formulaCells(csv)).toEqual([])
  })

  it('the simulate command', () => {
    const report = {
      runs: 1,
      noise: 2,
      seed: 1,
      topChoices: [1],
      solve: {},
      summary: { meanMatchRate: 1, fillRate: 1, unresolvedRuns: 0, meanProposals: 1 },
      applicants: [{ id: hostile, pMatch: 1, pTop: [1] }],
      programs: [{ id: hostile, capacity: 1, meanFilled: 1, expectedFill: 1 }],
    } as unknown as Parameters<typeof simulateCsv>[0]
    expect(formulaCells(simulateCsv(report))).toEqual([])
  })

  it('class simulation results', () => {
    const student = {
      studentId: 's1',
      name: hostile,
      source: 'rank-list' as const,
      listLength: 3,
      pMatch: 0.5,
      pMatchLow: 0.4,
      pMatchHigh: 0.6,
      pMatchSe: 0.05,
      pTop3: 0.5,
      expectedRank: 1.5,
      expectedRankSe: 0.1,
      rankCounts: [1, 1, 0, 1],
      tiers: { reach: 1, target: 1, likely: 1 },
      specialties: [hostile],
      flags: [{ reason: 'low-match-chance' as const, message: hostile }],
    }
    expect(formulaCells(classSimulationCsv({ students: [student], skipped: [{ studentId: 's2', name: hostile, flags: [] }] }))).toEqual([])
  })
})

describe.each(HOSTILE)('the school dashboard’s exports guard %j', (hostile) => {
  it('students behind a figure', () => {
    const item = { id: 's1', name: hostile, email: hostile, classYear: 'M3' as const, mentors: 0, emptySlots: ['near-peer' as const], lastMeetingAt: null }
    expect(formulaCells(studentListCsv([item]))).toEqual([])
  })
  it('event attendance', () => {
    const entry = {
      studentId: 's1',
      name: hostile,
      email: hostile,
      classYear: 'M2' as const,
      hadPlace: false,
      state: 'checked-in' as const,
      method: 'walk-in' as const,
      checkedInAt: '2026-10-05T14:00:00.000Z',
      checkedInBy: hostile,
    }
    expect(formulaCells(attendanceCsv([entry]))).toEqual([])
  })
  it('the audit log', () => {
    const entry = {
      id: 1,
      at: '2026-10-05T14:00:00.000Z',
      actorId: 'a',
      actorName: hostile,
      action: hostile,
      objectType: 'person',
      objectId: hostile,
      objectName: hostile,
      requestId: hostile,
    }
    expect(formulaCells(auditCsv([entry], true))).toEqual([])
  })
  it('mentors behind a figure', () => {
    const item = { id: 'm1', name: hostile, kind: 'faculty' as const, capacity: 2, activeMentorships: 3, unansweredRequests: 1, oldestUnansweredAt: null }
    expect(formulaCells(mentorListCsv([item]))).toEqual([])
  })
})

describe('numbers stay numbers', () => {
  it('a negative number in a numeric column is written as the number, not as text', () => {
    const csv = simulateCsv({ topChoices: [], applicants: [], programs: [{ id: 'P', capacity: -3, meanFilled: 0, expectedFill: 0 }] } as unknown as Parameters<
      typeof simulateCsv
    >[0])
    expect(csv.split('\n')[1]).toBe('program,P,,-3,0,0')
  })
})

describe('one CSV writer', () => {
  const root = join(import.meta.dirname, '..', 'src')
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
    })

  it('no source file outside src/shared/csv quotes CSV fields by hand', () => {
    // The RFC 4180 idiom (doubling quotes) or a local csvField is the sign of a second writer.
    const handRolled = files(root)
      .filter((path) => !relative(root, path).startsWith(join('shared', 'csv')))
      .filter((path) => {
        const text = readFileSync(path, 'utf8')
        return /function csvField|csvEscape|replace(All)?\((\/"\/g|'"')\s*,\s*'""'\)/.test(text)
      })
      .map((path) => relative(root, path))
    expect(handRolled).toEqual([])
  })

  it('no source file outside src/shared/csv parses CSV itself', () => {
    const parsers = files(root)
      .filter((path) => !relative(root, path).startsWith(join('shared', 'csv')))
      .filter((path) => readFileSync(path, 'utf8').includes("from 'csv-parse"))
      .map((path) => relative(root, path))
    expect(parsers).toEqual([])
  })
})
