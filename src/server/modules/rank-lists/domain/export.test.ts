import { describe, expect, it } from 'vitest'
import { rankListCsv, type ExportProgram } from './export.ts'

const p = (id: string, name: string, track = 'categorical'): ExportProgram => ({ id, name, institution: 'Mercy', track, city: 'Boston', state: 'MA' })

describe('the NRMP-style export', () => {
  it('lists the primary list, then each supplemental list under its advanced program', () => {
    const csv = rankListCsv({
      coupled: false,
      primary: [
        { rank: 1, program: p('1234140C0', 'Anesthesiology', 'advanced'), note: 'Loved the residents' },
        { rank: 2, program: p('1234140C1', '=cmd, "quoted"'), note: '' },
      ],
      supplemental: [
        {
          advancedProgramId: '1234140C0',
          advanced: p('1234140C0', 'Anesthesiology', 'advanced'),
          entries: [{ rank: 1, program: p('9999140P0', 'Medicine-Prelim', 'preliminary'), note: '' }],
        },
      ],
    })
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('list,rank,program_code,program_name,institution,track,location,note')
    expect(lines[1]).toBe('Primary,1,1234140C0,Anesthesiology,Mercy,advanced,"Boston, MA",Loved the residents')
    expect(lines[2]).toBe(`Primary,2,1234140C1,"'=cmd, ""quoted""",Mercy,categorical,"Boston, MA",`)
    expect(lines[3]).toBe('Supplemental for Anesthesiology (1234140C0),1,9999140P0,Medicine-Prelim,Mercy,preliminary,"Boston, MA",')
  })

  it('a couple’s list carries the partner’s program, and "No Match" by name', () => {
    const csv = rankListCsv({ coupled: true, primary: [{ rank: 1, program: null, partnerProgram: p('B1', 'Pediatrics'), note: '' }], supplemental: [] })
    expect(csv.trimEnd().split('\r\n')[1]).toBe('Primary,1,,No Match,,,,B1,Pediatrics,')
  })
})
