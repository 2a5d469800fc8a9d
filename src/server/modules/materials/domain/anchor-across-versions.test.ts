import { describe, expect, it } from 'vitest'
import { anchorAcrossVersions } from './anchor-across-versions.ts'

const v1 = { id: 'v1', number: 1, body: 'I stayed late with my first patient. She taught me patience.' }
const v2 = { id: 'v2', number: 2, body: 'Every night I stayed late with my first patient. She taught me patience.' }
const v3 = { id: 'v3', number: 3, body: 'Every night I stayed late with my first patient. She showed me how to wait.' }
const v4 = { id: 'v4', number: 4, body: 'Every night I stayed late. She taught me patience.' }
const quote = 'taught me patience'
const thread = { id: 't1', versionId: 'v1', start: v1.body.indexOf(quote), end: v1.body.indexOf(quote) + quote.length, quote }

describe('anchorAcrossVersions', () => {
  it('carries a comment forward through edits, marks it outdated when its words go, and finds it again when they come back', () => {
    expect(anchorAcrossVersions([v1, v2, v3, v4], [thread], 1).get('t1')?.anchor).toEqual({ start: thread.start, end: thread.end })
    const inV2 = anchorAcrossVersions([v1, v2, v3, v4], [thread], 2).get('t1')?.anchor
    expect(inV2 && v2.body.slice(inV2.start, inV2.end)).toBe(quote)
    expect(anchorAcrossVersions([v1, v2, v3, v4], [thread], 3).get('t1')).toEqual({ id: 't1', anchor: null, outdated: true })
    const inV4 = anchorAcrossVersions([v4, v3, v2, v1], [thread], 4).get('t1')?.anchor
    expect(inV4 && v4.body.slice(inV4.start, inV4.end)).toBe(quote)
  })

  it('leaves out threads made on later versions, and keeps every other one', () => {
    const later = { id: 't2', versionId: 'v3', start: 0, end: 5, quote: 'Every' }
    const inV2 = anchorAcrossVersions([v1, v2, v3], [thread, later], 2)
    expect([...inV2.keys()]).toEqual(['t1'])
    expect([...anchorAcrossVersions([v1, v2, v3], [thread, later], 3).keys()].sort()).toEqual(['t1', 't2'])
  })
})
