import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffTotals, diffWords, MAX_EDITS, type DiffSegment } from './word-diff.ts'

const older = (segments: DiffSegment[]) =>
  segments
    .filter((s) => s.op !== 'insert')
    .map((s) => s.text)
    .join('')
const newer = (segments: DiffSegment[]) =>
  segments
    .filter((s) => s.op !== 'delete')
    .map((s) => s.text)
    .join('')

/** Texts made of a few words, so that random pairs share words and the diff has work to do. */
const words = fc.constantFrom('the', 'patient', 'I', 'learned', 'care', 'night', 'team', ',', '.', 'é', '👩‍⚕️')
const prose = fc.array(fc.tuple(words, fc.constantFrom(' ', '  ', '\n', '\n\n', '')), { maxLength: 60 }).map((parts) => parts.map(([w, s]) => w + s).join(''))

describe('diffWords', () => {
  it('marks a changed word as deleted then inserted, and keeps the rest equal', () => {
    expect(diffWords('I cared for the patient at night.', 'I cared for the patient all night.')).toEqual([
      { op: 'equal', text: 'I cared for the patient ' },
      { op: 'delete', text: 'at' },
      { op: 'insert', text: 'all' },
      { op: 'equal', text: ' night.' },
    ])
  })

  it('finds an insertion and a deletion in the same text', () => {
    expect(diffWords('One two three four.', 'Zero one two four.')).toEqual([
      { op: 'delete', text: 'One two three' },
      { op: 'insert', text: 'Zero one two' },
      { op: 'equal', text: ' four.' },
    ])
  })

  it('has nothing but equal text for the same text, and nothing at all for two empty ones', () => {
    expect(diffWords('Same words.', 'Same words.')).toEqual([{ op: 'equal', text: 'Same words.' }])
    expect(diffWords('', '')).toEqual([])
    expect(diffWords('', 'New.')).toEqual([{ op: 'insert', text: 'New.' }])
    expect(diffWords('My first patient taught me.', 'My first patient on nights taught me.')).toEqual([
      { op: 'equal', text: 'My first patient ' },
      { op: 'insert', text: 'on nights ' },
      { op: 'equal', text: 'taught me.' },
    ])
  })

  it('gives both texts back exactly, whatever they are (property)', () => {
    fc.assert(
      fc.property(prose, prose, (a, b) => {
        const segments = diffWords(a, b)
        expect(older(segments)).toBe(a)
        expect(newer(segments)).toBe(b)
        // Never two neighbours with the same operation, never an empty segment.
        for (let i = 0; i < segments.length; i++) {
          expect(segments[i]?.text.length).toBeGreaterThan(0)
          if (i > 0) expect(segments[i]?.op).not.toBe(segments[i - 1]?.op)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('changes no more than what was edited: one word put in the middle is one insertion (property)', () => {
    fc.assert(
      fc.property(prose, prose, (head, tail) => {
        const a = `${head} ${tail}`
        const b = `${head} inserted ${tail}`
        const totals = diffTotals(diffWords(a, b))
        expect(totals).toEqual({ inserted: 'inserted '.length, deleted: 0 })
      }),
      { numRuns: 200 },
    )
  })

  it('replacing one word shows that word only, deleted then inserted (property)', () => {
    const plain = fc.array(fc.constantFrom('the', 'patient', 'care', 'night', 'team'), { minLength: 1, maxLength: 20 }).map((w) => w.join(' '))
    fc.assert(
      fc.property(plain, plain, (head, tail) => {
        const segments = diffWords(`${head} before ${tail}`, `${head} after ${tail}`)
        expect(segments.filter((s) => s.op !== 'equal')).toEqual([
          { op: 'delete', text: 'before' },
          { op: 'insert', text: 'after' },
        ])
      }),
      { numRuns: 200 },
    )
  })

  it(`shows a rewrite of more than ${MAX_EDITS} edits as replaced whole, still exactly`, () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ')
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ')
    const segments = diffWords(a, b)
    expect(older(segments)).toBe(a)
    expect(newer(segments)).toBe(b)
  })
})
