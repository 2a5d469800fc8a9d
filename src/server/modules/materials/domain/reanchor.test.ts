import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyReplacements } from './apply-suggestions.ts'
import { reanchor, type Anchored } from './reanchor.ts'
import { rangeProblems } from './text-range.ts'

const V1 = 'My first patient taught me patience. I stayed late. I stayed late again.'

function commentOn(text: string, quote: string, id = 'c1', from = 0): Anchored {
  const start = text.indexOf(quote, from)
  if (start < 0) throw new Error(`"${quote}" not in the text`)
  return { id, start, end: start + quote.length, quote }
}

describe('reanchor', () => {
  it('keeps a comment where it was when the text did not move', () => {
    const c = commentOn(V1, 'taught me patience')
    expect(reanchor([c], V1, `${V1} And more.`)).toEqual([{ id: 'c1', anchor: { start: c.start, end: c.end }, outdated: false }])
  })

  it('follows its words when an edit before them moved them', () => {
    const c = commentOn(V1, 'taught me patience')
    const v2 = V1.replace('My first patient', 'The very first patient I admitted')
    const [moved] = reanchor([c], V1, v2)
    expect(moved?.anchor && v2.slice(moved.anchor.start, moved.anchor.end)).toBe('taught me patience')
  })

  it('picks the occurrence nearest to where it was when the words occur twice', () => {
    const second = commentOn(V1, 'I stayed late', 'c2', V1.indexOf('I stayed late') + 1)
    const v2 = `Prologue. ${V1}`
    const [moved] = reanchor([second], V1, v2)
    expect(moved?.anchor?.start).toBe(second.start + 'Prologue. '.length)
  })

  it('marks a comment outdated, and keeps it, when its words are gone', () => {
    const c = commentOn(V1, 'taught me patience')
    const v2 = V1.replace('taught me patience', 'showed me how to wait')
    expect(reanchor([c], V1, v2)).toEqual([{ id: 'c1', anchor: null, outdated: true }])
  })

  it('never loses a comment, and every anchor it gives covers exactly the quoted words (property)', () => {
    const piece = fc.constantFrom('patient', 'night', 'I stayed', ' ', '. ', 'care', 'team', '\n')
    const text = fc.array(piece, { minLength: 1, maxLength: 30 }).map((p) => p.join(''))
    const scenario = text.chain((before) =>
      fc.record({
        before: fc.constant(before),
        after: text,
        ranges: fc.array(
          fc
            .tuple(fc.nat({ max: before.length - 1 }), fc.nat({ max: before.length - 1 }))
            .map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) + 1 })),
          { maxLength: 8 },
        ),
      }),
    )
    fc.assert(
      fc.property(scenario, ({ before, after, ranges }) => {
        const comments = ranges.map((r, i) => ({ id: `c${i}`, ...r, quote: before.slice(r.start, r.end) }))
        const result = reanchor(comments, before, after)
        expect(result.map((r) => r.id)).toEqual(comments.map((c) => c.id))
        result.forEach((r, i) => {
          const quote = comments[i]?.quote ?? ''
          if (r.anchor) expect(after.slice(r.anchor.start, r.anchor.end)).toBe(quote)
          expect(r.outdated).toBe(r.anchor === null)
          // Outdated only when the words are really gone.
          expect(r.outdated).toBe(!after.includes(quote))
        })
        // The text unchanged: every comment stays exactly where it was.
        expect(reanchor(comments, before, before).map((r) => r.anchor)).toEqual(comments.map((c) => ({ start: c.start, end: c.end })))
      }),
      { numRuns: 300 },
    )
  })

  it('after text is put before a unique quote, moves it by exactly what was put there (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (inserted, tail) => {
        const before = `Opening line. UNIQUE-QUOTE ${tail.replaceAll('UNIQUE-QUOTE', '')}`
        const at = 'Opening'.length
        const after = before.slice(0, at) + inserted.replaceAll('UNIQUE-QUOTE', '') + before.slice(at)
        const c = commentOn(before, 'UNIQUE-QUOTE')
        const [moved] = reanchor([c], before, after)
        expect(moved?.anchor?.start).toBe(c.start + (after.length - before.length))
      }),
    )
  })
})

describe('rangeProblems', () => {
  it.each([
    [{ start: 0, end: 5 }, null],
    [{ start: 0, end: V1.length }, null],
    [{ start: 3, end: 3 }, { end: 'Select at least one character: the range must end after it starts.' }],
    [{ start: 9, end: 4 }, { end: 'Select at least one character: the range must end after it starts.' }],
    [{ start: 0, end: V1.length + 1 }, { end: `The text is ${V1.length} characters long: the range must end inside it.` }],
    [
      { start: V1.length + 5, end: V1.length + 9 },
      {
        start: `The text is ${V1.length} characters long: the range must start inside it.`,
        end: `The text is ${V1.length} characters long: the range must end inside it.`,
      },
    ],
  ])('%o → %o', (range, problems) => {
    expect(rangeProblems(V1, range)).toEqual(problems)
  })

  it('refuses a range that cuts a character in two', () => {
    const text = 'Care 👩‍⚕️ team'
    expect(rangeProblems(text, { start: 6, end: 9 })?.start).toBe('The range starts in the middle of a character.')
    expect(rangeProblems(text, { start: 5, end: 6 })?.end).toBe('The range ends in the middle of a character.')
    expect(rangeProblems(text, { start: 5, end: 7 })).toBeNull()
  })
})

describe('applyReplacements', () => {
  it('puts each suggestion in place of its range, whatever the order given', () => {
    const a = commentOn(V1, 'My first')
    const b = commentOn(V1, 'patience')
    expect(
      applyReplacements(V1, [
        { ...b, text: 'to listen' },
        { ...a, text: 'The first' },
      ]),
    ).toEqual({
      ok: true,
      text: V1.replace('My first', 'The first').replace('patience', 'to listen'),
    })
  })

  it('refuses two suggestions on overlapping words, naming both; touching ones are fine', () => {
    expect(
      applyReplacements('abcdef', [
        { id: 'x', start: 0, end: 3, text: 'X' },
        { id: 'y', start: 2, end: 4, text: 'Y' },
      ]),
    ).toEqual({
      ok: false,
      overlapping: ['x', 'y'],
    })
    expect(
      applyReplacements('abcdef', [
        { id: 'x', start: 0, end: 3, text: 'X' },
        { id: 'y', start: 3, end: 4, text: 'Y' },
      ]),
    ).toEqual({ ok: true, text: 'XYef' })
  })
})
