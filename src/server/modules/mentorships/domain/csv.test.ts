import { describe, expect, it } from 'vitest'
import { csvField, toCsv } from './csv.ts'

describe('RFC 4180 CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['-1 + 2', "'-1 + 2"],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected)
  })

  it('numbers are written as they are, null as empty', () => {
    expect(csvField(-1.5)).toBe('-1.5')
    expect(csvField(null)).toBe('')
  })

  it('rows end with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n')
  })
})
