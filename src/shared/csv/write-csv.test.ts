import { describe, expect, it } from 'vitest'
import { csvField, writeCsv } from './write-csv.ts'

describe('RFC 4180 CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['-1 + 2', "'-1 + 2"],
    ['', ''],
    ['+1 555', "'+1 555"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['\r=cmd', '"\'\r=cmd"'],
    ['-3', "'-3"],
    [' padded ', '" padded "'],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected)
  })

  it('numbers are written as they are, null as empty', () => {
    expect(csvField(-1.5)).toBe('-1.5')
    expect(csvField(null)).toBe('')
  })

  it('a number stays a number, negative or not; a non-finite number is empty', () => {
    expect(csvField(-3)).toBe('-3')
    expect(csvField(Number.NaN)).toBe('')
    expect(csvField(undefined)).toBe('')
  })

  it('command-line output may end lines with LF', () => {
    expect(writeCsv(['a'], [['x']], { lineEnd: '\n' })).toBe('a\nx\n')
  })

  it('rows end with CRLF', () => {
    expect(writeCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n')
  })
})
