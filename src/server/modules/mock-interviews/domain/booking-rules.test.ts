import { describe, expect, it } from 'vitest'
import { rubricProblems, scoreProblems, seasonOf } from './booking-rules.ts'

const levels = [1, 2, 3].map((score) => ({ score, label: `L${score}`, anchor: 'An anchor.' }))
const rubric = [
  { id: 'communication', name: 'Communication', description: '', levels },
  { id: 'insight', name: 'Insight into the specialty', description: '', levels },
]

describe('seasonOf', () => {
  it.each([
    ['2026-07-01T04:00:00Z', '2026-27'],
    ['2026-07-01T03:59:00Z', '2025-26'], // still June 30 in New York
    ['2027-01-15T15:00:00Z', '2026-27'],
    ['2099-12-31T12:00:00Z', '2099-00'],
  ])('%s is in %s', (instant, season) => {
    expect(seasonOf(new Date(instant), 'America/New_York')).toBe(season)
  })
})

describe('scoreProblems', () => {
  it('accepts a full scoring at the rubric’s levels', () => {
    expect(scoreProblems(rubric, { communication: 3, insight: 1 })).toEqual({})
  })
  it('names each missing, out-of-scale and unknown competency', () => {
    expect(scoreProblems(rubric, { communication: 4, empathy: 2 })).toEqual({
      'scores.communication': 'Choose one of its levels (1, 2, 3).',
      'scores.insight': 'Choose a level.',
      'scores.empathy': 'This is not a competency of the rubric.',
    })
  })
})

describe('rubricProblems', () => {
  it('refuses a repeated id and levels out of order', () => {
    expect(rubricProblems([rubric[0]!, { ...rubric[0]!, levels: [...levels].reverse() }])).toEqual({
      'competencies.1.id': 'Each competency needs its own id.',
      'competencies.1.name': 'Another competency has this name: give each its own.',
      'competencies.1.levels': 'List the levels from lowest to highest score, each score once.',
    })
  })

  it('refuses a name used twice, whatever its case and spaces', () => {
    expect(rubricProblems([rubric[0]!, { ...rubric[1]!, name: ' communication ' }])).toEqual({
      'competencies.1.name': 'Another competency has this name: give each its own.',
    })
  })
  it('lets the words of a scored level change but not a level past mocks were scored at go', () => {
    const used = new Map([['communication', [1, 3]]])
    const reworded = { ...rubric[0]!, levels: levels.map((l) => ({ ...l, label: `New ${l.label}` })) }
    expect(rubricProblems([reworded, rubric[1]!], used)).toEqual({})
    expect(rubricProblems([{ ...rubric[0]!, levels: levels.slice(0, 2) }, rubric[1]!], used)).toEqual({
      'competencies.0.levels':
        'Past mocks were scored 3 on this competency: keep a level for each (you may change its words), or retire the competency and add a new one.',
    })
  })
})
